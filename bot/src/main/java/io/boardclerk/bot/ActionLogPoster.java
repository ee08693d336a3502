package io.boardclerk.bot;

import io.boardclerk.bot.documents.DownloadLinks;
import io.boardclerk.bot.panel.ActionLogAsUser;
import io.boardclerk.core.clerk.Card;
import io.boardclerk.core.clerk.Effect;
import io.boardclerk.core.clerk.Md;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.port.LedgerStore;
import io.boardclerk.core.posting.ChatAddress;
import io.boardclerk.graph.ActionLogHtml;
import io.boardclerk.graph.ChatTarget;
import io.boardclerk.graph.GraphChatPoster;
import io.boardclerk.graph.OnBehalfOf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Posts a board's action-log summary into its channel or chat: through Microsoft Graph as BoardClerk's app when it
 * can (HTML tables; split under Teams' message size, or summarised with a signed link to the Word export when that
 * would take more than {@link #MAX_MESSAGES} messages); otherwise, or when Graph refuses or fails, as the bot itself
 * through the Bot Framework (the action-log card), with one line saying why and what would enable Graph posting.
 * Runs after the turn's transaction: no Graph call ever holds the database.
 *
 * <p>{@link #post(Effect.PostActionLog, OnBehalfOf)} posts the same messages as a signed-in chair or secretary, with their delegated permission (the
 * side panel's "Post the action log as me"). There is no fallback to the bot there: they asked to post as
 * themselves, so they are told what stood in the way instead.
 */
final class ActionLogPoster implements ActionLogAsUser {

    private static final Logger LOG = LoggerFactory.getLogger(ActionLogPoster.class);

    /** More messages than this become one summary with a link to the full log. */
    static final int MAX_MESSAGES = 3;

    /** What posting came to: whether Graph posted it, and one line for the chair. */
    record Result(boolean viaGraph, String line) {
    }

    /** Posts a reply into the board's conversation as the bot; empty when posted, else why not. */
    interface BotPost {
        Optional<String> send(Reply reply);
    }

    private final LedgerStore store;
    private final GraphChatPoster graph;
    private final String graphOff;
    private final ChatAddresses addresses;
    private final DownloadLinks links;
    private final ZoneId zone;

    /**
     * @param graph    the Graph poster, null when Graph is off
     * @param graphOff why Graph is off and what enabling it takes, in words; ignored when it is on
     */
    ActionLogPoster(LedgerStore store, GraphChatPoster graph, String graphOff, ChatAddresses addresses,
                    DownloadLinks links, ZoneId zone) {
        this.store = store;
        this.graph = graph;
        this.graphOff = graphOff;
        this.addresses = addresses;
        this.links = links;
        this.zone = zone;
    }

    /**
     * Posts the summary and says, in one line, what happened.
     *
     * @param channel whether the board is a channel (for naming the consent when its address is not known yet)
     */
    Result post(Effect.PostActionLog post, boolean channel, BotPost fallback) {
        Optional<Board> found = store.read(ledger -> ledger.board(post.view().boardId()));
        if (found.isEmpty()) {
            return new Result(false, "The action log summary could not be posted: its board no longer exists.");
        }
        Board board = found.get();
        String name = Md.esc(board.name());
        if (graph == null) {
            return byBot(post, fallback, "Microsoft Graph is off (" + graphOff + "), so BoardClerk posted the "
                    + "summary itself; posting through Graph also needs the resource-specific consent "
                    + permission(channel) + ".");
        }
        Optional<ChatAddress> address = addresses.of(board.id());
        if (address.isEmpty()) {
            return byBot(post, fallback, "BoardClerk posted the summary itself: Microsoft Graph needs this "
                    + (channel ? "channel's team id, which Teams sends with messages in the channel" : "chat's id")
                    + ", and none has arrived yet.");
        }
        Messages out = messages(post, address.get());
        ChatTarget target = out.target();
        GraphChatPoster.Outcome outcome = graph.post(board.tenantId(), target, out.html());
        if (outcome instanceof GraphChatPoster.Posted posted) {
            LOG.info("Posted the action log summary of board {} through Microsoft Graph ({} messages)", board.id(),
                    posted.posted());
            return new Result(true, "Posted the action log summary of " + name + " in " + target.where()
                    + " through Microsoft Graph" + (out.linked() ? ", with a link to the full log (too long for Teams "
                    + "messages)." : posted.posted() == 1 ? "." : " (" + posted.posted() + " messages)."));
        }
        String partly = outcome.posted() == 0 ? "" : " (" + outcome.posted() + " of " + out.html().size()
                + " parts had gone through Graph)";
        if (outcome instanceof GraphChatPoster.Refused refused) {
            return byBot(post, fallback, "BoardClerk posted the summary itself" + partly + ": "
                    + refused.problem().replaceAll("\\.$", "") + ", or the chair can post it as themselves from "
                    + "BoardClerk's side panel (delegated " + target.delegatedPermission() + ").");
        }
        return byBot(post, fallback, "BoardClerk posted the summary itself" + partly + ": " + problem(outcome));
    }

    /**
     * Posts the summary as {@code user} (a chair or secretary signed in to the side panel) through Graph, with the
     * same messages as {@link #post}. Never falls back to posting as the bot.
     */
    @Override
    public ActionLogAsUser.Result post(Effect.PostActionLog post, OnBehalfOf user) {
        Optional<Board> found = store.read(ledger -> ledger.board(post.view().boardId()));
        if (found.isEmpty()) {
            return new ActionLogAsUser.Result(false, 0, "Could not post the action log summary: its board no longer "
                    + "exists. Nothing was posted.");
        }
        Board board = found.get();
        if (graph == null) {
            return new ActionLogAsUser.Result(false, 0, "Microsoft Graph is off here (" + graphOff + "), so "
                    + "nothing was posted as you; posting as yourself also needs the delegated permission "
                    + GraphChatPoster.DELEGATED_CHAT_PERMISSION + " (or " + GraphChatPoster.DELEGATED_CHANNEL_PERMISSION
                    + " in a channel) granted to BoardClerk. Say \"post action log\" in the chat to have BoardClerk "
                    + "post it itself.");
        }
        Optional<ChatAddress> address = addresses.of(board.id());
        if (address.isEmpty()) {
            return new ActionLogAsUser.Result(false, 0, "Could not post the action log summary as you: Microsoft "
                    + "Graph needs this chat's id (a channel's team id), which Teams sends with messages there, and "
                    + "none has arrived yet; say something to @BoardClerk in the chat first. Nothing was posted.");
        }
        Messages out = messages(post, address.get());
        GraphChatPoster.Outcome outcome = graph.postAs(user, out.target(), out.html());
        if (outcome instanceof GraphChatPoster.Posted posted) {
            LOG.info("Posted the action log summary of board {} through Microsoft Graph as a signed-in officer ({} "
                    + "messages)", board.id(), posted.posted());
            return new ActionLogAsUser.Result(true, posted.posted(), "Posted the action log summary of "
                    + board.name() + " in " + out.target().where() + " as you through Microsoft Graph"
                    + (out.linked() ? ", with a link to the full log (too long for Teams messages)."
                    : posted.posted() == 1 ? "." : " (" + posted.posted() + " messages)."));
        }
        String gone = outcome.posted() == 0 ? " Nothing was posted." : " " + outcome.posted() + " of "
                + out.html().size() + " parts had been posted.";
        String instead = outcome instanceof GraphChatPoster.NotSignedIn ? ""
                : " Say \"post action log\" in the chat to have BoardClerk post it itself.";
        return new ActionLogAsUser.Result(false, outcome.posted(), "Could not post the action log summary as you: "
                + problem(outcome) + gone + instead);
    }

    /** Where the summary goes through Graph, its messages, and whether they link the full log instead. */
    private record Messages(ChatTarget target, List<String> html, boolean linked) {
    }

    private Messages messages(Effect.PostActionLog post, ChatAddress address) {
        ChatTarget target = address.channel() ? new ChatTarget.Channel(address.teamId(), address.threadId())
                : new ChatTarget.Chat(address.threadId());
        List<String> messages = ActionLogHtml.messages(post.view(), ActionLogHtml.MAX_BYTES);
        if (messages.size() > MAX_MESSAGES && links.mint(post.fullLog()) instanceof DownloadLinks.Link link) {
            return new Messages(target, List.of(ActionLogHtml.summaryWithLink(post.view(), link.uri().toString(),
                    "download the full action log (Word), until " + DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                            .format(link.expiresAt().atZone(zone)), ActionLogHtml.MAX_BYTES)), true);
        }
        return new Messages(target, messages, false);
    }

    private static String problem(GraphChatPoster.Outcome outcome) {
        if (outcome instanceof GraphChatPoster.Refused refused) {
            return refused.problem();
        }
        if (outcome instanceof GraphChatPoster.NotSignedIn notSignedIn) {
            return notSignedIn.problem();
        }
        return outcome instanceof GraphChatPoster.Failed failed ? failed.problem() : "";
    }

    /** How this board's summaries are posted, in one line (after setting or showing the weekly schedule). */
    String method(long boardId, boolean channel) {
        if (graph == null) {
            return "Microsoft Graph is off (" + graphOff + "), so BoardClerk posts the summary as its own card.";
        }
        boolean isChannel = addresses.of(boardId).map(ChatAddress::channel).orElse(channel);
        return "It is posted through Microsoft Graph as BoardClerk's app, which needs the resource-specific consent "
                + permission(isChannel) + "; without it BoardClerk posts the summary as its own card.";
    }

    private static String permission(boolean channel) {
        return channel ? GraphChatPoster.CHANNEL_PERMISSION + " (a team owner grants it by installing BoardClerk in "
                + "the team)" : GraphChatPoster.CHAT_PERMISSION + " (granted by adding BoardClerk to the chat)";
    }

    private static Result byBot(Effect.PostActionLog post, BotPost fallback, String why) {
        Optional<String> failed = fallback.send(new Reply("", List.of(new Card.ActionLog(post.view(), 0))));
        if (failed.isPresent()) {
            LOG.warn("The action log summary could not be posted by the bot either: {}", failed.get());
            return new Result(false, "The action log summary could not be posted: " + why + " Posting it as "
                    + "BoardClerk failed too (" + failed.get() + "); try again later.");
        }
        return new Result(false, why);
    }
}
