package io.boardclerk.storage;

import io.boardclerk.core.model.PersonLink;

import java.util.List;

/**
 * Linking a person known only by name to a person Teams knows (the ledger delegates to this): every row that names
 * the name-only person is moved to the Teams person, then the name-only person is deleted. The same SQL runs on
 * SQLite and PostgreSQL. The foreign keys to {@code people} that do not cascade (apologies, declarations, actions,
 * action owners, awaited apologies) make the final delete fail, and the transaction roll back, if a table were ever
 * missed here.
 */
final class SqlitePersonLinks {

    private final Sql sql;

    SqlitePersonLinks(Sql sql) {
        this.sql = sql;
    }

    private record Identity(long boardId, String teamsId, String aadObjectId) {
    }

    PersonLink link(long from, long to) {
        Identity nameOnly = identity(from);
        Identity teams = identity(to);
        if (nameOnly.boardId() != teams.boardId()) {
            throw new IllegalArgumentException("people " + from + " and " + to + " are on different boards");
        }
        if (nameOnly.teamsId() != null || nameOnly.aadObjectId() != null) {
            throw new IllegalArgumentException("person " + from + " is not known only by name");
        }
        if (teams.teamsId() == null) {
            throw new IllegalArgumentException("person " + to + " has no Teams identity");
        }
        // Apologies both have for one meeting are one apology: the Teams person's is kept, and an awaited apology
        // that became the dropped one now points at the kept one.
        sql.update("UPDATE awaited_apologies SET apology_id = (SELECT MIN(t.id) FROM apologies t JOIN apologies n"
                + " ON n.meeting_id = t.meeting_id WHERE n.id = awaited_apologies.apology_id AND t.person_id = ?)"
                + " WHERE apology_id IN (SELECT n.id FROM apologies n WHERE n.person_id = ? AND EXISTS"
                + " (SELECT 1 FROM apologies t WHERE t.person_id = ? AND t.meeting_id = n.meeting_id))", to, from, to);
        int same = sql.update("DELETE FROM apologies WHERE person_id = ? AND meeting_id IN"
                + " (SELECT meeting_id FROM apologies WHERE person_id = ?)", from, to);
        int apologies = sql.update("UPDATE apologies SET person_id = ? WHERE person_id = ?", to, from);
        int awaited = sql.update("UPDATE awaited_apologies SET person_id = ? WHERE person_id = ?", to, from);
        int declarations = sql.update("UPDATE declarations SET person_id = ? WHERE person_id = ?", to, from);

        List<Long> actionIds = sql.list("SELECT DISTINCT action_id FROM action_owners WHERE person_id = ?"
                + " UNION SELECT id FROM actions WHERE owner_person_id = ? ORDER BY 1", row -> row.getLong(1),
                from, from);
        // An action both already own keeps the Teams person's place among its owners.
        sql.update("DELETE FROM action_owners WHERE person_id = ? AND action_id IN"
                + " (SELECT action_id FROM action_owners WHERE person_id = ?)", from, to);
        sql.update("UPDATE action_owners SET person_id = ? WHERE person_id = ?", to, from);
        sql.update("UPDATE actions SET owner_person_id = ?, version = version + 1 WHERE owner_person_id = ?",
                to, from);

        sql.update("DELETE FROM body_members WHERE person_id = ? AND EXISTS (SELECT 1 FROM body_members b"
                + " WHERE b.person_id = ? AND b.board_id = body_members.board_id"
                + " AND b.body_key = body_members.body_key)", from, to);
        int bodies = sql.update("UPDATE body_members SET person_id = ? WHERE person_id = ?", to, from);

        // A reminder delivered to both keeps the Teams person's delivery; the other stays as history, unnamed.
        int deliveries = sql.update("UPDATE reminder_deliveries SET person_id = ? WHERE person_id = ?"
                + " AND reminder_id NOT IN (SELECT reminder_id FROM reminder_deliveries WHERE person_id = ?)",
                to, from, to);

        sql.update("INSERT INTO standings (person_id, standing) SELECT ?, standing FROM standings"
                + " WHERE person_id = ? AND NOT EXISTS (SELECT 1 FROM standings WHERE person_id = ?)", to, from, to);
        sql.update("UPDATE people SET title = COALESCE(title, (SELECT p.title FROM people p WHERE p.id = ?)),"
                + " alias = COALESCE(alias, (SELECT p.alias FROM people p WHERE p.id = ?)) WHERE id = ?",
                from, from, to);
        sql.update("UPDATE boards SET chair_id = ? WHERE chair_id = ?", to, from);
        sql.update("UPDATE boards SET secretary_id = ? WHERE secretary_id = ?", to, from);
        sql.update("DELETE FROM people WHERE id = ?", from);
        return new PersonLink(apologies, same, awaited, declarations, actionIds, bodies, deliveries);
    }

    private Identity identity(long personId) {
        return sql.one("SELECT board_id, teams_id, aad_object_id FROM people WHERE id = ?",
                        row -> new Identity(row.getLong(1), row.getString(2), row.getString(3)), personId)
                .orElseThrow(() -> new IllegalArgumentException("no person " + personId));
    }
}
