package io.boardclerk.core.model;

import java.time.LocalDate;

/**
 * When an action is due: the words as given ("the May Board") and, once known, the date they resolve to.
 *
 * @param date null while a meeting target waits for that meeting to be scheduled, or for "on-going"
 */
public record Target(String text, LocalDate date) {
}
