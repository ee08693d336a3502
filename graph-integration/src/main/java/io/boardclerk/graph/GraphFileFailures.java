package io.boardclerk.graph;

import com.azure.core.exception.ClientAuthenticationException;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.kiota.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;

/**
 * What a failed Graph call about SharePoint files comes to, told the way the secretary can act on: refused (the
 * permission to grant), not found, a conflict, or failed. Each is both a {@link GraphFiles.Resolution} and an
 * {@link GraphFiles.Upload}.
 */
final class GraphFileFailures {

    private static final Logger LOG = LoggerFactory.getLogger(GraphFiles.class);

    private GraphFileFailures() {
    }

    static Object of(RuntimeException e, String doing) {
        ApiException api = GraphClients.cause(e, ApiException.class);
        if (api != null) {
            int status = api.getResponseStatusCode();
            String code = api instanceof ODataError error && error.getError() != null ? error.getError().getCode()
                    : null;
            LOG.warn("Microsoft Graph refused to {}: HTTP {}{}", doing, status, code == null ? "" : " (" + code + ")");
            if (status == 401 || status == 403) {
                return new GraphFiles.Refused(status, "Microsoft Graph refused BoardClerk (HTTP " + status + "): the app needs "
                        + "the application permission " + GraphFiles.SELECTED_PERMISSION + " with write access to this site "
                        + "granted to BoardClerk, or " + GraphFiles.PERMISSION + ", consented by an administrator.");
            }
            if (status == 404) {
                return new GraphFiles.NotFound("Microsoft Graph found no such folder (HTTP 404): it may have been deleted or "
                        + "moved, or BoardClerk's app has not been granted its site.");
            }
            if (status == 409) {
                return new GraphFiles.Conflict("SharePoint would not replace the file (HTTP 409): something of that name is "
                        + "in the way, such as a folder or a copy checked out to someone.");
            }
            if (status == 429 || status == 503 || status == 504) {
                return new GraphFiles.Failed("Microsoft Graph was busy (HTTP " + status + ") and still was after retrying.");
            }
            return new GraphFiles.Failed("Microsoft Graph answered with an error (HTTP " + status + ").");
        }
        if (GraphClients.cause(e, ClientAuthenticationException.class) != null) {
            LOG.warn("BoardClerk could not sign in to Microsoft Graph to {}: {}", doing, e.getClass().getSimpleName());
            return new GraphFiles.Refused(401, "BoardClerk could not sign in to Microsoft Graph: check MicrosoftAppId, "
                    + "MicrosoftAppPassword or BOARDCLERK_GRAPH_CERTIFICATE, MicrosoftAppTenantId and "
                    + "BOARDCLERK_LOGIN_AUTHORITY.");
        }
        if (GraphClients.unreadable(e)) {
            LOG.warn("Microsoft Graph's answer could not be read when trying to {}", doing);
            return new GraphFiles.Failed("Microsoft Graph's answer could not be read.");
        }
        if (GraphClients.cause(e, IOException.class) != null) {
            LOG.warn("Microsoft Graph could not be reached to {}: {}", doing, e.getClass().getSimpleName());
            return new GraphFiles.Failed("Microsoft Graph did not answer in time.");
        }
        LOG.warn("Microsoft Graph failed to {}: {}", doing, e.toString());
        return new GraphFiles.Failed("Microsoft Graph's answer could not be read.");
    }
}
