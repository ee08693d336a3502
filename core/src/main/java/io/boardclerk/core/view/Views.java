package io.boardclerk.core.view;

import io.boardclerk.core.model.ActionItem;
import io.boardclerk.core.model.Owner;
import io.boardclerk.core.model.Target;
import io.boardclerk.core.parse.BritishDates;

import java.util.Locale;
import java.util.stream.Collectors;

/** Turns the record into the plain-text rows every rendering shares. */
public final class Views {

    private Views() {
    }

    public static ActionRow row(ActionItem a) {
        return new ActionRow(a.id(), a.number(), a.raisedOn(), a.agendaItem(), a.text(), owners(a), target(a.target()),
                a.target().date(), a.updates(), a.status(), a.version());
    }

    /** The owners as the log writes them: "Constabulary; Jo Grant". */
    public static String owners(ActionItem a) {
        return a.owners().stream().map(Owner::name).collect(Collectors.joining("; "));
    }

    /** A target in plain words: "26/05/2026", "the May Board (26/05/2026)", "on-going", "not set". */
    public static String target(Target target) {
        if (target == null || target.text() == null) {
            return "not set";
        }
        if (target.date() == null) {
            return isOngoing(target.text()) ? target.text() : target.text() + " (date to follow)";
        }
        String date = BritishDates.format(target.date());
        return target.text().equals(date) ? date : target.text() + " (" + date + ")";
    }

    public static boolean isOngoing(String words) {
        return words != null && words.toLowerCase(Locale.ROOT).matches(".*\\bon-?\\s?going\\b.*");
    }
}
