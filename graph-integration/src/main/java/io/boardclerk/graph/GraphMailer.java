package io.boardclerk.graph;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.graph.models.BodyType;
import com.microsoft.graph.models.EmailAddress;
import com.microsoft.graph.models.ItemBody;
import com.microsoft.graph.models.Message;
import com.microsoft.graph.models.Recipient;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.sendmail.SendMailPostRequestBody;
import com.microsoft.kiota.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.List;

/**
 * Sends one HTML e-mail through Microsoft Graph as BoardClerk's own mailbox, to a person known by their Entra object
 * id: their address is read from the directory ({@code mail}, else {@code userPrincipalName}), then the message goes
 * out with {@code POST /users/{from}/sendMail}, not saved to the mailbox's Sent Items (BoardClerk keeps its own record
 * of what it sent, and the mailbox would otherwise fill with reminders nobody reads).
 *
 * <p>Sending as a mailbox with an app-only token needs the application permission {@value #PERMISSION}, which on its
 * own lets the app send as <em>any</em> mailbox in the organisation; an Exchange application access policy
 * ({@code New-ApplicationAccessPolicy -AccessRight RestrictAccess}) limits it to BoardClerk's one mailbox. Reading the
 * address needs {@value GraphDirectory#PERMISSION}, which the directory lookups already use.
 *
 * <p>Throttling (429, honouring {@code Retry-After}) and 503/504 are retried by the SDK's retry handler. Nothing here
 * throws: every end is an {@link Outcome}. The log holds statuses only; an address is personal data and never logged.
 */
public final class GraphMailer {

    /** The application permission sending as a mailbox needs. */
    public static final String PERMISSION = "Mail.Send";

    private static final Logger LOG = LoggerFactory.getLogger(GraphMailer.class);
    private static final String[] ADDRESS_FIELDS = {"mail", "userPrincipalName"};

    /** What sending came to. */
    public sealed interface Outcome {
    }

    /** Graph accepted the message (HTTP 202) for {@code address}; the address is for the caller, not for a log. */
    public record Sent(String address) implements Outcome {
    }

    /**
     * Graph refused (401 or 403): the app lacks {@value #PERMISSION} (or {@code User.Read.All} to read the address),
     * the access policy shuts it out of the mailbox, or it could not sign in.
     *
     * @param problem in words for the secretary, naming what would put it right; never a secret
     */
    public record Refused(int status, String problem) implements Outcome {
    }

    /** The directory holds neither a mail address nor a user principal name for the person, or does not know them. */
    public record NoAddress(String problem) implements Outcome {
    }

    /**
     * Graph was busy after retries, failed, did not answer in time, or answered with something unreadable.
     *
     * @param retryable true when nothing went out and trying later may work; false when it may already have gone (a
     *                  send that timed out) or will fail the same way again
     */
    public record Failed(String problem, boolean retryable) implements Outcome {
    }

    private final GraphClients clients;
    private final String from;

    /** @param from the mailbox BoardClerk sends as: a user principal name or an object id */
    public GraphMailer(GraphSettings settings, String from) {
        this(new GraphClients(settings), from);
    }

    GraphMailer(GraphClients clients, String from) {
        if (from == null || from.isBlank()) {
            throw new IllegalArgumentException("The mailbox to send as is required.");
        }
        this.clients = clients;
        this.from = from.strip();
    }

    /** The mailbox BoardClerk sends as. */
    public String from() {
        return from;
    }

    /**
     * Sends {@code html} under {@code subject} to the person with Entra object id {@code objectId}.
     *
     * @param tenantId the organisation the person belongs to (used when BoardClerk is multi-tenant)
     */
    public Outcome send(String tenantId, String objectId, String subject, String html) {
        String tenant = clients.tenant(tenantId);
        if (tenant.isEmpty()) {
            return new Failed("the organisation (tenant) is not known, and MicrosoftAppTenantId is not set", false);
        }
        if (objectId == null || objectId.isBlank()) {
            return new NoAddress("BoardClerk knows no Entra object id for them");
        }
        GraphServiceClient client = clients.client(tenant);
        String address;
        try {
            address = address(client, objectId.strip());
        } catch (RuntimeException e) {
            return lookupFailure(e);
        }
        if (address == null) {
            return new NoAddress("the directory holds no e-mail address for them");
        }
        try {
            client.users().byUserId(from).sendMail().post(body(address, subject, html));
            LOG.info("Microsoft Graph accepted an e-mail (HTTP 202)");
            return new Sent(address);
        } catch (RuntimeException e) {
            return sendFailure(e);
        }
    }

    private static String address(GraphServiceClient client, String objectId) {
        User user = client.users().byUserId(objectId).get(config -> config.queryParameters.select = ADDRESS_FIELDS);
        if (user == null) {
            return null;
        }
        if (user.getMail() != null && !user.getMail().isBlank()) {
            return user.getMail().strip();
        }
        String upn = user.getUserPrincipalName();
        return upn == null || upn.isBlank() ? null : upn.strip();
    }

