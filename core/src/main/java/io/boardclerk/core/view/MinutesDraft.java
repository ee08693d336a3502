package io.boardclerk.core.view;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The standing sections of a meeting's minutes, laid out as the board's own minutes lay them out. All strings are
 * raw text; each renderer escapes them.
 *
 * @param marking      the protective marking line, e.g. "OFFICIAL – DRAFT until approved"; null when the board has
 *                     none (after approval it reads "OFFICIAL")
 * @param title        "Business Coordination Board"
 * @param when         "26th May 2026 at 10:00"
 * @param location     "Police Headquarters" or "Via Microsoft Teams"
 * @param approvedBy   who approved the minutes, null while a draft
 */
public record MinutesDraft(long boardId, long meetingId, String marking, String title, LocalDate date, String when,
                           String location, List<String> members, List<String> inAttendance,
                           List<Section> sections, String approvedBy, Instant approvedAt) {

    public MinutesDraft {
        members = List.copyOf(members);
        inAttendance = List.copyOf(inAttendance);
        sections = List.copyOf(sections);
    }

    /** A numbered section: "1", "Welcome and Apologies", its paragraphs. */
    public record Section(String number, String heading, List<Paragraph> paragraphs) {
        public Section {
            paragraphs = List.copyOf(paragraphs);
        }
    }

    /**
     * One paragraph. {@code label} is a run-in heading printed in bold before the text ("Action:", "Update:"), or
     * null; {@code bullet} marks a list line such as "- Action 10.0, Agenda Item 4.3, 16th December 2021 – ...".
     */
    public record Paragraph(String label, String text, boolean bullet) {
        public static Paragraph plain(String text) {
            return new Paragraph(null, text, false);
        }
    }

    public boolean approved() {
        return approvedBy != null;
    }
}
