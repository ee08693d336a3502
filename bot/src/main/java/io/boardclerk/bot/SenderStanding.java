package io.boardclerk.bot;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import io.boardclerk.core.clerk.Bookkeeping;
import io.boardclerk.core.clerk.Conversation;
import io.boardclerk.core.clerk.Sender;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.port.MeetingLocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What Teams vouches for about the sender of an activity: an administrator (BOARDCLERK_ADMINS, by object id or by
 * the user principal name the roster gives), the person who added BoardClerk to the chat or to the channel's team
 * (named by the {@code installationUpdate}, or by the {@code conversationUpdate} that adds the bot), the organiser
 * of a meeting chat's meeting (Teams' meeting details), the owner of a channel's team (Microsoft Graph), or nobody.
 */
final class SenderStanding {

    private static final Logger LOG = LoggerFactory.getLogger(SenderStanding.class);

    private final LedgerStore store;
    private final Bookkeeping book;
    private final SecuritySettings security;
    private final Clock clock;
    /** Object id to user principal name, as the roster last listed them. */
    private final Cache<String, String> principalNames = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(12)).build();

    private final MeetingLocator meetings;
    /** Meeting id to its organiser's object id (lower case; empty when Teams did not say). */
    private final Cache<String, String> organisers = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofHours(1)).build();
    private final TeamOwnership owners;

    /**
     * @param meetings reads a meeting's organiser from Teams' meeting details; null for none
     * @param owners whether someone owns a channel's team (Microsoft Graph)
     */
    SenderStanding(LedgerStore store, Bookkeeping book, SecuritySettings security, Clock clock,
                   MeetingLocator meetings, TeamOwnership owners) {
        this.store = store;
        this.book = book;
        this.security = security;
        this.clock = clock;
        this.meetings = meetings;
        this.owners = owners;
    }

    /** The sender of {@code activity} with what is vouched for them in {@code conversation}. */
    Sender of(Activity activity, Conversation conversation, Sender sender) {
        String aad = sender.aadObjectId();
        if (aad == null || aad.isBlank()) {
            return new Sender(sender.teamsId(), sender.aadObjectId(), sender.name(), Sender.Standing.MEMBER);
        }
        if (security.admin(aad, principalNames.getIfPresent(aad.toLowerCase(Locale.ROOT)))) {
            return new Sender(sender.teamsId(), aad, sender.name(), Sender.Standing.ADMIN);
        }
        List<String> places = places(activity, conversation);
        boolean installer = store.read(ledger -> places.stream()
                .anyMatch(place -> ledger.isInstaller(conversation.tenantId(), place, aad)));
        if (installer) {
            return new Sender(sender.teamsId(), aad, sender.name(), Sender.Standing.VOUCHED);
        }
        TeamsChannelData data = ActivityTranslator.channelData(activity);
        String meetingId = data == null || data.getMeeting() == null ? null : data.getMeeting().getId();
        boolean meeting = meetingId != null && !meetingId.isBlank() && meetings != null;
        // A channel's team owner is asked of Graph only for a message that may appoint (it names an office).
        boolean channelAppointment = data != null && data.getTeam() != null && owners != null
                && namesAnOffice(activity.getText());
        // Both are asked only while the board has no officers, the only time they matter.
        if (!meeting && !channelAppointment || !withoutOfficers(conversation)) {
            return new Sender(sender.teamsId(), aad, sender.name(), Sender.Standing.MEMBER);
        }
        if (meeting && organiser(activity.getServiceUrl(), meetingId, aad)) {
            return new Sender(sender.teamsId(), aad, sender.name(), Sender.Standing.VOUCHED);
        }
        if (!channelAppointment) {
            return new Sender(sender.teamsId(), aad, sender.name(), Sender.Standing.MEMBER);
        }
        // Outside any transaction: Graph is asked with the database free.
        TeamOwnership.Verdict owner = owners.of(conversation.tenantId(), data.getTeam().getAadGroupId(), aad);
        return new Sender(sender.teamsId(), aad, sender.name(),
                owner.owner() ? Sender.Standing.VOUCHED : Sender.Standing.MEMBER, owner.unknownBecause());
    }

    /** Whether the text names an office ("chair", "secretary"), as every appointment does. */
    static boolean namesAnOffice(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT);
        return lower.contains("chair") || lower.contains("secretary");
    }

    private boolean withoutOfficers(Conversation conversation) {
        return store.read(ledger -> ledger.findBoard(conversation.tenantId(), conversation.conversationId())
                .map(board -> !board.hasOfficers()).orElse(true));
    }

    /**
     * Whether the sender organised the meeting of a meeting chat, as Teams' meeting details say, remembered per
     * meeting for an hour; when Teams cannot say, the answer is no.
     */
    private boolean organiser(String serviceUrl, String meetingId, String aad) {
        String organiser = organisers.get(meetingId, id -> {
            MeetingLocator.Located located = meetings.locate(serviceUrl, id);
            return located instanceof MeetingLocator.Found found && found.organizerId() != null
                    ? found.organizerId().toLowerCase(Locale.ROOT) : "";
        });
        return aad.toLowerCase(Locale.ROOT).equals(organiser);
    }

    /** Notes the user principal name the roster gave for an object id. */
    void principalName(String aadObjectId, String userPrincipalName) {
        if (aadObjectId != null && userPrincipalName != null) {
            principalNames.put(aadObjectId.toLowerCase(Locale.ROOT), userPrincipalName);
        }
    }

    /**
     * Notes who added BoardClerk: the sender of an {@code installationUpdate} that adds it, or of a
     * {@code conversationUpdate} whose added members include the bot itself.
     */
    void noteInstallation(Activity activity, Conversation conversation) {
        ChannelAccount from = activity.getFrom();
        if (from == null || from.getAadObjectId() == null || from.getAadObjectId().isBlank()
                || conversation.tenantId() == null || conversation.tenantId().isBlank()) {
            return;
        }
        String botId = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        boolean added = "installationUpdate".equals(activity.getType()) && "add".equals(activity.getAction())
                || "conversationUpdate".equals(activity.getType()) && activity.getMembersAdded() != null
                && botId != null && activity.getMembersAdded().stream().anyMatch(m -> Objects.equals(m.getId(), botId));
        if (!added) {
            return;
        }
        // In a team, the bot is added to the team (its General channel): the installer is the team's for every channel.
        List<String> places = places(activity, conversation);
        book.noteInstaller(conversation.tenantId(), places, from.getAadObjectId(), clock.instant());
        LOG.info("BoardClerk was added to conversation {} by {}", LogText.of(conversation.conversationId()),
                LogText.of(from.getAadObjectId()));
    }

    /** The conversation and, for a channel, its team. */
    private static List<String> places(Activity activity, Conversation conversation) {
        List<String> places = new ArrayList<>();
        places.add(conversation.conversationId());
        TeamsChannelData data = ActivityTranslator.channelData(activity);
        if (data != null && data.getTeam() != null && data.getTeam().getId() != null
                && !data.getTeam().getId().equals(conversation.conversationId())) {
            places.add(data.getTeam().getId());
        }
        return places;
    }
}
