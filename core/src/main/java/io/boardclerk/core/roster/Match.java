package io.boardclerk.core.roster;

import io.boardclerk.core.model.Person;

import java.util.List;

/** How a name, title or initials matched the people of a board. */
public sealed interface Match {

    record Unique(Person person) implements Match {
    }

    record Ambiguous(List<Person> candidates) implements Match {
        public Ambiguous {
            candidates = List.copyOf(candidates);
        }
    }

    record None() implements Match {
    }
}
