package io.boardclerk.manifests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds the Teams app package: the manifest from its template, with the app id, bot id and host filled in, the two
 * icons, and the zip holding all three at its root. Run by the build (see the module's POM):
 *
 * <pre>
 * TeamsAppPackage --template manifest.template.json --out target/teams-app --zip target/boardclerk-teams-app.zip
 *                 [--appId GUID] [--botId GUID] [--host NAME] [--version X.Y.Z[-SNAPSHOT]] [--developerName NAME]
 *                 [--websiteUrl URL] [--privacyUrl URL] [--termsUrl URL]
 * </pre>
 *
 * An option given empty counts as absent. Absent values come from the environment ({@code MicrosoftAppId} for the
 * app id, {@code BOARDCLERK_PUBLIC_HOST} for the host), then from defaults that mark a local build: the all-zero
 * GUID and {@code localhost}. The bot id defaults to the app id, as an Azure Bot registered on that app has it.
 */
public final class TeamsAppPackage {

    /** The app id of a local build, on a fresh clone with nothing configured. */
    public static final String LOCAL_APP_ID = "00000000-0000-0000-0000-000000000000";
    /** The host of a local build. */
    public static final String LOCAL_HOST = "localhost";

    static final String MANIFEST = "manifest.json";
    static final String COLOR_ICON = "color.png";
    static final String OUTLINE_ICON = "outline.png";

    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");
    private static final Pattern HOST = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)(-[0-9A-Za-z.-]+)?");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z]+)}}");
    /** Zip entries carry this time, so the same inputs give the same bytes. */
    private static final FileTime ENTRY_TIME = FileTime.fromMillis(1_577_836_800_000L); // 2020-01-01T00:00:00Z

    private TeamsAppPackage() {
    }

    /** The values the template's {@code {{name}}} placeholders take. */
    record Settings(String appId, String botId, String host, String version, String developerName,
                    String websiteUrl, String privacyUrl, String termsUrl) {

        boolean local() {
            return appId.equals(LOCAL_APP_ID) || host.equals(LOCAL_HOST);
        }

        Map<String, String> placeholders() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("appId", appId);
            values.put("botId", botId);
            values.put("host", host);
            values.put("version", version);
            values.put("developerName", developerName);
            values.put("websiteUrl", websiteUrl);
            values.put("privacyUrl", privacyUrl);
            values.put("termsUrl", termsUrl);
            return values;
        }

        /**
         * Resolves the settings from the options given (empty means absent) and the environment, and checks each
         * value, naming the option at fault.
         */
        static Settings resolve(Map<String, String> options, Function<String, String> environment) {
            String appId = first(options.get("appId"), environment.apply("MicrosoftAppId"), LOCAL_APP_ID);
            requireGuid("appId (or MicrosoftAppId)", appId);
            String botId = first(options.get("botId"), appId);
            requireGuid("botId", botId);
            String host = first(options.get("host"), environment.apply("BOARDCLERK_PUBLIC_HOST"), LOCAL_HOST)
                    .toLowerCase(Locale.ROOT);
            if (!HOST.matcher(host).matches()) {
                throw new IllegalArgumentException("host (or BOARDCLERK_PUBLIC_HOST) must be a DNS host name such as "
                        + "boardclerk.example.org, without scheme, port or path; got \"" + host + "\"");
            }
            String version = first(options.get("version"), "1.0.0");
            Matcher semver = VERSION.matcher(version);
            if (!semver.matches()) {
                throw new IllegalArgumentException("version must be X.Y.Z (a -qualifier is dropped); got \""
                        + version + "\"");
            }
            String base = "https://" + host + "/";
            return new Settings(appId.toLowerCase(Locale.ROOT), botId.toLowerCase(Locale.ROOT), host, semver.group(1),
                    first(options.get("developerName"), "BoardClerk"),
                    https("websiteUrl", first(options.get("websiteUrl"), base)),
                    https("privacyUrl", first(options.get("privacyUrl"), base + "privacy")),
                    https("termsUrl", first(options.get("termsUrl"), base + "terms")));
        }

        private static String first(String... candidates) {
            for (String candidate : candidates) {
                if (candidate != null && !candidate.isBlank()) {
                    return candidate.strip();
                }
            }
            throw new IllegalStateException("no value and no default");
        }

        private static void requireGuid(String name, String value) {
            if (!GUID.matcher(value).matches()) {
                throw new IllegalArgumentException(name + " must be a GUID such as " + LOCAL_APP_ID + "; got \""
                        + value + "\"");
            }
        }

        private static String https(String name, String value) {
            if (!value.startsWith("https://")) {
                throw new IllegalArgumentException(name + " must be an https:// address; got \"" + value + "\"");
            }
            return value;
        }
    }

    /** Fills the template's placeholders, each value escaped as a JSON string's content. */
    static String render(String template, Settings settings) {
        Map<String, String> values = settings.placeholders();
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("the template names an unknown placeholder {{" + matcher.group(1)
                        + "}}; known: " + values.keySet());
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(jsonEscape(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    static String jsonEscape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Writes manifest.json and the icons into {@code outDir}, and the package zip holding them at its root. */
    static void build(Path template, Path outDir, Path zip, Settings settings) throws IOException {
        byte[] manifest = render(Files.readString(template, StandardCharsets.UTF_8), settings)
                .getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(MANIFEST, manifest);
        files.put(COLOR_ICON, Icons.png(Icons.color()));
        files.put(OUTLINE_ICON, Icons.png(Icons.outline()));

        Files.createDirectories(outDir);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(outDir.resolve(file.getKey()), file.getValue());
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                ZipEntry entry = new ZipEntry(file.getKey());
                entry.setLastModifiedTime(ENTRY_TIME);
                out.putNextEntry(entry);
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        if (zip.getParent() != null) {
            Files.createDirectories(zip.getParent());
        }
        try (OutputStream out = Files.newOutputStream(zip)) {
            bytes.writeTo(out);
        }
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs; got \"" + args[i] + "\"");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    public static void main(String[] args) throws IOException {
        try {
            Map<String, String> options = options(args);
            for (String required : new String[] {"template", "out", "zip"}) {
                if (options.getOrDefault(required, "").isBlank()) {
                    throw new IllegalArgumentException("--" + required + " is required");
                }
            }
            Settings settings = Settings.resolve(options, System::getenv);
            Path zip = Path.of(options.get("zip"));
            build(Path.of(options.get("template")), Path.of(options.get("out")), zip, settings);
            System.out.println("Teams app package " + zip + ": app id " + settings.appId() + ", bot id "
                    + settings.botId() + ", host " + settings.host() + ", version " + settings.version()
                    + (settings.local() ? " (local build: set -Dboardclerk.appId and -Dboardclerk.host for a real one)"
                            : ""));
        } catch (IllegalArgumentException e) {
            System.err.println("Cannot build the Teams app package: " + e.getMessage());
            System.exit(1);
        }
    }
}
