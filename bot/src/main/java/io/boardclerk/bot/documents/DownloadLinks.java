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
 * the claims read {@code 2.<key id>.<board id>.<meeting id or ->.<document>.<issued>.<expiry>} (epoch seconds). They
 * are not secret, only unforgeable: changing any of them (another board, another meeting, a later expiry, another
 * key) breaks the signature. The key id names which of the configured keys signed it: the first key signs, every key
 * still configured verifies, so a key can be rotated while links it signed keep working until they expire. A board's
 * links issued before its revocation instant ({@code java -jar boardclerk.jar revoke-links --board ID}) are refused.
 * Tokens of the first format ({@code 1.<board>...<expiry>}, no key id) are still verified against every key.
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
    private static final Pattern CLAIMS_2 = Pattern.compile("2\\.([A-Za-z0-9_-]{1,16})\\.(\\d{1,18})\\.(\\d{1,18}|-)"
            + "\\.([A-Z][A-Z_]{0,39})\\.(\\d{1,12})\\.(\\d{1,12})");
    /** A key id: letters, digits, '-' and '_', up to 16. */
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,16}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final String keyId;
    private final SecretKeySpec key;
    private final java.util.Map<String, SecretKeySpec> verifying;
    private final java.util.function.LongFunction<Optional<Instant>> revokedBefore;
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

    /** A genuine token for a board whose links were revoked after it was issued. */
    public record Revoked() implements Checked {
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

    /** One signing key and the id tokens name it by. */
    public record Key(String id, byte[] secret) {
        public Key {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("A key id is 1 to 16 letters, digits, '-' or '_'");
            }
            if (secret.length < MAC_BYTES) {
                throw new IllegalArgumentException("A link key needs at least " + MAC_BYTES + " bytes");
            }
            secret = secret.clone();
        }
    }

    /**
     * @param key   the signing key's bytes; at least 32
     * @param base  where people reach BoardClerk, without a trailing slash; empty when links cannot be made
     */
    public DownloadLinks(byte[] key, Duration ttl, Clock clock, Supplier<Optional<URI>> base) {
        this(java.util.List.of(new Key("k1", key)), ttl, clock, base, board -> Optional.empty());
    }

    /**
     * @param keys          the first signs; every one verifies the tokens that name it
     * @param revokedBefore a board's revocation instant: its links issued at or before it are refused
     */
    public DownloadLinks(java.util.List<Key> keys, Duration ttl, Clock clock, Supplier<Optional<URI>> base,
                         java.util.function.LongFunction<Optional<Instant>> revokedBefore) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("A link key is needed");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("A link must last some time");
        }
        java.util.Map<String, SecretKeySpec> all = new java.util.LinkedHashMap<>();
        for (Key each : keys) {
            if (all.put(each.id(), new SecretKeySpec(each.secret(), ALGORITHM)) != null) {
                throw new IllegalArgumentException("Two link keys have the id " + each.id());
            }
        }
        this.keyId = keys.get(0).id();
        this.key = all.get(keyId);
        this.verifying = java.util.Map.copyOf(all);
        this.revokedBefore = revokedBefore;
        this.ttl = ttl;
        this.clock = clock;
        this.base = base;
    }

    /**
     * The server's links: the key from BOARDCLERK_LINK_KEY or the database's {@code link.key}; the base from
     * BOARDCLERK_PUBLIC_URL, or in local mode the loopback address on the port the server listens on.
     */
    public static DownloadLinks forServer(BotConfig config, Clock clock, IntSupplier port) {
        return forServer(config, clock, port, board -> Optional.empty(), (name, make) -> {
            throw new IllegalStateException("No database to keep the link key in");
        });
    }

    /**
     * As {@link #forServer(BotConfig, Clock, IntSupplier)}, refusing links of boards revoked since they were made,
     * with the key kept in the database's {@code sharedSecrets} when that is PostgreSQL and no key is configured.
     */
    public static DownloadLinks forServer(BotConfig config, Clock clock, IntSupplier port,
                                          java.util.function.LongFunction<Optional<Instant>> revokedBefore,
                                          java.util.function.BiFunction<String, Supplier<byte[]>, byte[]>
                                                  sharedSecrets) {
        java.util.List<Key> keys = LinkKey.load(config, make -> sharedSecrets.apply(LinkKey.SHARED_NAME, make));
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
        return new DownloadLinks(keys, config.linkTtl(), clock, base, revokedBefore);
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
        Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt = clock.instant().plus(ttl).truncatedTo(ChronoUnit.SECONDS);
        String token = token(download.boardId(), download.meetingId(), download.document(), issuedAt, expiresAt);
        return new Link(URI.create(root.get() + PATH + token), expiresAt);
    }

    String token(long boardId, Long meetingId, Card.Document document, Instant expiresAt) {
        return token(boardId, meetingId, document, expiresAt.minus(ttl), expiresAt);
    }

    String token(long boardId, Long meetingId, Card.Document document, Instant issuedAt, Instant expiresAt) {
        if (boardId < 0 || (meetingId != null && meetingId < 0)) {
            throw new IllegalArgumentException("Ids are never negative");
        }
        byte[] claims = ("2." + keyId + "." + boardId + "." + (meetingId == null ? "-" : meetingId) + "."
                + document.name() + "." + Math.max(0, issuedAt.getEpochSecond()) + "." + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.US_ASCII);
        return ENCODER.encodeToString(claims) + "." + ENCODER.encodeToString(sign(key, claims));
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
        String text = new String(claims, StandardCharsets.US_ASCII);
        Matcher second = CLAIMS_2.matcher(text);
        boolean genuine;
        Instant issuedAt = null;
        if (second.matches()) {
            SecretKeySpec named = verifying.get(second.group(1));
            genuine = named != null && MessageDigest.isEqual(sign(named, claims), signature);
            issuedAt = Instant.ofEpochSecond(Long.parseLong(second.group(5)));
        } else {
            genuine = false;
            for (SecretKeySpec each : verifying.values()) {
                genuine |= MessageDigest.isEqual(sign(each, claims), signature);
            }
        }
        if (!genuine) {
            return new Invalid();
        }
        Optional<Grant> grant = parse(claims);
        if (grant.isEmpty()) {
            return new Invalid();
        }
        if (!clock.instant().isBefore(grant.get().expiresAt())) {
            return new Expired(grant.get().expiresAt());
        }
        Instant issued = issuedAt != null ? issuedAt : grant.get().expiresAt().minus(ttl);
        Optional<Instant> revoked = revokedBefore.apply(grant.get().boardId());
        if (revoked.isPresent() && !issued.isAfter(revoked.get())) {
            return new Revoked();
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
        String text = new String(claims, StandardCharsets.US_ASCII);
        Matcher second = CLAIMS_2.matcher(text);
        if (second.matches()) {
            // The same fields as the first format, without the key id and the issue time.
            text = "1." + second.group(2) + "." + second.group(3) + "." + second.group(4) + "." + second.group(6);
        }
        Matcher m = CLAIMS.matcher(text);
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

    private static byte[] sign(SecretKeySpec key, byte[] claims) {
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
        return "DownloadLinks[ttl=" + ttl + ", key=" + keyId + ", keys=" + verifying.size() + ", available="
                + available() + "]";
    }
}
