package io.boardclerk.graph;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.boardclerk.core.reminder.ReminderKind;
import io.boardclerk.core.reminder.ReminderMessage;
import io.boardclerk.graph.fake.FakeMailGraph;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E-mailing a person through the real Graph SDK and azure-identity, against a fake Graph and token endpoint. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GraphMailerTest {

    static final String TENANT = "11111111-2222-3333-4444-555555555555";
    static final String FROM = "boardclerk@fenshire.gov.uk";
    static final String JON = "aaaaaaaa-0000-0000-0000-000000000001";
    static final String JANE = "aaaaaaaa-0000-0000-0000-000000000002";
    static final String NINA = "aaaaaaaa-0000-0000-0000-000000000003";

    private FakeMailGraph graph;
    private GraphMailer mailer;
    private final RecordedWaits retries = new RecordedWaits();

    @BeforeEach
    void start() throws Exception {
        graph = new FakeMailGraph().mailbox(FROM)
                .user(JON, "jon.leigh@fenshire.gov.uk", "jleigh@fenshire.onmicrosoft.com")
                .user(JANE, null, "jane.gifford@fenshire.onmicrosoft.com")
                .user(NINA, null, null);
        mailer = mailer(Duration.ofSeconds(20), 1);
    }

    private GraphMailer mailer(Duration timeout, long retryDelaySeconds) {
        GraphSettings settings = new GraphSettings("app-id", "app-secret", null, null, "", graph.authority(),
                graph.baseUrl(), timeout, 3, retryDelaySeconds, Duration.ofSeconds(5), 100, Duration.ofMinutes(5));
        return new GraphMailer(new GraphClients(settings, retries), FROM);
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    @Test
    void the_mail_goes_from_the_configured_mailbox_to_the_persons_mail_address_as_html() {
        GraphMailer.Outcome outcome = mailer.send(TENANT, JON, "Action 12 is due", "<p>Hello</p>");

        assertEquals(new GraphMailer.Sent("jon.leigh@fenshire.gov.uk"), outcome);
        FakeMailGraph.Received lookup = graph.received().get(0);
        assertEquals("GET", lookup.method());
        assertEquals("/v1.0/users/" + JON, lookup.path());
        assertEquals("mail,userPrincipalName", lookup.query().get("$select"));
        FakeMailGraph.Received send = graph.received().get(1);
        assertEquals("POST", send.method());
        assertEquals("/v1.0/users/" + FROM + "/sendMail", send.path());
        assertEquals("Bearer " + FakeMailGraph.TOKEN, send.authorization(), "the SDK sent the app's token to the "
                + "configured Graph host");
        assertEquals("Bearer " + FakeMailGraph.TOKEN, lookup.authorization());
        // The SDK names the action's parameters as Graph's $metadata declares them (Message, SaveToSentItems); the
        // documentation's examples write them in camelCase, and Graph reads either.
        JsonObject body = JsonParser.parseString(send.body()).getAsJsonObject();
        assertFalse(body.get("SaveToSentItems").getAsBoolean());
        JsonObject message = body.getAsJsonObject("Message");
        assertEquals("Action 12 is due", message.get("subject").getAsString());
        assertEquals("html", message.getAsJsonObject("body").get("contentType").getAsString());
        assertEquals("<p>Hello</p>", message.getAsJsonObject("body").get("content").getAsString());
        assertEquals(1, message.getAsJsonArray("toRecipients").size());
        assertEquals("jon.leigh@fenshire.gov.uk", message.getAsJsonArray("toRecipients").get(0).getAsJsonObject()
                .getAsJsonObject("emailAddress").get("address").getAsString());
        assertEquals(1, graph.sent().size());
    }

    @Test
    void user_text_arrives_escaped_in_the_html_body() {
        ReminderMessage message = new ReminderMessage(ReminderKind.DUE, 1, "Fenshire <b>Police</b> & Crime Panel",
                "Action 12.0 is due today.", List.of(Views.row(12, "<script>alert(1)</script> & more",
                "Jon Leigh", null)), null);

        mailer.send(TENANT, JON, ReminderMailHtml.subject(message), ReminderMailHtml.body(message));

        JsonObject sent = JsonParser.parseString(graph.sent().get(0).body()).getAsJsonObject()
                .getAsJsonObject("Message");
        String html = sent.getAsJsonObject("body").get("content").getAsString();
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more"), html);
        assertTrue(html.contains("Fenshire &lt;b&gt;Police&lt;/b&gt; &amp; Crime Panel"), html);
        assertFalse(html.contains("<script>") || html.contains("<b>Police"), html);
        assertEquals("Action 12 is due on Wednesday 26 May 2027 — Fenshire <b>Police</b> & Crime Panel",
                sent.get("subject").getAsString(), "a subject is plain text, not HTML");
    }

    @Test
    void a_user_without_mail_is_sent_to_their_user_principal_name() {
        assertEquals(new GraphMailer.Sent("jane.gifford@fenshire.onmicrosoft.com"),
                mailer.send(TENANT, JANE, "s", "<p>b</p>"));
    }

    @Test
    void a_user_with_neither_has_no_address_and_nothing_is_sent() {
        assertInstanceOf(GraphMailer.NoAddress.class, mailer.send(TENANT, NINA, "s", "<p>b</p>"));
        assertEquals(0, graph.sendAttempts().size());
    }

    @Test
    void a_user_the_directory_does_not_know_has_no_address() {
        assertInstanceOf(GraphMailer.NoAddress.class, mailer.send(TENANT, "ffffffff-0000-0000-0000-000000000000",
                "s", "<p>b</p>"));
        assertEquals(0, graph.sendAttempts().size());
    }

    @Test
    void forbidden_names_mail_send_and_the_application_access_policy() {
        graph.failSend(403, Map.of(), "{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access to OData is "
                + "disabled.\"}}");

        GraphMailer.Refused refused = assertInstanceOf(GraphMailer.Refused.class,
                mailer.send(TENANT, JON, "s", "<p>b</p>"));

        assertEquals(403, refused.status());
        assertTrue(refused.problem().contains("Mail.Send") && refused.problem().contains("New-ApplicationAccessPolicy")
                && refused.problem().contains(FROM), refused.problem());
        assertFalse(refused.problem().contains("app-secret") || refused.problem().contains(FakeMailGraph.TOKEN));
        assertEquals(0, graph.sent().size());
    }

    @Test
    void unauthorised_is_refused_naming_mail_send() {
        graph.failSend(401, Map.of(), "{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"no\"}}");

        GraphMailer.Refused refused = assertInstanceOf(GraphMailer.Refused.class,
                mailer.send(TENANT, JON, "s", "<p>b</p>"));

        assertEquals(401, refused.status());
        assertTrue(refused.problem().contains("Mail.Send"), refused.problem());
    }

    @Test
    void a_refused_lookup_names_the_directory_permission() {
        graph.failLookup(403, Map.of(), "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"no\"}}");

        GraphMailer.Refused refused = assertInstanceOf(GraphMailer.Refused.class,
                mailer.send(TENANT, JON, "s", "<p>b</p>"));

        assertTrue(refused.problem().contains("User.Read.All"), refused.problem());
        assertEquals(0, graph.sendAttempts().size());
    }

    @Test
    void throttling_honours_retry_after_and_then_sends_once() {
        graph.failSend(429, Map.of("Retry-After", "1"), "{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"x\"}}");

        assertEquals(new GraphMailer.Sent("jon.leigh@fenshire.gov.uk"), mailer.send(TENANT, JON, "s", "<p>b</p>"));

        assertEquals(2, graph.sendAttempts().size());
        assertEquals(1, graph.sent().size(), "sent once");
        assertEquals(List.of(Duration.ofSeconds(1)), retries.all(), "waited as Retry-After said");
    }

    @Test
    void service_unavailable_is_retried_and_then_fails_as_retryable() {
        for (int i = 0; i < 8; i++) {
            graph.failSend(503, Map.of(), "");
        }

        GraphMailer.Failed failed = assertInstanceOf(GraphMailer.Failed.class,
                mailer.send(TENANT, JON, "s", "<p>b</p>"));

        assertTrue(failed.retryable(), "nothing went out: the reminder may try again later");
        assertTrue(failed.problem().contains("busy"), failed.problem());
        assertEquals(4, graph.sendAttempts().size(), "the first try and three retries");
        retries.assertBackOff(Duration.ofSeconds(1), 3);
    }

    @Test
    void a_malformed_lookup_answer_is_a_retryable_failure_and_nothing_is_sent() {
        graph.failLookup(200, Map.of(), "{\"mail\": \"jon@x\", oops");

        GraphMailer.Failed failed = assertInstanceOf(GraphMailer.Failed.class,
                mailer.send(TENANT, JON, "s", "<p>b</p>"));

        assertTrue(failed.retryable());
        assertTrue(failed.problem().contains("could not be read"), failed.problem());
        assertEquals(0, graph.sendAttempts().size());
    }

    @Test
    void a_send_that_times_out_is_not_retried_since_it_may_have_gone() {
        graph.slowSend(5_000, 202);

        GraphMailer.Failed failed = assertInstanceOf(GraphMailer.Failed.class,
                mailer(Duration.ofSeconds(1), 1).send(TENANT, JON, "s", "<p>b</p>"));

        assertFalse(failed.retryable());
        assertTrue(failed.problem().contains("did not come in time") && failed.problem().contains("may or may not"),
                failed.problem());
    }

    @Test
    void a_lookup_that_times_out_sent_nothing_so_it_may_be_tried_again() {
        graph.slowLookup(5_000, 200);

        GraphMailer.Failed failed = assertInstanceOf(GraphMailer.Failed.class,
                mailer(Duration.ofSeconds(1), 1).send(TENANT, JON, "s", "<p>b</p>"));

        assertTrue(failed.retryable());
        assertTrue(failed.problem().contains("did not come in time"), failed.problem());
        assertEquals(0, graph.sendAttempts().size());
    }

    @Test
    void an_unknown_sending_mailbox_is_a_failure_naming_the_setting() {
        GraphMailer wrong = new GraphMailer(new GraphClients(new GraphSettings("app-id", "app-secret", null, null, "",
                graph.authority(), graph.baseUrl(), Duration.ofSeconds(20), 3, 1, Duration.ofSeconds(5), 100,
                Duration.ofMinutes(5))), "nobody@fenshire.gov.uk");

        GraphMailer.Failed failed = assertInstanceOf(GraphMailer.Failed.class, wrong.send(TENANT, JON, "s", "<p>b</p>"));

        assertFalse(failed.retryable());
        assertTrue(failed.problem().contains("BOARDCLERK_MAIL_FROM"), failed.problem());
    }

    @Test
    void an_unknown_tenant_fails_plainly_without_calling_graph() {
        assertInstanceOf(GraphMailer.Failed.class, mailer.send("", JON, "s", "<p>b</p>"));
        assertEquals(0, graph.received().size());
    }
}
