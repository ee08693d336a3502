package io.boardclerk.core.parse;

import io.boardclerk.core.roster.Mention;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * What the parser may know about where a message was said.
 *
 * @param today      the board's date now, for dates written without a year
 * @param minuted    the date of the meeting being minuted (the meeting under way, or the one held last whose
 *                   minutes are still being written up): the minutes' own dates and "next meeting" are judged
 *                   against it, not against today's clock
 * @param knownNames names of the board's people, found first in lists of names
 * @param initials   the board's known initials
 * @param mentions   the message's @mentions
 * @param officer    true when the sender is the board's chair or secretary: "10 – Estates strategy" from them is a
 *                   numbered paragraph of the minutes; from an owner, a report on action 10
 */
public record ParseContext(LocalDate today, LocalDate minuted, Collection<String> knownNames,
                           Collection<String> initials, List<Mention> mentions, boolean officer) {

    public ParseContext {
        knownNames = List.copyOf(knownNames);
        initials = List.copyOf(initials);
        mentions = List.copyOf(mentions);
    }

    public ParseContext(LocalDate today, LocalDate minuted, Collection<String> knownNames,
                        Collection<String> initials, List<Mention> mentions) {
        this(today, minuted, knownNames, initials, mentions, true);
    }

    /** Said on {@code today}, with no meeting being minuted but today's. */
    public ParseContext(LocalDate today, Collection<String> knownNames, Collection<String> initials,
                        List<Mention> mentions) {
        this(today, today, knownNames, initials, mentions, true);
    }
}
