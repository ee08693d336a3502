package io.boardclerk.bot.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real Microsoft 365 Agents Playground (npm {@code @microsoft/m365agentsplayground}, the version pinned in
 * bot/src/test/playground/package.json and installed by the build into target/playground), started on a free loopback
 * port against BoardClerk's {@code /api/messages}, with telemetry off, and stopped on {@link #close()}.
 *
 * <p>It is driven through the local APIs its own web chat uses: {@code GET /_internal/v1/config} (its users and
 * conversations), {@code POST /_conversation/v1/conversations/{id}/messages} (a user's message),
 * {@code POST /_internal/v1/customActivities} (any activity, as its "custom activity" menu sends), and the WebSocket
 * {@code /_ws_conversation/v1/conversations/stream}, on which it pushes what the bot posted. Anything these answer
 * that is not what that version answered fails with {@link ApiChanged}, which says so plainly.
 */
public final class Playground implements AutoCloseable {

    /** The version the tests were written against; package.json pins it. */
    public static final String VERSION = "0.2.28";
    static final String PACKAGE = "@microsoft/m365agentsplayground";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("Listening on (\\d+)");

    /** What the Playground answered that does not fit the API these tests were written against. */
    public static final class ApiChanged extends AssertionError {
        ApiChanged(String what) {
            super("The Microsoft 365 Agents Playground's API has changed (tests written against " + PACKAGE + " "
                    + VERSION + "): " + what);
        }
    }

    /** One message the bot posted, as the Playground pushed it to its web chat. */
    public record Posted(String action, String conversationId, JsonNode message) {
        public String text() {
            return message.path("text").asText();
        }

        public List<JsonNode> attachments() {
            List<JsonNode> out = new ArrayList<>();
            message.path("attachments").forEach(out::add);
            return out;
        }
    }

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> output;
    private final BlockingQueue<Posted> posted = new LinkedBlockingQueue<>();
    private final WebSocket stream;
    private final JsonNode config;

    private Playground(Process process, int port, List<String> output) throws IOException, InterruptedException {
        this.process = process;
        this.port = port;
        this.output = output;
        this.config = getJson("/_internal/v1/config").path("config");
        for (String field : new String[]{"tenantId", "bot", "currentUser", "personalChat", "groupChats"}) {
            if (config.path(field).isMissingNode()) {
                throw new ApiChanged("GET /_internal/v1/config has no config." + field + ": " + config);
            }
        }
        this.stream = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/_ws_conversation/v1/conversations/stream"),
                        new Listener()).join();
    }

    /**
     * Starts the installed Playground against {@code appEndpoint} (BoardClerk's {@code /api/messages}) on a free port
     * and waits until it listens. Fails plainly when it is not installed or not the pinned version.
     */
    public static Playground start(String appEndpoint) throws IOException, InterruptedException {
        Path dir = Path.of(System.getProperty("boardclerk.playground.dir", "target/playground"));
        Path cli = dir.resolve("node_modules").resolve(PACKAGE).resolve("cli.js");
        if (!Files.isRegularFile(cli)) {
            throw new AssertionError("The Agents Playground is not installed at " + cli + ": the bot module's build "
                    + "installs it (npm ci in target/playground, phase generate-test-resources); run the tests with "
                    + "mvn -pl bot -am verify, with node and npm on the PATH.");
        }
        String installed = JSON.readTree(cli.resolveSibling("package.json").toFile()).path("version").asText();
        if (!VERSION.equals(installed)) {
            throw new ApiChanged("target/playground holds version " + installed + ", not " + VERSION
                    + "; check these tests against it and update Playground.VERSION with package.json");
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // --dt: no telemetry. The Playground falls back to another port when that one is taken, and says which.
        Process process = new ProcessBuilder("node", cli.toString(), "--app-endpoint", appEndpoint,
                "--channel-id", "msteams", "--port", String.valueOf(port), "--disable-telemetry")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(Integer.parseInt(m.group(1)));
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            listening.completeExceptionally(new ApiChanged("the Playground ended without saying \"Listening on "
                    + "<port>\"; its output: " + lines));
        }, "playground-output");
        reader.setDaemon(true);
        reader.start();
        int actual;
        try {
            actual = listening.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (e.getCause() instanceof AssertionError failure) {
                throw failure;
            }
            throw new AssertionError("The Playground did not say \"Listening on <port>\" within 60 s; its output: "
                    + lines, e);
        }
        try {
            return new Playground(process, actual, lines);
        } catch (IOException | RuntimeException | AssertionError e) {
            process.destroy();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    public JsonNode config() {
        return config;
    }

    public String personalChat() {
        return config.path("personalChat").path("id").asText();
    }

    public String groupChat() {
        return config.path("groupChats").path(0).path("id").asText();
    }

    public String currentUserId() {
        return config.path("currentUser").path("id").asText();
    }

    public String currentUserName() {
        return config.path("currentUser").path("name").asText();
    }

    /** A user of the Playground's fake tenant other than the current one, by position (0 = the first). */
    public JsonNode user(int index) {
        JsonNode user = config.path("users").path(index);
        if (user.isMissingNode()) {
            throw new ApiChanged("GET /_internal/v1/config lists no config.users[" + index + "]: " + config);
        }
        return user;
    }

    /** A mention as the Playground's API takes it: the account's id and the text {@code <at>name</at>}. */
    public static ObjectNode mention(String id, String name) {
        ObjectNode mention = JSON.createObjectNode();
        mention.putObject("mentioned").put("id", id);
        mention.put("text", "<at>" + name + "</at>");
        return mention;
    }

    public ObjectNode mentionOfBot() {
        return mention(config.path("bot").path("id").asText(), config.path("bot").path("name").asText());
    }

    /** Sends the installation events the web chat sends when a conversation is opened. */
    public void install(String conversationId) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/_debug/conversation/" + conversationId + "/installation",
                JSON.createObjectNode());
        if (response.statusCode() != 200) {
            throw new ApiChanged("POST /_debug/conversation/{id}/installation answered " + response.statusCode()
                    + ": " + response.body());
        }
    }

    /** The current user says {@code text} (plain) in a conversation, mentioning whom {@code mentions} name. */
    public void say(String conversationId, String text, ObjectNode... mentions) throws IOException,
            InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("text", text).put("textFormat", "plain");
        body.putObject("from").put("id", currentUserId());
        if (mentions.length > 0) {
            ArrayNode list = body.putArray("mentions");
            for (ObjectNode mention : mentions) {
                list.add(mention);
            }
        }
        HttpResponse<String> response = post("/_conversation/v1/conversations/" + conversationId + "/messages", body);
        JsonNode answer = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        if (answer == null || !answer.hasNonNull("messageId")) {
            throw new ApiChanged("POST /_conversation/v1/conversations/{id}/messages answered "
                    + response.statusCode() + " " + response.body() + " (expected 200 with a messageId)");
        }
    }

    /** The Playground's template for a custom activity in a conversation, as its "custom activity" menu fills in. */
    public ObjectNode customActivityTemplate(String conversationId) throws IOException, InterruptedException {
        JsonNode template = getJson("/_internal/v1/customActivities/template?conversationId=" + conversationId);
        if (!template.path("conversation").path("id").asText().equals(conversationId)
                || !template.hasNonNull("serviceUrl")) {
            throw new ApiChanged("GET /_internal/v1/customActivities/template answered " + template);
        }
        return (ObjectNode) template;
    }

    /** Sends a custom activity (a template filled in) to the bot, as the Playground's menu does. */
    public void sendCustomActivity(ObjectNode activity) throws IOException, InterruptedException {
        HttpResponse<String> response = post("/_internal/v1/customActivities", activity);
        if (response.statusCode() != 200) {
            throw new ApiChanged("POST /_internal/v1/customActivities answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /**
     * The next message the bot posted in {@code conversationId}, waiting up to {@code seconds}; fails naming what
     * the Playground said when none came.
     */
    public Posted next(String conversationId, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            Posted p = left <= 0 ? null : posted.poll(left, TimeUnit.NANOSECONDS);
            if (p == null) {
                throw new AssertionError("The bot posted nothing in " + conversationId + " within " + seconds
                        + " s. The Playground's output and any stream events not in the shape {action, "
                        + "actionConversationId, message} (a changed API shows here): " + output);
            }
            if (conversationId.equals(p.conversationId())) {
                return p;
            }
        }
    }

    /** Whether the bot posted anything at all within {@code millis} (for what it must not answer). */
    public List<Posted> drain(long millis) throws InterruptedException {
        Thread.sleep(millis);
        List<Posted> out = new ArrayList<>();
        posted.drainTo(out);
        return out;
    }

    private HttpResponse<String> post(String path, JsonNode body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + path)).timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new ApiChanged("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new ApiChanged("GET " + path + " answered something that is not JSON: " + response.body());
        }
    }

    /** Collects what the Playground pushes to its web chat: {@code {action, actionConversationId, message}}. */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode event = JSON.readTree(text);
                    if (event.hasNonNull("action") && event.has("message")) {
                        posted.add(new Posted(event.get("action").asText(),
                                event.path("actionConversationId").asText(), event.get("message")));
                    } else {
                        output.add("(stream) " + text);
                    }
                } catch (IOException e) {
                    output.add("(stream, not JSON) " + text);
                }
            }
            socket.request(1);
            return null;
        }
    }

    @Override
    public void close() {
        try {
            stream.abort();
        } finally {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
