package io.boardclerk.graph;

/**
 * A signed-in person for whom BoardClerk calls Graph with the person's own (delegated) permissions: their
 * organisation and the Teams single sign-on token they sent, which the on-behalf-of flow exchanges for a Graph token.
 * Lives for one request: it is never stored, cached or logged, and {@link #toString()} does not show the token.
 *
 * @param tenantId  the person's organisation ({@code tid} of their token): where the exchange is made
 * @param userToken the Teams single sign-on token (an access token for BoardClerk's Application ID URI)
 */
public record OnBehalfOf(String tenantId, String userToken) {

    public OnBehalfOf {
        tenantId = tenantId == null ? "" : tenantId.strip();
        userToken = userToken == null ? "" : userToken.strip();
    }

    /** Safe to log: no token. */
    @Override
    public String toString() {
        return "OnBehalfOf[tenantId=" + tenantId + ", userToken=(hidden)]";
    }
}
