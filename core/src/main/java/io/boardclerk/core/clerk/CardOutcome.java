package io.boardclerk.core.clerk;

/**
 * What a pressed button comes to.
 *
 * @param card         the card to show in place of the one pressed (for everyone, through refresh); null to leave it
 * @param message      markdown for the presser only (an error or a refusal shown on the card), null for none
 * @param announcement markdown posted into the chat for everyone, as a typed command's confirmation is; null for none
 * @param error        true when the press was refused or invalid and nothing was recorded
 */
public record CardOutcome(Card card, String message, String announcement, boolean error) {

    public static CardOutcome refused(String message) {
        return new CardOutcome(null, message, null, true);
    }
}
