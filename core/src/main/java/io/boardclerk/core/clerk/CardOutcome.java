package io.boardclerk.core.clerk;

/**
 * What a pressed button comes to.
 *
 * @param card         the card to show in place of the one pressed (for everyone, through refresh); null to leave it
 * @param message      markdown for the presser only (an error or a refusal shown on the card), null for none
 * @param announcement markdown posted into the chat for everyone, as a typed command's confirmation is; null for none
 * @param error        true when the press was refused or invalid and nothing was recorded
 * @param boardNotice  for a press in a personal chat (a reminder card): what to post in the board's own chat, so the
 *                     board sees what its members did from their reminders; null for none
 * @param effects      what to do once the press is recorded, outside its transaction (a calendar followed from a
 *                     question's choice is read), each told in a line of its own; empty for none
 */
public record CardOutcome(Card card, String message, String announcement, boolean error, BoardNotice boardNotice,
                          java.util.List<Effect> effects) {

    public CardOutcome {
        effects = effects == null ? java.util.List.of() : java.util.List.copyOf(effects);
    }

    public CardOutcome(Card card, String message, String announcement, boolean error, BoardNotice boardNotice) {
        this(card, message, announcement, error, boardNotice, java.util.List.of());
    }

    public CardOutcome(Card card, String message, String announcement, boolean error) {
        this(card, message, announcement, error, null);
    }

    public static CardOutcome refused(String message) {
        return new CardOutcome(null, message, null, true);
    }

    /** Markdown (user text escaped) for the chat of the board {@code boardId}, posted by the bot as it stands. */
    public record BoardNotice(long boardId, String markdown) {
    }
}
