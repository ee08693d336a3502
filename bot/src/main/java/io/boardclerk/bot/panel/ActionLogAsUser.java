package io.boardclerk.bot.panel;

import io.boardclerk.core.clerk.Effect;
import io.boardclerk.graph.OnBehalfOf;

/**
 * Posts a board's action-log summary into its chat or channel through Microsoft Graph as the signed-in person, with
 * their own delegated permission (the on-behalf-of flow from the token their request came with). The side panel's
 * "Post the action log as me" asks for it; the bot's action-log poster does it, with the same messages as when
 * BoardClerk posts the summary itself.
 */
public interface ActionLogAsUser {

    /**
     * What came of it.
     *
     * @param posted whether every part was posted
     * @param parts  how many messages went into the chat
     * @param line   one line for the person, plain text (the page shows it as text): posted as you, or why not and
     *               what would put it right
     */
    record Result(boolean posted, int parts, String line) {
    }

    Result post(Effect.PostActionLog post, OnBehalfOf user);
}
