package io.boardclerk.bot.documents;

import io.boardclerk.bot.BotConfig;
import io.boardclerk.bot.support.TestClock;
import io.boardclerk.core.clerk.Card;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DownloadLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Card.Download CSV = new Card.Download(7, null, Card.Document.ACTION_LOG_CSV, "Action log");

    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(NOW);

    private DownloadLinks links(String key) {
        return new DownloadLinks(key.getBytes(StandardCharsets.UTF_8), Duration.ofHours(24), clock,
                () -> Optional.of(URI.create("https://boardclerk.example.org")));
    }

    private static String token(DownloadLinks.Minted minted) {
        String path = ((DownloadLinks.Link) minted).uri().getPath();
        assertTrue(path.startsWith("/files/"), path);
        return path.substring("/files/".length());
    }

    @Test
    void aLinkCarriesItsBoardDocumentAndExpiryAndWorksUntilThen() {
        DownloadLinks links = links("k".repeat(32));
        DownloadLinks.Link link = (DownloadLinks.Link) links.mint(CSV);
        assertEquals("boardclerk.example.org", link.uri().getHost());
        assertEquals(NOW.plus(Duration.ofHours(24)), link.expiresAt());
        assertEquals(Optional.of(link.expiresAt()), DownloadLinks.expiryOf(link.uri()));

        DownloadLinks.Grant grant = ((DownloadLinks.Valid) links.verify(token(link))).grant();
        assertEquals(new DownloadLinks.Grant(7, null, Card.Document.ACTION_LOG_CSV, link.expiresAt()), grant);

        clock.advance(Duration.ofHours(24).minusSeconds(1));
        assertInstanceOf(DownloadLinks.Valid.class, links.verify(token(link)));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(new DownloadLinks.Expired(link.expiresAt()), links.verify(token(link)));
    }

    @Test
    void anyChangeToATokenOrAnotherKeyMakesItInvalid() {
        DownloadLinks links = links("k".repeat(32));
        String token = token(links.mint(new Card.Download(7, 3L, Card.Document.MINUTES_DOCX, "Minutes")));
        int dot = token.indexOf('.');
        String claims = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.US_ASCII);
        assertTrue(claims.startsWith("2.k1.7.3.MINUTES_DOCX."), claims);

        for (String forged : new String[]{
                claims.replace("k1.7.3.", "k1.8.3."),          // another board
                claims.replace("k1.7.3.", "k1.7.4."),          // another meeting
                claims.replace("2.k1.", "2.k2."),              // another key id
                claims.replace("2.k1.7.3.", "1.7.3.").replaceFirst("\\.\\d+\\.(\\d+)$", ".$1"), // the old format
                claims.replace("MINUTES_DOCX", "EXPORT_JSON"), // another document
                claims.substring(0, claims.lastIndexOf('.') + 1) + "9999999999"}) { // a later expiry
            String tampered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    forged.getBytes(StandardCharsets.US_ASCII)) + token.substring(dot);
            assertEquals(new DownloadLinks.Invalid(), links.verify(tampered), forged);
        }
        char last = token.charAt(token.length() - 1);
        String flipped = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');
        assertEquals(new DownloadLinks.Invalid(), links.verify(flipped));
        assertEquals(new DownloadLinks.Invalid(), links("x".repeat(32)).verify(token), "another key");
        for (String junk : new String[]{"", ".", "abc", "abc.def", token + "." + token, "!!!.???", null,
                "a".repeat(600) + "." + "b"}) {
            assertEquals(new DownloadLinks.Invalid(), links.verify(junk), String.valueOf(junk));
        }
    }

    @Test
    void theKeyIsMadeOnceBesideTheDatabaseOwnerOnlyAndKeptAcrossRestarts() throws Exception {
        BotConfig config = BotConfig.from(Map.of("BOARDCLERK_DB", dir.resolve("data/boardclerk.db").toString()));
        DownloadLinks first = DownloadLinks.forServer(config, clock, () -> 4000);
        String token = token(first.mint(CSV));
        Path keyFile = dir.resolve("data/link.key");
        assertTrue(Files.isRegularFile(keyFile));
        if (Files.getFileStore(keyFile).supportsFileAttributeView("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
        }
        byte[] stored = Files.readAllBytes(keyFile);

        DownloadLinks afterRestart = DownloadLinks.forServer(config, clock, () -> 4001);
        assertInstanceOf(DownloadLinks.Valid.class, afterRestart.verify(token), "links survive a restart");
        assertArrayEquals(stored, Files.readAllBytes(keyFile), "the key is not remade");
        assertEquals(URI.create("http://127.0.0.1:4001"), URI.create(
                ((DownloadLinks.Link) afterRestart.mint(CSV)).uri().toString().replaceAll("/files/.*", "")),
                "local mode links to loopback on the port the server listens on");
    }

    @Test
    void aKeyFileThatIsNotAKeyStopsStartUpWithoutShowingIt() throws Exception {
        Files.writeString(dir.resolve("link.key"), "secret-ish-garbage");
        BotConfig config = BotConfig.from(Map.of("BOARDCLERK_DB", dir.resolve("boardclerk.db").toString()));
        DownloadLinks.KeyUnavailable e = assertThrows(DownloadLinks.KeyUnavailable.class,
                () -> DownloadLinks.forServer(config, clock, () -> 1));
        assertTrue(e.getMessage().contains("link.key"), e.getMessage());
        assertFalse(e.getMessage().contains("secret-ish-garbage"));
    }

    @Test
    void theEnvironmentsKeyIsUsedWhenSetAndNoFileIsMade() {
        String key = "an-operator-chosen-key-of-32-chars-or-more";
        Map<String, String> env = Map.of("BOARDCLERK_DB", dir.resolve("boardclerk.db").toString(),
                "BOARDCLERK_LINK_KEY", key, "BOARDCLERK_PUBLIC_URL", "https://clerk.example.org/");
        DownloadLinks links = DownloadLinks.forServer(BotConfig.from(env), clock, () -> 1);
        DownloadLinks.Link link = (DownloadLinks.Link) links.mint(CSV);
        assertTrue(link.uri().toString().startsWith("https://clerk.example.org/files/"), link.uri().toString());
        assertInstanceOf(DownloadLinks.Valid.class, DownloadLinks.forServer(BotConfig.from(env), clock, () -> 1)
                .verify(token(link)), "the same key (id env) after a restart");
        assertFalse(Files.exists(dir.resolve("link.key")));
    }

    @Test
    void outsideLocalModeWithoutAPublicUrlThereAreNoLinksAndItSaysWhatToSet() {
        BotConfig config = BotConfig.from(Map.of("MicrosoftAppId", "app", "MicrosoftAppPassword", "pw",
                "BOARDCLERK_DB", dir.resolve("boardclerk.db").toString()));
        DownloadLinks links = DownloadLinks.forServer(config, clock, () -> 443);
        assertFalse(links.available());
        DownloadLinks.Unavailable no = assertInstanceOf(DownloadLinks.Unavailable.class, links.mint(CSV));
        assertTrue(no.reason().contains("BOARDCLERK_PUBLIC_URL"), no.reason());
    }

    @Test
    void keysRotateWithTheirIdsAndOldLinksWorkUntilTheyExpire() {
        byte[] oldKey = "o".repeat(32).getBytes(StandardCharsets.US_ASCII);
        byte[] newKey = "n".repeat(32).getBytes(StandardCharsets.US_ASCII);
        DownloadLinks before = new DownloadLinks(java.util.List.of(new DownloadLinks.Key("k1", oldKey)),
                Duration.ofHours(24), clock, () -> java.util.Optional.of(java.net.URI.create("https://b.example")),
                board -> java.util.Optional.empty());
        String old = token(before.mint(CSV));
        DownloadLinks rotated = new DownloadLinks(java.util.List.of(new DownloadLinks.Key("k2", newKey),
                new DownloadLinks.Key("k1", oldKey)), Duration.ofHours(24), clock,
                () -> java.util.Optional.of(java.net.URI.create("https://b.example")), board -> java.util.Optional.empty());
        String fresh = token(rotated.mint(CSV));
        assertTrue(new String(Base64.getUrlDecoder().decode(fresh.substring(0, fresh.indexOf('.'))),
                StandardCharsets.US_ASCII).startsWith("2.k2."), "the first key signs");
        assertInstanceOf(DownloadLinks.Valid.class, rotated.verify(old), "the old key is honoured");
        assertInstanceOf(DownloadLinks.Valid.class, rotated.verify(fresh));
        DownloadLinks retired = new DownloadLinks(java.util.List.of(new DownloadLinks.Key("k2", newKey)),
                Duration.ofHours(24), clock, () -> java.util.Optional.empty(), board -> java.util.Optional.empty());
        assertEquals(new DownloadLinks.Invalid(), retired.verify(old), "once the old key is removed");
        assertInstanceOf(DownloadLinks.Valid.class, retired.verify(fresh));
    }

    @Test
    void aBoardsLinksIssuedBeforeItsRevocationAreRefused() {
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> revoked = new java.util.concurrent.atomic.AtomicReference<>();
        DownloadLinks links = new DownloadLinks(java.util.List.of(new DownloadLinks.Key("k1",
                "r".repeat(32).getBytes(StandardCharsets.US_ASCII))), Duration.ofHours(24), clock,
                () -> java.util.Optional.of(java.net.URI.create("https://b.example")),
                board -> board == CSV.boardId() ? java.util.Optional.ofNullable(revoked.get()) : java.util.Optional.empty());
        String token = token(links.mint(CSV));
        revoked.set(clock.instant());
        assertEquals(new DownloadLinks.Revoked(), links.verify(token));
        clock.advance(Duration.ofSeconds(1));
        assertInstanceOf(DownloadLinks.Valid.class, links.verify(token(links.mint(CSV))), "a link made afterwards");
    }
}
