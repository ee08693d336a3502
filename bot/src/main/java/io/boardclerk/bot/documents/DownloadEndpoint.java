package io.boardclerk.bot.documents;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.export.BoardExport;
import io.boardclerk.core.export.Exporter;
import io.boardclerk.core.view.ActionLogDocument;
import io.boardclerk.core.view.MinutesDraft;
import io.javalin.http.Context;
import io.javalin.http.GoneResponse;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code GET /files/{token}}: serves the one document a valid download link names, from that board's data only.
 * A forged, altered or unknown token, and a link to something that no longer exists, get the same 404, so nobody
 * learns which boards exist; an expired but genuine link gets 410 and is told to ask for a fresh one.
 */
public final class DownloadEndpoint {

    private final DownloadLinks links;
    private final Exporter exporter;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json;

    public DownloadEndpoint(DownloadLinks links, Exporter exporter, Clock clock, ZoneId zone, ObjectMapper json) {
        this.links = links;
        this.exporter = exporter;
        this.clock = clock;
        this.zone = zone;
        this.json = json;
    }

    public void handle(Context ctx) throws IOException {
        DownloadLinks.Checked checked = links.verify(ctx.pathParam("token"));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Content-Type-Options", "nosniff");
        if (checked instanceof DownloadLinks.Expired) {
            throw new GoneResponse("This download link has expired. Ask BoardClerk in the board's chat for a fresh "
                    + "link.");
        }
        if (checked instanceof DownloadLinks.Revoked) {
            throw new GoneResponse("This download link was withdrawn. Ask BoardClerk in the board's chat for a fresh "
                    + "link.");
        }
        if (!(checked instanceof DownloadLinks.Valid valid)) {
            throw notFound();
        }
        Optional<File> file = file(valid.grant());
        if (file.isEmpty()) {
            throw notFound();
        }
        Card.Document document = valid.grant().document();
        ctx.status(HttpStatus.OK);
        ctx.contentType(document.mediaType() + (document.mediaType().startsWith("text/")
                || document == Card.Document.EXPORT_JSON ? "; charset=utf-8" : ""));
        ctx.header("Content-Disposition", contentDisposition(file.get().name()));
        ctx.result(file.get().bytes());
    }

    private record File(String name, byte[] bytes) {
    }

    private Optional<File> file(DownloadLinks.Grant grant) throws IOException {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        return switch (grant.document()) {
            case ACTION_LOG_CSV, ACTION_LOG_DOCX -> actionLog(grant, today);
            case MINUTES_DOCX -> minutes(grant, today);
            case EXPORT_JSON -> export(grant, today);
        };
    }

    private Optional<File> actionLog(DownloadLinks.Grant grant, LocalDate today) throws IOException {
        Optional<ActionLogDocument> log = exporter.actionLog(grant.boardId(), today);
        if (log.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (grant.document() == Card.Document.ACTION_LOG_CSV) {
            ActionLogCsv.write(log.get(), out);
        } else {
            ActionLogDocx.write(log.get(), out);
        }
        return Optional.of(new File(fileName(log.get().boardName(), "action-log", today, grant.document()),
                out.toByteArray()));
    }

    /** Only with the meeting the link names, and only when that meeting is the link's board's. */
    private Optional<File> minutes(DownloadLinks.Grant grant, LocalDate today) throws IOException {
        if (grant.meetingId() == null) {
            return Optional.empty();
        }
        Optional<MinutesDraft> draft = exporter.minutes(grant.boardId(), grant.meetingId());
        if (draft.isEmpty()) {
            return Optional.empty();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MinutesDocx.write(draft.get(), zone, out);
        LocalDate date = draft.get().date() != null ? draft.get().date() : today;
        return Optional.of(new File(fileName(draft.get().title(), "minutes", date, grant.document()),
                out.toByteArray()));
    }

    private Optional<File> export(DownloadLinks.Grant grant, LocalDate today) throws IOException {
        Optional<BoardExport.Document> export = exporter.board(grant.boardId());
        if (export.isEmpty() || export.get().boards().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new File(fileName(export.get().boards().get(0).name(), "export", today, grant.document()),
                json.writerWithDefaultPrettyPrinter().writeValueAsBytes(export.get())));
    }

    /** "Business-Coordination-Board-action-log-2026-11-23.csv": safe in any file system and header. */
    public static String fileName(String boardName, String what, LocalDate date, Card.Document document) {
        return slug(boardName) + "-" + what + "-" + date + "." + document.extension();
    }

    /**
     * {@code attachment; filename="ascii-name"; filename*=UTF-8''percent-encoded-name} (RFC 6266): the plain name
     * for old clients, the exact one for the rest.
     */
    static String contentDisposition(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "")
                .replaceAll("[^A-Za-z0-9._-]+", "-");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + percentEncode(name);
    }

    /**
     * The board's name as a file name part: letters and digits of any script kept, every run of anything else one
     * hyphen, at most 60 characters; "board" when nothing is left.
     */
    static String slug(String name) {
        String slug = (name == null ? "" : name).replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("^-+|-+$", "");
        if (slug.length() > 60) {
            int end = Character.isHighSurrogate(slug.charAt(59)) ? 59 : 60;
            slug = slug.substring(0, end).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "board" : slug;
    }

    /** RFC 5987 attr-char kept, everything else as %XX of its UTF-8 bytes. */
    static String percentEncode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static NotFoundResponse notFound() {
        return new NotFoundResponse("There is no such download. Ask BoardClerk in the board's chat for a new link.");
    }
}
