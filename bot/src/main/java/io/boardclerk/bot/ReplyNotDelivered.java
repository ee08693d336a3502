package io.boardclerk.bot;

/** The connector did not take BoardClerk's reply; what the turn recorded is already committed. */
final class ReplyNotDelivered extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ReplyNotDelivered(Exception cause) {
        super("The reply was not delivered: " + cause.getMessage(), cause);
    }
}
