package io.boardclerk.bot.documents;

import io.boardclerk.bot.BotConfig;
import io.boardclerk.core.clerk.Card;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signed, expiring download links, each for one board's data (and, for minutes, one meeting of that board).
 * <p>
 * A link is {@code <public URL>/files/<token>}. The token is {@code base64url(claims) "." base64url(HMAC-SHA256)};
 * the claims read {@code 1.<board id>.<meeting id or ->.<document>.<expiry, epoch seconds>}. They are not secret,
 * only unforgeable: changing any of them (another board, another meeting, a later expiry) breaks the signature.
 * Verification compares signatures in constant time and checks the expiry only once the signature holds, so an
 * expired link can honestly be told apart from a forged one.
 */
public final class DownloadLinks {

    /** Where the server serves downloads: {@code GET /files/{token}}. */
    public static final String PATH = "/files/";

    private static final String ALGORITHM = "HmacSHA256";
    /** Keeps these signatures apart from anything else the same key might ever sign. */
    private static final byte[] CONTEXT = "boardclerk-download-link\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_TOKEN_LENGTH = 512;
    private static final int MAC_BYTES = 32;
    private static final Pattern CLAIMS = Pattern.compile(
            "1\\.(\\d{1,18})\\.(\\d{1,18}|-)\\.([A-Z][A-Z_]{0,39})\\.(\\d{1,12})");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration ttl;
    private final Clock clock;
    private final Supplier<Optional<URI>> base;

    /** A link BoardClerk made, or why it could not make one. */
    public sealed interface Minted {
    }

    /** A link and the moment it stops working. */
    public record Link(URI uri, Instant expiresAt) implements Minted {
    }

    /** No link can be made; {@code reason} says why and what to set, in words for the secretary. */
    public record Unavailable(String reason) implements Minted {
    }

    /** What a token presented to the server turned out to be. */
    public sealed interface Checked {
    }

    /** A genuine, current token: serve exactly this. */
    public record Valid(Grant grant) implements Checked {
    }

    /** A genuine token whose time has passed. */
    public record Expired(Instant expiredAt) implements Checked {
    }

    /** Forged, altered, truncated or not a token at all. Nothing more is said, on purpose. */
    public record Invalid() implements Checked {
    }

    /** The signing key can be neither read nor made; the message says where and what to do, never the key. */
    public static final class KeyUnavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        KeyUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What a valid token allows: one document of one board, for minutes one meeting of it. */
    public record Grant(long boardId, Long meetingId, Card.Document document, Instant expiresAt) {
    }

    /**
     * @param key   the signing key's bytes; at least 32
     * @param base  where people reach BoardClerk, without a trailing slash; empty when links cannot be made
     */
    public DownloadLinks(byte[] key, Duration ttl, Clock clock, Supplier<Optional<URI>> base) {
        if (key.length < MAC_BYTES) {
            throw new IllegalArgumentException("A link key needs at least " + MAC_BYTES + " bytes");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A link must last some time");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
        this.ttl = ttl;
        this.clock = clock;
        this.base = base;
    }

    /**
     * The server's links: the key from BOARDCLERK_LINK_KEY or the database's {@code link.key}; the base from
     * BOARDCLERK_PUBLIC_URL, or in local mode the loopback address on the port the server listens on.
     */
    public static DownloadLinks forServer(BotConfig config, Clock clock, IntSupplier port) {
        byte[] key = LinkKey.load(config);
        String configured = config.publicUrl();
        Supplier<Optional<URI>> base;
        if (!configured.isEmpty()) {
            Optional<URI> fixed = Optional.of(URI.create(configured));
            base = () -> fixed;
        } else if (config.localMode()) {
            base = () -> Optional.of(URI.create("http://127.0.0.1:" + port.getAsInt()));
        } else {
            base = Optional::empty;
        }
        return new DownloadLinks(key, config.linkTtl(), clock, base);
    }

    public Duration ttl() {
        return ttl;
    }

    /** Whether links can be made at all (outside local mode they need BOARDCLERK_PUBLIC_URL). */
    public boolean available() {
        return base.get().isPresent();
    }

    /** A link to the download, valid from now for the configured time. */
    public Minted mint(Card.Download download) {
        Optional<URI> root = base.get();
        if (root.isEmpty()) {
            return new Unavailable("Download links are switched off: BoardClerk does not know the address people "
                    + "reach it at. Ask whoever runs BoardClerk to set BOARDCLERK_PUBLIC_URL (for example "
                    + "https://boardclerk.example.org) and restart it.");
        }
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String token = token(download.boardId(), download.meetingId(), download.document(), expiresAt);
        return new Link(URI.create(root.get() + PATH + token), expiresAt);
    }

    String token(long boardId, Long meetingId, Card.Document document, Instant expiresAt) {
        if (boardId < 0 || (meetingId != null && meetingId < 0)) {
            throw new IllegalArgumentException("Ids are never negative");
        }
        byte[] claims = ("1." + boardId + "." + (meetingId == null ? "-" : meetingId) + "." + document.name() + "."
                + expiresAt.getEpochSecond()).getBytes(StandardCharsets.US_ASCII);
        return ENCODER.encodeToString(claims) + "." + ENCODER.encodeToString(sign(claims));
    }

    /** Checks a token from a request. Never throws for bad input: anything that is not genuine is {@link Invalid}. */
    public Checked verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return new Invalid();
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Invalid();
        }
        byte[] claims;
        byte[] signature;
        try {
            claims = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return new Invalid();
        }
        if (!MessageDigest.isEqual(sign(claims), signature)) {
            return new Invalid();
        }
        Optional<Grant> grant = parse(claims);
        if (grant.isEmpty()) {
            return new Invalid();
        }
        if (!clock.instant().isBefore(grant.get().expiresAt())) {
            return new Expired(grant.get().expiresAt());
        }
        return new Valid(grant.get());
    }

    /**
     * When a link made here stops working, read from its token without checking the signature: for telling a person
     * in a card, never for deciding access.
     */
    public static Optional<Instant> expiryOf(URI link) {
        String path = link.getRawPath();
        int at = path == null ? -1 : path.lastIndexOf(PATH);
        if (at < 0) {
            return Optional.empty();
        }
        String token = path.substring(at + PATH.length());
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            return parse(DECODER.decode(token.substring(0, dot))).map(Grant::expiresAt);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static Optional<Grant> parse(byte[] claims) {
        Matcher m = CLAIMS.matcher(new String(claims, StandardCharsets.US_ASCII));
        if (!m.matches()) {
            return Optional.empty();
        }
        Card.Document document = Arrays.stream(Card.Document.values()).filter(d -> d.name().equals(m.group(3)))
                .findFirst().orElse(null);
        if (document == null) {
            return Optional.empty();
        }
        Long meetingId = m.group(2).equals("-") ? null : Long.valueOf(m.group(2));
        return Optional.of(new Grant(Long.parseLong(m.group(1)), meetingId, document,
                Instant.ofEpochSecond(Long.parseLong(m.group(4)))));
    }

    private byte[] sign(byte[] claims) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update(CONTEXT);
            return mac.doFinal(claims);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "DownloadLinks[ttl=" + ttl + ", available=" + available() + "]";
    }
}
