package io.boardclerk.graph;

import com.microsoft.graph.models.Site;
import com.microsoft.graph.serviceclient.GraphServiceClient;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * An organisation's own SharePoint hosts, as Microsoft Graph names them: the host of its root site
 * ({@code GET /sites/root}, {@code siteCollection.hostname}: {@code fenshire.sharepoint.com}) and that host's OneDrive
 * for work ({@code fenshire-my.sharepoint.com}). Asked once per tenant and kept; an answer Graph would not give is
 * not kept, so it is asked again next time.
 *
 * <p>A folder on any other host is another organisation's (or a sharing link into one): BoardClerk never uploads a
 * board's minutes there.
 */
final class TenantSharePointHosts {

    private final GraphClients clients;
    private final Map<String, List<String>> known = new ConcurrentHashMap<>();

    TenantSharePointHosts(GraphClients clients) {
        this.clients = clients;
    }

    /**
     * Null when {@code url} is on one of the tenant's own SharePoint hosts; otherwise {@link GraphFiles.OutsideTenant},
     * or why the tenant's hosts could not be learnt (then nothing is found either: an unknown host is never trusted).
     *
     * @param failure what a Graph exception comes to, as {@link GraphFiles} words it
     */
    GraphFiles.Resolution refusal(String tenant, GraphServiceClient client, String url,
                                  Function<RuntimeException, Object> failure) {
        String host = URI.create(url).getHost();
        List<String> own;
        try {
            own = of(tenant, client);
        } catch (RuntimeException e) {
            Object failed = failure.apply(e);
            if (failed instanceof GraphFiles.Refused refused) {
                return new GraphFiles.Refused(refused.status(), "BoardClerk could not tell which SharePoint sites are"
                        + " your organisation's: Microsoft Graph would not name its root site (HTTP " + refused.status()
                        + "). With " + GraphFiles.SELECTED_PERMISSION + ", grant BoardClerk's app read access to the "
                        + "organisation's root site as well as write access to the board's site; or grant "
                        + GraphFiles.PERMISSION + ".");
            }
            return failed instanceof GraphFiles.Failed f ? f : new GraphFiles.Failed("Microsoft Graph did not name the"
                    + " organisation's root site, so BoardClerk could not tell which SharePoint sites are its own.");
        }
        return host != null && own.contains(host.toLowerCase(Locale.ROOT)) ? null
                : new GraphFiles.OutsideTenant(host == null ? "" : host, own);
    }

    /** The tenant's own hosts, lower case; throws as the Graph SDK does when Graph will not say. */
    List<String> of(String tenant, GraphServiceClient client) {
        List<String> hosts = known.get(tenant);
        if (hosts != null) {
            return hosts;
        }
        Site root = client.sites().bySiteId("root")
                .withUrl(clients.settings().baseUrl() + "/sites/root?$select=siteCollection,webUrl").get();
        String host = root == null ? null : root.getSiteCollection() != null
                && root.getSiteCollection().getHostname() != null ? root.getSiteCollection().getHostname()
                : root.getWebUrl() == null ? null : URI.create(root.getWebUrl()).getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalStateException("Microsoft Graph named no host for the organisation's root site");
        }
        hosts = withOneDrive(host.strip().toLowerCase(Locale.ROOT));
        known.put(tenant, hosts);
        return hosts;
    }

    /** {@code fenshire.sharepoint.com} and {@code fenshire-my.sharepoint.com}. */
    static List<String> withOneDrive(String host) {
        int dot = host.indexOf('.');
        if (dot <= 0 || host.substring(0, dot).endsWith("-my")) {
            return List.of(host);
        }
        return List.of(host, host.substring(0, dot) + "-my" + host.substring(dot));
    }
}
