package io.boardclerk.core.parse;

import java.time.LocalDate;

/**
 * What {@link BritishDates} found in a text: a date, or something written as a date that no calendar has.
 *
 * @param date    the date, null when {@code written} is impossible
 * @param written the words as they stood in the text
 * @param start   where they start in the text
 * @param end     where they end in the text
 */
public record DateFinding(LocalDate date, String written, int start, int end) {

    public boolean impossible() {
        return date == null;
    }
}
