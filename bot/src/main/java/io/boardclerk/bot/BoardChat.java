package io.boardclerk.bot;

import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationAccount;
import io.boardclerk.core.clerk.Reply;
import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Person;

import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Posts into a board's own conversation without an incoming message: the confirmation in chat of what someone did in
 * the meeting side panel, and the weekly action-log summary when the bot posts it itself. It goes to the Bot
 * Connector address last seen for that conversation, through the same send path (and card rendering) as every reply.
 * What a person asked from the side panel is delivered with its effects done, as in chat; what BoardClerk posts of
 * itself (notices, the weekly summary, the attendance report) has none, and is only shown.
 */
public final class BoardChat {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BoardChat.class);

    private final Replies replies;
    private final ServiceUrls serviceUrls;
    private final String botId;

    /**
     * @param replies  how a reply is sent there: with its effects done for what a person asked (the side panel), or
     *                 shown only for what BoardClerk posts of itself
     */
    BoardChat(Replies replies, ServiceUrls serviceUrls, String botId) {
        this.replies = replies;
        this.serviceUrls = serviceUrls;
        this.botId = botId;
    }

    /** The bot's id in Teams conversations: 28: and the app id. */
    static String botId(BotConfig config) {
        return config.localMode() ? "boardclerk" : "28:" + config.appId();
    }

    /**
     * Posts {@code reply} into the board's conversation as a new message, sent on behalf of {@code person}.
     *
     * @return empty when posted, otherwise why it was not
     */
    public Optional<String> post(Board board, Person person, Reply reply) {
        return post(board, new ChannelAccount(person.teamsId(), person.name()), reply);
    }

    /** Posts {@code reply} into the board's conversation as BoardClerk's own message (a scheduled post). */
    Optional<String> postAsBoardClerk(Board board, Reply reply) {
        return post(board, new ChannelAccount(botId, "BoardClerk"), reply);
    }

    /**
     * Posts {@code markdown} into the chat of board {@code boardId}, when that board is in {@code tenantId}: what a
     * press on a reminder card in someone's personal chat did, told to the board.
     *
     * @return empty when posted, otherwise why it was not
     */
    Optional<String> announce(long boardId, String tenantId, String senderId, String senderName, String markdown) {
        Optional<Board> board = serviceUrls.board(boardId).filter(b -> b.tenantId().equals(tenantId));
        if (board.isEmpty()) {
            return Optional.of("There is no board " + boardId + " in this organisation.");
        }
        return post(board.get(), new ChannelAccount(senderId, senderName), new Reply(markdown));
    }

    private Optional<String> post(Board board, ChannelAccount from, Reply reply) {
        Optional<String> serviceUrl = serviceUrls.of(board.id());
        if (serviceUrl.isEmpty()) {
            return Optional.of("BoardClerk has not yet seen a message in this board's chat, so it cannot post there.");
        }
        Activity incoming = new Activity(ActivityTypes.MESSAGE);
        incoming.setServiceUrl(serviceUrl.get());
        incoming.setChannelId("msteams");
        ConversationAccount conversation = new ConversationAccount(board.conversationId());
        conversation.setTenantId(board.tenantId());
        conversation.setIsGroup(true);
        incoming.setConversation(conversation);
        incoming.setFrom(from);
        incoming.setRecipient(new ChannelAccount(botId, "BoardClerk"));
        try {
            replies.deliver(incoming, reply).join();
            return Optional.empty();
        } catch (CompletionException e) {
            return Optional.of("It could not be posted in the chat ("
                    + (e.getCause() == null ? e.getMessage() : e.getCause().getMessage()) + ").");
        }
    }

    /**
     * Posts Markdown from BoardClerk itself into the board's conversation as a new message (the attendance report
     * once it comes in after the meeting).
     *
     * @return true when posted
     */
    public boolean announce(Board board, String markdown) {
        Person bot = new Person(0, board.id(), botId, null, "BoardClerk", null, null, false);
        Optional<String> problem = post(board, bot, new Reply(markdown));
        problem.ifPresent(why -> LOG.warn("Could not post into the chat of board {}: {}", board.id(), why));
        return problem.isEmpty();
    }
}
