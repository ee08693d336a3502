package io.boardclerk.graph;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.graph.models.AttendanceInterval;
import com.microsoft.graph.models.AttendanceRecord;
import com.microsoft.graph.models.AttendanceRecordCollectionResponse;
import com.microsoft.graph.models.MeetingAttendanceReport;
import com.microsoft.graph.models.MeetingAttendanceReportCollectionResponse;
import com.microsoft.graph.models.OnlineMeetingCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.graph.users.item.onlinemeetings.item.OnlineMeetingItemRequestBuilder;
import com.microsoft.graph.users.item.onlinemeetings.item.attendancereports.AttendanceReportsRequestBuilder;
import com.microsoft.graph.users.item.onlinemeetings.item.attendancereports.item.attendancerecords.AttendanceRecordsRequestBuilder;
import com.microsoft.kiota.ApiException;
import io.boardclerk.core.model.AttendanceReport;
import io.boardclerk.core.port.AttendanceAnswer;
import io.boardclerk.core.port.AttendanceSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Teams attendance reports through Microsoft Graph, as BoardClerk's app: the organiser's online meeting
 * ({@code /users/{organizer}/onlineMeetings/{id}}, or found by its join link), its attendance reports, and every page
 * of the chosen report's attendance records. Reading them app-only needs {@link #PERMISSION} (or the meeting chat's
 * resource-specific consent {@link #RSC_PERMISSION}) and an application access policy granted to the organiser.
 * Every failure becomes an {@link AttendanceAnswer}; nothing escapes as an exception.
 */
public final class GraphAttendance implements AttendanceSource {

    public static final String PERMISSION = "OnlineMeetingArtifact.Read.All";
    public static final String RSC_PERMISSION = "OnlineMeetingArtifact.Read.Chat";
    /** A guard against a service that keeps handing out next links. */
    static final int MAX_PAGES = 100;

    private static final Logger LOG = LoggerFactory.getLogger(GraphAttendance.class);

    private final GraphSettings settings;
    private final GraphClients clients;

    public GraphAttendance(GraphSettings settings) {
        this(new GraphClients(settings));
    }

    GraphAttendance(GraphClients clients) {
        this.settings = clients.settings();
        this.clients = clients;
    }

    @Override
    public AttendanceAnswer fetch(String tenantId, OnlineMeeting meeting) {
        String tenant = settings.tenantId().isEmpty() ? Objects.requireNonNullElse(tenantId, "").strip()
                : settings.tenantId();
        if (tenant.isEmpty()) {
            return new AttendanceAnswer.NotFound("the meeting's organisation (tenant) is not known, and "
                    + "MicrosoftAppTenantId is not set.");
        }
        if (meeting.organizerId() == null || meeting.organizerId().isBlank()) {
            return new AttendanceAnswer.NotFound("Teams did not say who organised the meeting, and Graph reads "
                    + "attendance reports through the organiser.");
        }
        try {
            return read(clients.client(tenant), meeting);
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    private AttendanceAnswer read(GraphServiceClient client, OnlineMeeting meeting) {
        var meetings = client.users().byUserId(meeting.organizerId()).onlineMeetings();
        String id = meeting.graphMeetingId();
        if (id == null || id.isBlank()) {
            if (meeting.joinUrl() == null || meeting.joinUrl().isBlank()) {
                return new AttendanceAnswer.NotFound("Teams gave neither Graph's id of the meeting nor its join link.");
            }
            OnlineMeetingCollectionResponse found = meetings.get(request -> request.queryParameters.filter =
                    "JoinWebUrl eq " + GraphDirectory.odataString(meeting.joinUrl()));
            id = found == null || found.getValue() == null ? null : found.getValue().stream()
                    .map(com.microsoft.graph.models.OnlineMeeting::getId).filter(Objects::nonNull).findFirst()
                    .orElse(null);
            if (id == null) {
                return new AttendanceAnswer.NotFound("Microsoft Graph has no online meeting of the organiser with "
                        + "this meeting's join link.", true);
            }
        }
        OnlineMeetingItemRequestBuilder online = meetings.byOnlineMeetingId(id);
        AttendanceReportsRequestBuilder reportsRequest = online.attendanceReports();
        List<MeetingAttendanceReport> reports = new ArrayList<>();
        MeetingAttendanceReportCollectionResponse page = reportsRequest.get();
        for (int pages = 0; page != null && pages < MAX_PAGES; pages++) {
            if (page.getValue() != null) {
                reports.addAll(page.getValue());
            }
            page = page.getOdataNextLink() == null ? null : reportsRequest.withUrl(page.getOdataNextLink()).get();
        }
        reports.removeIf(r -> r.getId() == null);
        if (reports.isEmpty()) {
            return new AttendanceAnswer.NotYet();
        }
        MeetingAttendanceReport report = choose(reports, meeting.startedAround());
        AttendanceRecordsRequestBuilder recordsRequest = reportsRequest.byMeetingAttendanceReportId(report.getId())
                .attendanceRecords();
        List<AttendanceReport.Attendee> attendees = new ArrayList<>();
        AttendanceRecordCollectionResponse records = recordsRequest.get();
        for (int pages = 0; records != null && pages < MAX_PAGES; pages++) {
            if (records.getValue() != null) {
                for (AttendanceRecord record : records.getValue()) {
                    attendees.add(attendee(record));
                }
            }
            records = records.getOdataNextLink() == null ? null
                    : recordsRequest.withUrl(records.getOdataNextLink()).get();
        }
        return new AttendanceAnswer.Obtained(new AttendanceReport(instant(report.getMeetingStartDateTime()),
                instant(report.getMeetingEndDateTime()), attendees));
    }

    /** The report of the session that began closest to when BoardClerk saw the meeting start; else the latest. */
    static MeetingAttendanceReport choose(List<MeetingAttendanceReport> reports, Instant startedAround) {
        Comparator<MeetingAttendanceReport> latest = Comparator.comparing(
                r -> r.getMeetingStartDateTime() == null ? Instant.MIN : r.getMeetingStartDateTime().toInstant());
        if (startedAround == null) {
            return reports.stream().max(latest).orElseThrow();
        }
        return reports.stream().min(Comparator.comparing((MeetingAttendanceReport r) -> r.getMeetingStartDateTime()
                == null ? Duration.ofDays(36_500) : Duration.between(r.getMeetingStartDateTime().toInstant(),
                startedAround).abs())).orElseThrow();
    }

    private static AttendanceReport.Attendee attendee(AttendanceRecord record) {
        String name = record.getIdentity() == null ? null : record.getIdentity().getDisplayName();
        String objectId = record.getIdentity() == null ? null : record.getIdentity().getId();
        List<AttendanceReport.Session> sessions = new ArrayList<>();
        if (record.getAttendanceIntervals() != null) {
            for (AttendanceInterval interval : record.getAttendanceIntervals()) {
                sessions.add(new AttendanceReport.Session(instant(interval.getJoinDateTime()),
                        instant(interval.getLeaveDateTime())));
            }
        }
        return new AttendanceReport.Attendee(name, record.getEmailAddress(), objectId, record.getRole(), sessions);
    }

    private static Instant instant(OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private AttendanceAnswer failure(RuntimeException e) {
        ApiException api = GraphClients.cause(e, ApiException.class);
        if (api != null) {
            int status = api.getResponseStatusCode();
            String code = null;
            String message = "";
            if (api instanceof ODataError error && error.getError() != null) {
                code = error.getError().getCode();
                message = Objects.requireNonNullElse(error.getError().getMessage(), "");
            }
            LOG.warn("Microsoft Graph refused an attendance report: HTTP {}{}", status,
                    code == null ? "" : " (" + code + ")");
            if (status == 401 || status == 403) {
                return new AttendanceAnswer.Refused(refusal(status, message));
            }
            if (status == 404) {
                return new AttendanceAnswer.NotFound("Microsoft Graph cannot find the online meeting (HTTP 404).",
                        true);
            }
            if (status == 429 || status == 503 || status == 504) {
                return new AttendanceAnswer.Busy("Microsoft Graph is busy (HTTP " + status + ") and still was after "
                        + "retrying.", retryAfter(api));
            }
            return new AttendanceAnswer.Failed("Microsoft Graph answered with an error (HTTP " + status + ").");
        }
        if (GraphClients.cause(e, ClientAuthenticationException.class) != null) {
            LOG.warn("BoardClerk could not sign in to Microsoft Graph: {}", e.getClass().getSimpleName());
            return new AttendanceAnswer.Refused("BoardClerk could not sign in to Microsoft Graph: check "
                    + "MicrosoftAppId, MicrosoftAppPassword or BOARDCLERK_GRAPH_CERTIFICATE, MicrosoftAppTenantId and "
                    + "BOARDCLERK_LOGIN_AUTHORITY.");
        }
        // A malformed body surfaces as an IOException from the JSON reader too, so only a timeout or a connection
        // failure counts as Graph not answering.
        if (GraphClients.cause(e, InterruptedIOException.class) != null) {
            LOG.warn("Microsoft Graph did not answer in time for an attendance report");
            return new AttendanceAnswer.Failed("Microsoft Graph did not answer in time.");
        }
        if (GraphClients.cause(e, SocketException.class) != null
                || GraphClients.cause(e, UnknownHostException.class) != null) {
            LOG.warn("Microsoft Graph could not be reached for an attendance report: {}", e.toString());
            return new AttendanceAnswer.Failed("Microsoft Graph could not be reached.");
        }
        LOG.warn("An attendance report from Microsoft Graph could not be read: {}", e.toString());
        return new AttendanceAnswer.Failed("Microsoft Graph's answer could not be read.");
    }

    /** What is missing, as precisely as Graph's answer lets us say. */
    static String refusal(int status, String graphMessage) {
        String lower = graphMessage.toLowerCase(Locale.ROOT);
        if (lower.contains("application access policy")) {
            return "Microsoft Graph refused BoardClerk (HTTP " + status + "): no application access policy lets "
                    + "the app read this organiser's online meetings. A Teams administrator must create one for "
                    + "BoardClerk's app id and grant it to the organiser (New-CsApplicationAccessPolicy, "
                    + "Grant-CsApplicationAccessPolicy).";
        }
        return "Microsoft Graph refused BoardClerk (HTTP " + status + "): reading attendance reports needs the "
                + "application permission " + PERMISSION + " with an administrator's consent (or the meeting chat's "
                + "resource-specific consent " + RSC_PERMISSION + ", granted when BoardClerk is added), and an "
                + "application access policy granted to the meeting's organiser (New-CsApplicationAccessPolicy, "
                + "Grant-CsApplicationAccessPolicy).";
    }

    private static Duration retryAfter(ApiException api) {
        if (api.getResponseHeaders() == null) {
            return Duration.ZERO;
        }
        Set<String> values = api.getResponseHeaders().get("Retry-After");
        if (values == null || values.isEmpty()) {
            return Duration.ZERO;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(values.iterator().next().strip()));
        } catch (NumberFormatException e) {
            return Duration.ZERO;
        }
    }
}
