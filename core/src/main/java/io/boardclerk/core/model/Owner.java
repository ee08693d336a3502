package io.boardclerk.core.model;

/**
 * Who owns an action: a person BoardClerk knows, or a body ("Constabulary", "OPCC") kept by name.
 *
 * @param personId null for a body or for a name that matched nobody
 */
public record Owner(Long personId, String name, boolean body) {

    public static Owner person(Person person) {
        return new Owner(person.id(), person.name(), false);
    }

    public static Owner body(String name) {
        return new Owner(null, name, true);
    }

    public static Owner unresolved(String name) {
        return new Owner(null, name, false);
    }

    public boolean resolved() {
        return personId != null || body;
    }
}
