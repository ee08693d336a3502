package io.boardclerk.graph.fake;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.boardclerk.graph.fake.FakeGraphServer.error;
import static io.boardclerk.graph.fake.FakeHttp.quote;

/**
 * Microsoft Graph's {@code GET /v1.0/users/{id}} and {@code POST /v1.0/users/{from}/sendMail}: routes on a
 * {@link FakeGraphServer}. Users are answered by object id from {@link #user}; mailboxes that may be sent from are
 * listed with {@link #mailbox}. A sendMail is answered 202 and kept in {@link #sent}. {@link #failLookup} and
 * {@link #failSend} queue raw answers (429, 503, 403, a malformed body, a slow answer) served first to the next
 * request of that kind.
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

    private record MailUser(String mail, String upn) {
    }

    private static final String LOOKUP = "lookup";
    private static final String SEND = "send";

    private final FakeGraphServer graph;
    private final Map<String, MailUser> users = new ConcurrentHashMap<>();
    private final List<String> mailboxes = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Mail> sent = new CopyOnWriteArrayList<>();

    public FakeMailGraph() throws IOException {
        graph = new FakeGraphServer(TOKEN)
                .onEvery(call -> received.add(new Received(call.method(), call.path(), call.query(),
                        call.authorization(), call.text())))
                .route("POST", "/v1\\.0/users/([^/]+)/sendMail", SEND, this::send)
                .route("GET", "/v1\\.0/users/([^/]+)", LOOKUP, this::lookUp);
    }

    public String authority() {
        return graph.authority();
    }

    public String baseUrl() {
        return graph.baseUrl();
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
    public FakeMailGraph failLookup(int status, Map<String, String> headers, String body) {
        graph.queue(LOOKUP, status, headers, body, 0);
        return this;
    }

    /** The next sendMail is answered with this. */
    public FakeMailGraph failSend(int status, Map<String, String> headers, String body) {
        graph.queue(SEND, status, headers, body, 0);
        return this;
    }

    /** The next sendMail is answered with this after {@code delayMillis}, and not sent. */
    public FakeMailGraph slowSend(long delayMillis, int status) {
        graph.queue(SEND, status, Map.of(), "", delayMillis);
        return this;
    }

    /** The next user lookup is answered with this after {@code delayMillis}. */
    public FakeMailGraph slowLookup(long delayMillis, int status) {
        graph.queue(LOOKUP, status, Map.of(), "{}", delayMillis);
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

    private void send(FakeGraphServer.Call call) throws IOException {
        if (!call.bearer(TOKEN)) {
            call.unauthorised();
        } else if (!mailboxes.contains(call.group(1).toLowerCase())) {
            call.respond(404, error("ErrorInvalidUser", "The requested user is invalid."));
        } else {
            sent.add(new Mail(call.group(1), call.text()));
            call.respond(202, "");
        }
    }

    private void lookUp(FakeGraphServer.Call call) throws IOException {
        if (!call.bearer(TOKEN)) {
            call.unauthorised();
            return;
        }
        MailUser found = users.get(call.group(1));
        if (found == null) {
            call.respond(404, error("Request_ResourceNotFound", "Resource does not exist."));
            return;
        }
        call.respond(200, "{\"@odata.context\":\"" + baseUrl() + "/$metadata#users(mail,userPrincipalName)/$entity\","
                + "\"mail\":" + quote(found.mail()) + ",\"userPrincipalName\":" + quote(found.upn()) + "}");
    }

    @Override
    public void close() {
        graph.close();
    }
}
