package io.boardclerk.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.boardclerk.core.port.MeetingLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * Finds a Teams meeting's online meeting through the Bot Connector's meeting details
 * ({@code GET {serviceUrl}/v1/meetings/{meetingId}}): its organiser's Entra object id, Graph's id for it
 * ({@code details.msGraphResourceId}) and its join link ({@code details.joinUrl}). The bot may read the details of a
 * meeting it is in; the app manifest's {@code OnlineMeeting.ReadBasic.Chat} consent covers it.
 */
final class TeamsMeetingLocator implements MeetingLocator {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsMeetingLocator.class);

    private final Connector connector;

    TeamsMeetingLocator(Connector connector) {
        this.connector = connector;
    }

    @Override
    public Located locate(String serviceUrl, String teamsMeetingId) {
        JsonNode meeting;
        try {
            meeting = connector.get(serviceUrl, "v1/meetings/" + Connector.encode(teamsMeetingId));
        } catch (IOException e) {
            LOG.warn("Teams' meeting details could not be read: {}", e.getMessage());
            if (e.getMessage() != null && e.getMessage().startsWith("HTTP 404")) {
                return new Unknown("Teams does not know the meeting any more (its details answered HTTP 404).");
            }
            if (e.getMessage() != null && (e.getMessage().startsWith("HTTP 401")
                    || e.getMessage().startsWith("HTTP 403"))) {
                return new Unknown("Teams refused BoardClerk the meeting's details (" + e.getMessage() + "): the "
                        + "app needs the resource-specific consent OnlineMeeting.ReadBasic.Chat, granted when it is "
                        + "added to the meeting.");
            }
            return new Failed("Teams' meeting details could not be read (" + e.getMessage() + ").");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Failed("Reading Teams' meeting details was interrupted.");
        } catch (RuntimeException e) {
            LOG.warn("Teams' meeting details could not be read: {}", e.toString());
            return new Failed("Teams' meeting details could not be read.");
        }
        String organizer = text(meeting.path("organizer").path("aadObjectId"));
        String graphId = text(meeting.path("details").path("msGraphResourceId"));
        String joinUrl = text(meeting.path("details").path("joinUrl"));
        if (organizer == null || (graphId == null && joinUrl == null)) {
            return new Unknown("Teams' meeting details name no organiser or no way to find the meeting in "
                    + "Microsoft Graph.");
        }
        return new Found(organizer, graphId, joinUrl);
    }

    private static String text(JsonNode node) {
        return node == null || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }
}
