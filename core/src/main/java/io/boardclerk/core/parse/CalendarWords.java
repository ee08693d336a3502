package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.command.Command.Calendar.Mode;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of {@code calendar [<organiser> [series "<subject>"] | follow <organiser> series "<subject>" | off |
 * sync]}.
 */
final class CalendarWords {

    static final String HOW = "calendar claire.dunmore@fenshire.example series \"Fenshire Board\"";

    /** An e-mail address or user principal name: something@somewhere.tld, nothing Graph would read as a path. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern SET = Pattern.compile("^(\\S+)(?:\\s+series\\s+(.+))?$", Pattern.CASE_INSENSITIVE);

    private CalendarWords() {
    }

    static Command command(String words) {
        if (words == null || words.isBlank()) {
            return new Command.Calendar(Mode.SHOW, null, null);
        }
        String w = words.strip().replaceAll("[.!]+$", "");
        switch (w.toLowerCase(Locale.ROOT)) {
            case "off", "stop", "none" -> {
                return new Command.Calendar(Mode.OFF, null, null);
            }
            case "sync", "sync now", "refresh" -> {
                return new Command.Calendar(Mode.SYNC, null, null);
            }
            default -> {
            }
        }
        boolean follow = w.toLowerCase(Locale.ROOT).startsWith("follow ");
        if (follow) {
            w = w.substring("follow ".length()).strip();
        }
        Matcher m = SET.matcher(w);
        boolean address = m.matches() && ADDRESS.matcher(m.group(1).replaceAll("^[<(]|[>)]$", "")).matches();
        if (!address && w.split("\\s+").length > 3) {
            // "Calendar of meetings for 2027 agreed": a sentence of the minutes, not a command.
            return null;
        }
        if (!address) {
            return new Command.Invalid("Give the organiser's e-mail address (or sign-in name), and optionally the "
                    + "subject of the meeting series in quotes.", HOW);
        }
        String organiser = m.group(1).replaceAll("^[<(]|[>)]$", "");
        String series = m.group(2) == null ? null
                : m.group(2).strip().replaceAll("^[\"“”']+|[\"“”']+$", "").strip();
        if (series != null && (series.isEmpty() || series.length() > 200)) {
            return new Command.Invalid("The series is the subject of the meetings in the calendar, in quotes.", HOW);
        }
        if (follow && series == null) {
            return new Command.Invalid("Following needs the series' exact subject, in quotes.", HOW);
        }
        return new Command.Calendar(follow ? Mode.FOLLOW : Mode.SET, organiser, series);
    }
}
