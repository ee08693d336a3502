package io.boardclerk.bot.panel;

import io.boardclerk.core.model.Board;
import io.boardclerk.core.model.Person;
import io.boardclerk.core.port.Ledger;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Who is calling BoardClerk's REST API, and which boards they may see.
 *
 * <p>Outside local mode every call carries {@code Authorization: Bearer <Teams SSO token>}, checked by
 * {@link SsoTokenValidator}. In local mode (loopback only, no app id) nobody can sign in, so the page sends the Teams
 * context's user and tenant in {@code X-Teams-User-Id} and {@code X-Teams-Tenant-Id} and the API takes them as given.
 *
 * <p>Either way a board is served only to a person on its roster: the user's object id matched to the roster's
 * Entra object ids, in the board's own tenant.
 */
public final class PanelAccess {

    public static final String USER_HEADER = "X-Teams-User-Id";
    public static final String TENANT_HEADER = "X-Teams-Tenant-Id";

    private static final Logger LOG = LoggerFactory.getLogger(PanelAccess.class);

    /** A refusal with its HTTP status and a message for the caller. */
    public static final class Denied extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Denied(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** A board and the signed-in person's place on it. */
    public record Seat(Board board, Person person) {
    }

    private final boolean localMode;
    private final Optional<SsoTokenValidator> validator;

    /**
     * @param validator empty outside local mode means sign-in is not configured: every call is refused with 503
     */
    public PanelAccess(boolean localMode, Optional<SsoTokenValidator> validator) {
        this.localMode = localMode;
        this.validator = validator;
    }

    public boolean localMode() {
        return localMode;
    }

    /** The caller, signed in or (local mode) as the page says. */
    public PanelUser user(Context ctx) throws Denied {
        if (localMode) {
            if (!loopback(ctx.req().getRemoteAddr())) {
                throw new Denied(403, "The " + USER_HEADER + " and " + TENANT_HEADER + " headers are trusted only from"
                        + " this machine.");
            }
            String user = ctx.header(USER_HEADER);
            String tenant = ctx.header(TENANT_HEADER);
            if (user == null || user.isBlank() || tenant == null || tenant.isBlank()) {
                throw new Denied(401, "In local mode the panel sends the Teams context's user and tenant ("
                        + USER_HEADER + ", " + TENANT_HEADER + ").");
            }
            return new PanelUser(tenant.strip(), user.strip(), null);
        }
        if (validator.isEmpty()) {
            throw new Denied(503, "Sign-in is not configured on this server: set BOARDCLERK_PUBLIC_URL (or "
                    + "BOARDCLERK_SSO_RESOURCE) so BoardClerk knows its Application ID URI.");
        }
        String authorization = ctx.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                || authorization.length() <= 7) {
            throw new Denied(401, "Sign in through Teams: the request needs a Teams single sign-on token.");
        }
        try {
            return validator.get().validate(authorization.substring(7).strip());
        } catch (SsoTokenValidator.Rejected e) {
            LOG.info("Refused a panel token on {} {}: {}", ctx.method(), io.boardclerk.bot.LogText.of(ctx.path()),
                    io.boardclerk.bot.LogText.of(e.getMessage(), 200));
            throw new Denied(401, "The sign-in token was refused: " + e.getMessage() + ".");
        }
    }

    private static boolean loopback(String address) {
        try {
            return address != null && java.net.InetAddress.getByName(address).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /**
     * The Teams single sign-on token the request came with, for a call to Graph on the signed-in person's behalf
     * (the on-behalf-of flow exchanges it); empty in local mode. Only after {@link #user} accepted it; for that one
     * request only: never kept, never logged.
     */
    public Optional<String> ssoToken(Context ctx) {
        String authorization = ctx.header("Authorization");
        if (localMode || authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }

    /** The board of {@code conversationId} in the user's tenant, if the user is on its roster. */
    public static Optional<Seat> seat(Ledger ledger, PanelUser user, String conversationId) {
        return ledger.findBoard(user.tenantId(), conversationId).flatMap(board -> seat(ledger, user, board));
    }

    /** The user's place on {@code board}: only a roster member of the board's own tenant has one. */
    public static Optional<Seat> seat(Ledger ledger, PanelUser user, Board board) {
        if (!board.tenantId().equalsIgnoreCase(user.tenantId())) {
            return Optional.empty();
        }
        return ledger.people(board.id()).stream()
                .filter(p -> p.onRoster() && p.teamsId() != null && p.aadObjectId() != null
                        && p.aadObjectId().equalsIgnoreCase(user.aadObjectId()))
                .findFirst().map(p -> new Seat(board, p));
    }
}
