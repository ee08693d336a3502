package io.boardclerk.graph;

/**
 * Told of every request BoardClerk sends to Microsoft Graph, each try of it (a retried call is counted once per
 * try), and how it ended, for the metrics. It is told the outcome only: never the address, the tenant or a token.
 */
@FunctionalInterface
public interface GraphCalls {

    /** How one request to Graph ended. */
    enum Outcome {
        /** 2xx or 3xx. */
        OK,
        /** 4xx other than 429: a permission missing, something not found, a bad request. */
        CLIENT_ERROR,
        /** 429: Graph throttled the app. */
        THROTTLED,
        /** 5xx: Graph failed or was unavailable. */
        SERVER_ERROR,
        /** No answer: the connection failed or the request timed out. */
        NO_ANSWER
    }

    void ended(Outcome outcome);

    /** Tells nobody. */
    GraphCalls NONE = outcome -> { };

    /** The outcome of an HTTP status. */
    static Outcome of(int status) {
        if (status == 429) {
            return Outcome.THROTTLED;
        }
        if (status >= 500) {
            return Outcome.SERVER_ERROR;
        }
        return status >= 400 ? Outcome.CLIENT_ERROR : Outcome.OK;
    }
}
