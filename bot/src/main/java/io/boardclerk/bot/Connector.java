package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.TextFormatTypes;
import io.boardclerk.bot.cards.AdaptiveCards;
import io.boardclerk.core.clerk.Md;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * BoardClerk's calls to the Bot Connector at an activity's {@code serviceUrl}: replies and the paged members list,
 * over the JDK's HTTP client, signed with the bot's token outside local mode. The SDK still validates what comes in;
 * what goes out does not need its OkHttp/Retrofit stack, which costs more than the rest of a turn put together.
 */
final class Connector {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Optional<ClientCredentialsAppCredentials> credentials;
    private final HttpClient http;
    private final ServiceUrlHosts hosts;

    /**
     * @param hosts where requests may go: a service URL whose host is not on the list is refused before any request
     *              is made or any token is fetched
     */
    Connector(Optional<ClientCredentialsAppCredentials> credentials, HttpClient http, ServiceUrlHosts hosts) {
        this.credentials = credentials;
        this.http = http;
        this.hosts = hosts;
    }

    /** Thrown, before anything is sent, for a service URL that is not on BOARDCLERK_SERVICE_URL_HOSTS. */
    static final class HostNotAllowed extends IOException {
        private static final long serialVersionUID = 1L;

        HostNotAllowed(String why) {
            super("Refused to call the Bot Connector: " + why);
        }
    }

    /**
     * Posts a Markdown reply into the conversation of {@code incoming}, threaded to it as Teams shows replies. Its code
     * spans are made to show as typed ({@link Md#codeSpans}), whoever wrote them.
     */
    void reply(Activity incoming, String markdown) throws IOException, InterruptedException {
        Activity reply = incoming.createReply(Md.codeSpans(markdown));
        reply.setTextFormat(TextFormatTypes.MARKDOWN);
        post(incoming, reply, true);
    }

    /** Posts an Adaptive Card as a reply to {@code incoming}, as its own message. */
    void replyWithCard(Activity incoming, ObjectNode card) throws IOException, InterruptedException {
        post(incoming, cardActivity(incoming, card), true);
    }

    /**
     * Posts Markdown into the conversation of {@code incoming} as a new message rather than a reply to it: what a
     * card's button did, announced to everyone.
     */
    void announce(Activity incoming, String markdown) throws IOException, InterruptedException {
        Activity message = incoming.createReply(Md.codeSpans(markdown));
        message.setReplyToId(null);
        message.setTextFormat(TextFormatTypes.MARKDOWN);
        post(incoming, message, false);
    }

    /**
     * Edits the bot's own message {@code messageId} (the card a button was pressed on) to show {@code card}: Teams'
     * message edit, which shows everyone the card as it now stands and prompts their clients to refresh it.
     */
    void updateCard(Activity incoming, String messageId, ObjectNode card) throws IOException, InterruptedException {
        Activity edit = cardActivity(incoming, card);
        edit.setId(messageId);
        edit.setReplyToId(null);
        send(incoming, "PUT", "/" + encode(messageId), edit, "a card edit");
    }

    /** The activity that carries {@code card}: one Adaptive Card attachment and no text. */
    private static Activity cardActivity(Activity incoming, ObjectNode card) {
        Activity reply = incoming.createReply();
        Attachment attachment = new Attachment();
        attachment.setContentType(AdaptiveCards.CONTENT_TYPE);
        attachment.setContent(card);
        reply.setAttachments(List.of(attachment));
        return reply;
    }

    private void post(Activity incoming, Activity activity, boolean threaded)
            throws IOException, InterruptedException {
        send(incoming, "POST", !threaded || incoming.getId() == null ? "" : "/" + encode(incoming.getId()), activity,
                "a reply");
    }

    /** Sends {@code activity} to the conversation's activities ({@code tail} names one); anything but 2xx fails. */
    private void send(Activity incoming, String method, String tail, Activity activity, String what)
            throws IOException, InterruptedException {
        String path = "v3/conversations/" + encode(incoming.getConversation().getId()) + "/activities" + tail;
        HttpRequest.Builder request = request(incoming.getServiceUrl(), path)
                .header("Content-Type", "application/json; charset=utf-8")
                .method(method, HttpRequest.BodyPublishers.ofString(Serialization.toString(activity),
                        StandardCharsets.UTF_8));
        HttpResponse<Void> response = http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("The connector answered HTTP " + response.statusCode() + " to " + what + " in "
                    + incoming.getConversation().getId());
        }
    }

    /**
     * What the connector answered to a proactive call: its status, the id it returned (the new conversation's or the
     * message's, null when none), and its Retry-After header as sent (null when absent).
     */
    record Answer(int status, String id, String retryAfter) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /**
     * Creates (or, as Teams does for one bot and one person, finds) the personal conversation between the bot and
     * {@code memberId} (a Teams user id or an Entra object id): Bot Framework's {@code POST /v3/conversations} with
     * the tenant both in {@code channelData} and at the top level, as Teams requires.
     */
    Answer createPersonalConversation(String serviceUrl, String botId, String tenantId, String memberId,
                                      Duration timeout) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("bot").put("id", botId);
        body.putArray("members").addObject().put("id", memberId);
        body.putObject("channelData").putObject("tenant").put("id", tenantId);
        body.put("isGroup", false).put("tenantId", tenantId);
        return call(serviceUrl, "v3/conversations", body, timeout);
    }

    /** Posts an Adaptive Card as a new message into a conversation the bot already has (a personal chat). */
    Answer postCard(String serviceUrl, String conversationId, ObjectNode card, Duration timeout)
            throws IOException, InterruptedException {
        ObjectNode activity = JSON.createObjectNode().put("type", "message");
        activity.putArray("attachments").addObject().put("contentType", AdaptiveCards.CONTENT_TYPE)
                .set("content", card);
        return call(serviceUrl, "v3/conversations/" + encode(conversationId) + "/activities", activity, timeout);
    }

    private Answer call(String serviceUrl, String path, ObjectNode body, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest request = request(serviceUrl, path).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String id = null;
        if (response.statusCode() / 100 == 2 && !response.body().isBlank()) {
            try {
                JsonNode answer = JSON.readTree(response.body());
                id = answer.hasNonNull("id") ? answer.get("id").asText() : null;
            } catch (IOException e) {
                id = null;
            }
        }
        return new Answer(response.statusCode(), id, response.headers().firstValue("Retry-After").orElse(null));
    }

    /** GETs a connector resource as JSON; anything but 200 is an IOException naming the status. */
    JsonNode get(String serviceUrl, String path) throws IOException, InterruptedException {
        HttpRequest.Builder request = request(serviceUrl, path).header("Accept", "application/json").GET();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String serviceUrl, String path) throws HostNotAllowed {
        Optional<String> problem = hosts.problem(serviceUrl);
        if (problem.isPresent()) {
            throw new HostNotAllowed(problem.get());
        }
        String base = serviceUrl.endsWith("/") ? serviceUrl : serviceUrl + "/";
        URI uri = URI.create(base + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).version(versionFor(uri));
        if (credentials.isPresent()) {
            request.header("Authorization", "Bearer " + credentials.get().getToken().join());
        }
        return request;
    }

    /**
     * HTTP/1.1 to a plain-http connector: the JDK client's default there is an {@code Upgrade: h2c} offer, which
     * Node and proxy servers (the Agents Playground among them) answer by dropping the connection. Over TLS, HTTP/2
     * is offered in ALPN next to HTTP/1.1 and the server picks.
     */
    static HttpClient.Version versionFor(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme()) ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
