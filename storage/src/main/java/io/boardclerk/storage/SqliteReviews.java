package io.boardclerk.storage;

import io.boardclerk.core.model.ActionReview;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The review of the action log at a meeting (V2): which actions were taken, in what order, what was decided and said
 * of each, and the one under review now.
 */
final class SqliteReviews {

    private final Sql sql;

    SqliteReviews(Sql sql) {
        this.sql = sql;
    }

    void addReview(long meetingId, long actionId, Instant at) {
        sql.update("INSERT INTO action_reviews (meeting_id, action_id, position, at) VALUES (?, ?,"
                + " (SELECT COALESCE(MAX(position), 0) + 1 FROM action_reviews WHERE meeting_id = ?), ?)"
                + " ON CONFLICT DO NOTHING", meetingId, actionId, meetingId, at);
    }

    void setReviewDecision(long meetingId, long actionId, String decision, Instant at) {
        addReview(meetingId, actionId, at);
        sql.update("UPDATE action_reviews SET decision = ?, at = ? WHERE meeting_id = ? AND action_id = ?",
                decision, at, meetingId, actionId);
    }

    void setReviewUpdate(long meetingId, long actionId, String update, Instant at) {
        addReview(meetingId, actionId, at);
        sql.update("UPDATE action_reviews SET update_text = ? WHERE meeting_id = ? AND action_id = ?",
                update, meetingId, actionId);
    }

    List<ActionReview> reviews(long meetingId) {
        return sql.list("SELECT meeting_id, action_id, position, decision, update_text, at FROM action_reviews"
                        + " WHERE meeting_id = ? ORDER BY position", row -> new ActionReview(row.getLong(1),
                        row.getLong(2), row.getInt(3), row.getString(4), row.getString(5), Sql.instant(row, "at")),
                meetingId);
    }

    Optional<Long> actionUnderReview(long meetingId) {
        return sql.one("SELECT review_action_id FROM meetings WHERE id = ?", row -> Sql.longOrNull(row,
                "review_action_id"), meetingId).flatMap(Optional::ofNullable);
    }

    void setActionUnderReview(long meetingId, Long actionId) {
        sql.update("UPDATE meetings SET review_action_id = ? WHERE id = ?", actionId, meetingId);
    }
}