    static SendMailPostRequestBody body(String address, String subject, String html) {
        ItemBody body = new ItemBody();
        body.setContentType(BodyType.Html);
        body.setContent(html);
        EmailAddress to = new EmailAddress();
        to.setAddress(address);
        Recipient recipient = new Recipient();
        recipient.setEmailAddress(to);
        Message message = new Message();
        message.setSubject(subject);
        message.setBody(body);
        message.setToRecipients(List.of(recipient));
        SendMailPostRequestBody request = new SendMailPostRequestBody();
        request.setMessage(message);
        request.setSaveToSentItems(false);
        return request;
    }

    private Outcome lookupFailure(RuntimeException e) {
        ApiException api = GraphClients.cause(e, ApiException.class);
        if (api != null) {
            int status = api.getResponseStatusCode();
            LOG.warn("Microsoft Graph answered HTTP {}{} when asked for a recipient's address", status, code(api));
            if (status == 404) {
                return new NoAddress("Microsoft Graph does not know them in this organisation");
            }
            if (status == 401 || status == 403) {
                return new Refused(status, "Microsoft Graph would not let BoardClerk read their e-mail address (HTTP "
                        + status + "): an administrator grants the application permission " + GraphDirectory.PERMISSION
                        + " to the BoardClerk app.");
            }
            return busyOrError(status, true);
        }
        Outcome common = common(e, "reading their e-mail address");
        if (common != null) {
            return common;
        }
        // Nothing was sent yet: trying again later is safe.
        return new Failed("Microsoft Graph's answer about their address " + noAnswer(e), true);
    }

    private Outcome sendFailure(RuntimeException e) {
        ApiException api = GraphClients.cause(e, ApiException.class);
        if (api != null) {
            int status = api.getResponseStatusCode();
            LOG.warn("Microsoft Graph answered HTTP {}{} to an e-mail", status, code(api));
            if (status == 401 || status == 403) {
                return new Refused(status, "Microsoft Graph would not let BoardClerk send e-mail as " + from
                        + " (HTTP " + status + "): an administrator grants the application permission " + PERMISSION
                        + " to the BoardClerk app, and an Exchange application access policy"
                        + " (New-ApplicationAccessPolicy) must allow it that mailbox.");
            }
            if (status == 404) {
                return new Failed("Microsoft Graph found no mailbox " + from + " to send from (HTTP 404): check "
                        + "BOARDCLERK_MAIL_FROM", false);
            }
            return busyOrError(status, false);
        }
        Outcome common = common(e, "sending an e-mail");
        if (common != null) {
            return common;
        }
        // The request may have reached Graph: sending it again could deliver it twice.
        return new Failed("Microsoft Graph's answer to the e-mail " + noAnswer(e) + ", so it may or may not have gone",
                false);
    }

    /** What became of an answer that never came or could not be used, in words that follow "Graph's answer ...". */
    private static String noAnswer(RuntimeException e) {
        if (GraphClients.unreadable(e)) {
            return "could not be read";
        }
        return GraphClients.cause(e, IOException.class) != null ? "did not come in time"
                : "could not be used (" + e.getClass().getSimpleName() + ")";
    }

    private static Outcome busyOrError(int status, boolean otherwiseRetryable) {
        if (status == 429 || status == 503 || status == 504) {
            return new Failed("Microsoft Graph was busy (HTTP " + status + ") and still was after retrying", true);
        }
        return new Failed("Microsoft Graph answered with an error (HTTP " + status + ")",
                otherwiseRetryable && status >= 500);
    }

    /** Signing in failed, or nothing usable came back; null when neither (left to the caller). */
    private static Outcome common(RuntimeException e, String doing) {
        if (GraphClients.cause(e, ClientAuthenticationException.class) != null) {
            LOG.warn("BoardClerk could not sign in to Microsoft Graph when {}: {}", doing,
                    e.getClass().getSimpleName());
            return new Refused(401, "BoardClerk could not sign in to Microsoft Graph: check MicrosoftAppId, "
                    + "MicrosoftAppPassword or BOARDCLERK_GRAPH_CERTIFICATE, MicrosoftAppTenantId and "
                    + "BOARDCLERK_LOGIN_AUTHORITY.");
        }
        if (GraphClients.unreadable(e) || GraphClients.cause(e, IOException.class) != null) {
            LOG.warn("Microsoft Graph gave no usable answer when {}: {}", doing, e.getClass().getSimpleName());
            return null;
        }
        LOG.warn("Microsoft Graph failed when {}: {}", doing, e.getClass().getSimpleName());
        return null;
    }

    private static String code(ApiException api) {
        String code = api instanceof ODataError error && error.getError() != null ? error.getError().getCode() : null;
        return code == null ? "" : " (" + code + ")";
    }
}
