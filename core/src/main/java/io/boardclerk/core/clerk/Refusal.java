package io.boardclerk.core.clerk;

/**
 * Thrown by a handler to refuse a message: the transaction rolls back, so nothing the message asked for is
 * written, and the message is the reply.
 */
public final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public Refusal(String markdown) {
        super(markdown, null, false, false);
    }

    public String markdown() {
        return getMessage();
    }
}
