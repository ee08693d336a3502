package io.boardclerk.core.sharepoint;

import java.time.LocalDate;

/**
 * Names of the files uploaded to a board's folder: "2026-11-23 Business Coordination Board - minutes (draft).docx".
 * The date first, so a folder sorted by name is in date order; characters SharePoint refuses in names
 * ({@code " * : < > ? / \ |}, control characters) become spaces, and leading or trailing dots and spaces go.
 */
public final class FileNames {

    private FileNames() {
    }

    public static String minutes(LocalDate date, String boardName, boolean approved) {
        return date + " " + clean(boardName) + " - minutes" + (approved ? "" : " (draft)") + ".docx";
    }

    public static String actionLog(LocalDate date, String boardName) {
        return date + " " + clean(boardName) + " - action log.docx";
    }

    static String clean(String name) {
        String cleaned = (name == null ? "" : name).replaceAll("[\"*:<>?/\\\\|\\p{Cntrl}#%]", " ")
                .replaceAll("\\s+", " ").replaceAll("^[ .]+|[ .]+$", "");
        if (cleaned.length() > 120) {
            cleaned = cleaned.substring(0, 120).strip();
        }
        return cleaned.isEmpty() ? "Board" : cleaned;
    }
}
