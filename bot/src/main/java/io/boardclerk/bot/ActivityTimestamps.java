package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The Bot Framework SDK reads an activity's {@code timestamp} only with fractional seconds: an equally valid ISO 8601
 * time such as {@code 2026-11-23T15:00:00Z} left the whole activity empty (no type, no conversation), so a well-formed
 * message was refused as if it had none. Each time is rewritten into the form the SDK reads before the activity is
 * converted, and one that is no date at all is named in the refusal.
 */
final class ActivityTimestamps {

    static final String[] FIELDS = {"timestamp", "localTimestamp"};
    private static final DateTimeFormatter SDK_FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSXXX");

    private ActivityTimestamps() {
    }

    /** Rewrites the activity's times in place; the name of a field that is not an ISO 8601 time, if any. */
    static Optional<String> normalise(ObjectNode activity) {
        for (String field : FIELDS) {
            JsonNode value = activity.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                return Optional.of(field);
            }
            try {
                activity.put(field, SDK_FORM.format(OffsetDateTime.parse(value.asText().strip())));
            } catch (DateTimeParseException e) {
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }
}
