package io.boardclerk.core.clerk;

import io.boardclerk.core.port.CalendarSource.Occurrence;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The board's meeting series in a calendar, matched exactly: every occurrence of a series one of whose events has
 * exactly the subject (ignoring case, spacing and Outlook's "Canceled:" prefix; the board's name when none was given)
 * or the join link of one of the board's Teams meetings, and single events with exactly that subject. A subject that
 * merely contains the words is not the series; it is offered as a near miss, so the asker can name it.
 *
 * @param occurrences the series' occurrences, in the calendar's order
 * @param subject     the series' own subject as the calendar spells it (the first occurrence's), null when none
 * @param series      how many distinct series matched: more than one is ambiguous, and none is followed
 * @param nearMisses  subjects (at most {@value #MOST_NEAR}) that contain the wanted words without being them
 */
record SeriesMatch(List<Occurrence> occurrences, String subject, int series, List<String> nearMisses) {

    static final int MOST_NEAR = 5;

    SeriesMatch {
        occurrences = List.copyOf(occurrences);
        nearMisses = List.copyOf(nearMisses);
    }

    boolean found() {
        return !occurrences.isEmpty() && series <= 1;
    }

    static SeriesMatch of(List<Occurrence> all, String subject, String boardName, Set<String> joinUrls) {
        String wanted = normalise(subject != null ? subject : boardName);
        if (wanted.isEmpty()) {
            return new SeriesMatch(List.of(), null, 0, List.of());
        }
        Set<String> masters = new LinkedHashSet<>();
        Set<String> near = new LinkedHashSet<>();
        for (Occurrence o : all) {
            String own = normalise(o.subject());
            boolean ours = own.equals(wanted) || (o.joinUrl() != null && joinUrls.contains(o.joinUrl()));
            if (o.seriesMasterId() != null && ours) {
                masters.add(o.seriesMasterId());
            }
            if (!ours && own.contains(wanted) && near.size() < MOST_NEAR) {
                near.add(shown(o.subject()));
            }
        }
        Map<String, Occurrence> byId = new LinkedHashMap<>();
        for (Occurrence o : all) {
            boolean ofSeries = o.seriesMasterId() != null ? masters.contains(o.seriesMasterId())
                    : normalise(o.subject()).equals(wanted);
            if (ofSeries && o.eventId() != null && o.start() != null) {
                byId.put(o.eventId(), o);
            }
        }
        List<Occurrence> found = new ArrayList<>(byId.values());
        String own = found.stream().filter(o -> !o.cancelled() && o.subject() != null)
                .min(Comparator.comparing(Occurrence::start)).or(() -> found.stream().findFirst())
                .map(o -> shown(o.subject())).orElse(null);
        return new SeriesMatch(found, own, masters.size(), new ArrayList<>(near));
    }

    static String normalise(String subject) {
        return subject == null ? "" : subject.toLowerCase(Locale.ROOT).replaceFirst("^\\s*cancell?ed:\\s*", "")
                .replaceAll("\\s+", " ").strip();
    }

    /** A subject as the calendar spells it, without Outlook's "Canceled:" prefix and extra spaces. */
    private static String shown(String subject) {
        return subject == null ? "" : subject.replaceFirst("^\\s*(?i:cancell?ed):\\s*", "").replaceAll("\\s+", " ")
                .strip();
    }
}
