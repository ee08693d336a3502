package io.boardclerk.core.sharepoint;

import io.boardclerk.core.clerk.Md;

/**
 * A link to a SharePoint folder or file in a Teams (Markdown) reply: the name escaped as any user text, the address's
 * brackets, spaces and quotes percent-encoded so it cannot end the link early; an address that is not https is shown
 * as the bold name only.
 */
public final class MarkdownLink {

    private MarkdownLink() {
    }

    public static String of(String name, String url) {
        String safe = url == null ? "" : url.strip().replace(" ", "%20").replace("(", "%28").replace(")", "%29")
                .replace("<", "%3C").replace(">", "%3E").replace("\"", "%22").replace("[", "%5B")
                .replace("]", "%5D").replace("'", "%27").replace("\\", "%5C").replace("`", "%60");
        String shown = Md.esc(name == null || name.isBlank() ? "the folder" : name);
        return safe.startsWith("https://") ? "[" + shown + "](" + safe + ")" : "**" + shown + "**";
    }
}
