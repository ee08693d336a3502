package io.boardclerk.graph.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.boardclerk.graph.fake.FakeHttp.quote;
import static io.boardclerk.graph.fake.FakeHttp.query;
import static io.boardclerk.graph.fake.FakeHttp.respond;

/**
 * Microsoft Graph's {@code GET /v1.0/users/{id}} and {@code POST /v1.0/users/{from}/sendMail} on loopback, with a
 * Microsoft identity token endpoint, for tests that drive the real Graph SDK and azure-identity. Users are answered
 * by object id from {@link #user}; mailboxes that may be sent from are listed with {@link #mailbox}. A sendMail is
 * answered 202 and kept in {@link #sent}. {@link #failLookup} and {@link #failSend} queue raw answers (429, 503, 403,
 * a malformed body, a slow answer) served first to the next request of that kind.
 */
public final class FakeMailGraph implements AutoCloseable {

    public static final String TOKEN = "fake-mail-app-token";

    /** One request Graph received: method, decoded path, decoded query, Authorization header, body. */
    public record Received(String method, String path, Map<String, String> query, String authorization,
                           String body) {
    }

    /** An e-mail Graph accepted: the mailbox it was sent as, and the JSON body as sent. */
    public record Mail(String from, String body) {
    }

    private record Canned(int status, Map<String, String> headers, String body, long delayMillis) {
    }

    private record MailUser(String mail, String upn) {
    }

    private static final Pattern USER = Pattern.compile("/v1\\.0/users/([^/]+)");
    private static final Pattern SEND = Pattern.compile("/v1\\.0/users/([^/]+)/sendMail");

    private final HttpServer server;
    private final HttpsServer login;
    private final Map<String, MailUser> users = new ConcurrentHashMap<>();
    private final List<String> mailboxes = new CopyOnWriteArrayList<>();
    private final Deque<Canned> lookupAnswers = new ArrayDeque<>();
    private final Deque<Canned> sendAnswers = new ArrayDeque<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Mail> sent = new CopyOnWriteArrayList<>();

    public FakeMailGraph() throws IOException {
        server = FakeHttp.graph(this::handle);
        login = FakeHttp.login(this::token);
    }

    public String authority() {
        return "https://127.0.0.1:" + login.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1.0";
    }

    /** A directory user by object id, with a mail address and a user principal name (either may be null). */
    public FakeMailGraph user(String objectId, String mail, String upn) {
        users.put(objectId, new MailUser(mail, upn));
        return this;
    }

    /** A mailbox BoardClerk may send as (by UPN or object id); sending as any other is answered 404. */
    public FakeMailGraph mailbox(String from) {
        mailboxes.add(from.toLowerCase());
        return this;
    }

    /** The next user lookup is answered with this. */
    public synchronized FakeMailGraph failLookup(int status, Map<String, String> headers, String body) {
        lookupAnswers.add(new Canned(status, headers, body, 0));
        return this;
    }

    /** The next sendMail is answered with this. */
    public synchronized FakeMailGraph failSend(int status, Map<String, String> headers, String body) {
        sendAnswers.add(new Canned(status, headers, body, 0));
        return this;
    }

    /** The next sendMail is answered with this after {@code delayMillis}, and not sent. */
    public synchronized FakeMailGraph slowSend(long delayMillis, int status) {
        sendAnswers.add(new Canned(status, Map.of(), "", delayMillis));
        return this;
    }

    /** The next user lookup is answered with this after {@code delayMillis}. */
    public synchronized FakeMailGraph slowLookup(long delayMillis, int status) {
        lookupAnswers.add(new Canned(status, Map.of(), "{}", delayMillis));
        return this;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Every sendMail request, answered or refused. */
    public List<Received> sendAttempts() {
        return received.stream().filter(r -> r.path().endsWith("/sendMail")).toList();
    }

    /** The e-mails accepted (202), in order. */
    public List<Mail> sent() {
        return List.copyOf(sent);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            respond(exchange, 200, Map.of(), "{\"token_type\":\"Bearer\",\"expires_in\":3600,"
                    + "\"ext_expires_in\":3600,\"access_token\":\"" + TOKEN + "\"}");
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(new Received(method, path, query(exchange.getRequestURI().getRawQuery()), authorization,
                    body));
            Matcher send = SEND.matcher(path);
            Matcher user = USER.matcher(path);
            boolean sending = "POST".equals(method) && send.matches();
            boolean lookingUp = "GET".equals(method) && user.matches();
            if (!sending && !lookingUp) {
                respond(exchange, 404, Map.of(), "{\"error\":{\"code\":\"NotFound\",\"message\":\"no such path\"}}");
                return;
            }
            Canned next;
            synchronized (this) {
                next = (sending ? sendAnswers : lookupAnswers).poll();
            }
            if (next != null) {
                if (next.delayMillis() > 0) {
                    try {
                        Thread.sleep(next.delayMillis());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                respond(exchange, next.status(), next.headers(), next.body());
                return;
            }
            if (!("Bearer " + TOKEN).equals(authorization)) {
                respond(exchange, 401, Map.of(), "{\"error\":{\"code\":\"InvalidAuthenticationToken\","
                        + "\"message\":\"Access token is empty.\"}}");
                return;
            }
            if (sending) {
                if (!mailboxes.contains(send.group(1).toLowerCase())) {
                    respond(exchange, 404, Map.of(), "{\"error\":{\"code\":\"ErrorInvalidUser\","
                            + "\"message\":\"The requested user is invalid.\"}}");
                    return;
                }
                sent.add(new Mail(send.group(1), body));
                respond(exchange, 202, Map.of(), "");
                return;
            }
            MailUser found = users.get(user.group(1));
            if (found == null) {
                respond(exchange, 404, Map.of(), "{\"error\":{\"code\":\"Request_ResourceNotFound\","
                        + "\"message\":\"Resource does not exist.\"}}");
                return;
            }
            respond(exchange, 200, Map.of(), "{\"@odata.context\":\"" + baseUrl()
                    + "/$metadata#users(mail,userPrincipalName)/$entity\",\"mail\":" + quote(found.mail())
                    + ",\"userPrincipalName\":" + quote(found.upn()) + "}");
        }
    }

    @Override
    public void close() {
        FakeHttp.stop(server, login);
    }
}
