package io.boardclerk.graph;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.graph.models.DateTimeTimeZone;
import com.microsoft.graph.models.Event;
import com.microsoft.graph.models.EventCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.users.item.calendarview.CalendarViewRequestBuilder;
import com.microsoft.kiota.ApiException;
import io.boardclerk.core.port.CalendarSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An organiser's Outlook calendar through Microsoft Graph, as BoardClerk's app: every page of
 * {@code /users/{organiser}/calendarView} between two instants, with times asked for in UTC
 * ({@code Prefer: outlook.timezone="UTC"}) so that no Windows zone name needs translating. Reading another user's
 * calendar app-only needs {@link #PERMISSION}, which an Exchange administrator should scope to the organisers with an
 * application access policy or RBAC for Applications. Every failure becomes an {@link CalendarSource.Answer}; nothing
 * escapes as an exception.
 */
public final class GraphCalendar implements CalendarSource {

    public static final String PERMISSION = "Calendars.Read";
    /** A guard against a service that keeps handing out next links: 100 pages of 50 is far more than a year. */
    static final int MAX_PAGES = 100;
    static final int PAGE_SIZE = 50;
    static final String[] FIELDS = {"id", "seriesMasterId", "type", "subject", "start", "location", "isCancelled",
            "isOnlineMeeting", "onlineMeeting"};

    private static final Logger LOG = LoggerFactory.getLogger(GraphCalendar.class);

    private final GraphClients clients;

    public GraphCalendar(GraphSettings settings) {
        this(new GraphClients(settings));
    }

    GraphCalendar(GraphClients clients) {
        this.clients = clients;
    }

    @Override
    public Answer read(String tenantId, String organiser, Instant from, Instant to) {
        String tenant = clients.tenant(tenantId);
        if (tenant.isEmpty()) {
            return new Answer.NotFound("the board's organisation (tenant) is not known, and MicrosoftAppTenantId is "
                    + "not set.");
        }
        if (organiser == null || organiser.isBlank()) {
            return new Answer.NotFound("no organiser is set.");
        }
        try {
            CalendarViewRequestBuilder view = clients.client(tenant).users().byUserId(organiser.strip()).calendarView();
            List<Occurrence> occurrences = new ArrayList<>();
            EventCollectionResponse page = view.get(request -> {
                request.queryParameters.startDateTime = iso(from);
                request.queryParameters.endDateTime = iso(to);
                request.queryParameters.select = FIELDS;
                request.queryParameters.top = PAGE_SIZE;
                request.headers.add("Prefer", "outlook.timezone=\"UTC\"");
            });
            int pages = 1;
            while (page != null) {
                if (page.getValue() == null) {
                    return new Answer.Failed("Microsoft Graph's answer could not be read (no list of events).");
                }
                for (Event event : page.getValue()) {
                    occurrences.add(occurrence(event));
                }
                if (page.getOdataNextLink() == null) {
                    break;
                }
                if (pages++ >= MAX_PAGES) {
                    return new Answer.Failed("Microsoft Graph kept sending more pages of the calendar (over "
                            + MAX_PAGES + ").");
                }
                String next = page.getOdataNextLink();
                page = view.withUrl(next).get(request -> request.headers.add("Prefer", "outlook.timezone=\"UTC\""));
            }
            return new Answer.Obtained(occurrences);
        } catch (Malformed e) {
            LOG.warn("An event from Microsoft Graph could not be read: {}", e.getMessage());
            return new Answer.Failed("Microsoft Graph's answer could not be read (" + e.getMessage() + ").");
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    private static String iso(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Occurrence occurrence(Event event) {
        if (event.getId() == null || event.getId().isBlank()) {
            throw new Malformed("an event without an id");
        }
        String join = event.getOnlineMeeting() == null ? null : event.getOnlineMeeting().getJoinUrl();
        return new Occurrence(event.getId(), event.getSeriesMasterId(), event.getSubject(), start(event.getStart()),
                event.getLocation() == null ? null : event.getLocation().getDisplayName(), join,
                Boolean.TRUE.equals(event.getIsCancelled()));
    }

    /** Graph's {@code dateTimeTimeZone}: a local date-time and the zone it is in (UTC, as we asked). */
    static Instant start(DateTimeTimeZone start) {
        if (start == null || start.getDateTime() == null) {
            throw new Malformed("an event without a start");
        }
        try {
            LocalDateTime local = LocalDateTime.parse(start.getDateTime().strip());
            String zone = Objects.requireNonNullElse(start.getTimeZone(), "UTC").strip();
            if (zone.isEmpty() || zone.equalsIgnoreCase("UTC") || zone.equalsIgnoreCase("Etc/GMT")) {
                return local.toInstant(ZoneOffset.UTC);
            }
            return local.atZone(ZoneId.of(zone)).toInstant();
        } catch (DateTimeParseException e) {
            throw new Malformed("a start that is not a date and time");
        } catch (DateTimeException e) {
            throw new Malformed("a start in an unknown time zone");
        }
    }

    private Answer failure(RuntimeException e) {
        ApiException api = GraphClients.cause(e, ApiException.class);
        if (api != null) {
            int status = api.getResponseStatusCode();
            String code = null;
            String message = "";
            if (api instanceof ODataError error && error.getError() != null) {
                code = error.getError().getCode();
                message = Objects.requireNonNullElse(error.getError().getMessage(), "");
            }
            LOG.warn("Microsoft Graph refused a calendar read: HTTP {}{}", status, code == null ? "" : " (" + code + ")");
            if (status == 401 || status == 403) {
                return new Answer.Refused(refusal(status, message));
            }
            if (status == 404 || (status == 400 && code != null && code.toLowerCase(Locale.ROOT).contains("user"))) {
                return new Answer.NotFound("Microsoft Graph knows no user with that address, or they have no "
                        + "mailbox (HTTP " + status + ").");
            }
            if (status == 429 || status == 503 || status == 504) {
                return new Answer.Failed("Microsoft Graph is busy (HTTP " + status + ") and still was after retrying;"
                        + " I will try again later.");
            }
            return new Answer.Failed("Microsoft Graph answered with an error (HTTP " + status + ").");
        }
        if (GraphClients.cause(e, ClientAuthenticationException.class) != null) {
            LOG.warn("BoardClerk could not sign in to Microsoft Graph: {}", e.getClass().getSimpleName());
            return new Answer.Refused("BoardClerk could not sign in to Microsoft Graph: check MicrosoftAppId, "
                    + "MicrosoftAppPassword or BOARDCLERK_GRAPH_CERTIFICATE, MicrosoftAppTenantId and "
                    + "BOARDCLERK_LOGIN_AUTHORITY.");
        }
        if (GraphClients.unreadable(e)) {
            LOG.warn("A calendar from Microsoft Graph could not be read: {}", e.getClass().getSimpleName());
            return new Answer.Failed("Microsoft Graph's answer could not be read.");
        }
        if (GraphClients.cause(e, InterruptedIOException.class) != null) {
            LOG.warn("Microsoft Graph did not answer in time for a calendar read");
            return new Answer.Failed("Microsoft Graph did not answer in time.");
        }
        if (GraphClients.cause(e, SocketException.class) != null
                || GraphClients.cause(e, UnknownHostException.class) != null) {
            LOG.warn("Microsoft Graph could not be reached for a calendar read: {}", e.getClass().getSimpleName());
            return new Answer.Failed("Microsoft Graph could not be reached.");
        }
        LOG.warn("A calendar from Microsoft Graph could not be read: {}", e.toString());
        return new Answer.Failed("Microsoft Graph's answer could not be read.");
    }

    /** What is missing, as precisely as Graph's answer lets us say. */
    static String refusal(int status, String graphMessage) {
        String lower = graphMessage.toLowerCase(Locale.ROOT);
        if (lower.contains("access policy") || lower.contains("application access") || lower.contains("rbac")) {
            return "Microsoft Graph refused BoardClerk (HTTP " + status + "): an Exchange application access policy "
                    + "(or RBAC for Applications) does not let the app read this organiser's calendar. An Exchange "
                    + "administrator must add the organiser to the group the policy allows.";
        }
        return "Microsoft Graph refused BoardClerk (HTTP " + status + "): reading the organiser's calendar needs the "
                + "application permission " + PERMISSION + " with an administrator's consent (ideally limited to the "
                + "organisers with an Exchange application access policy or RBAC for Applications).";
    }

    /** An event Graph sent that cannot be made sense of: the whole read fails and nothing changes. */
    private static final class Malformed extends RuntimeException {
        Malformed(String what) {
            super(what, null, false, false);
        }
    }
}
