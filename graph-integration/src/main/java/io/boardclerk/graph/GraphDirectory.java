package io.boardclerk.graph;

import com.azure.core.exception.ClientAuthenticationException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.graph.models.User;
import com.microsoft.graph.models.UserCollectionResponse;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import com.microsoft.kiota.ApiException;
import io.boardclerk.core.port.Directory;
import io.boardclerk.core.port.DirectoryLookup;
import io.boardclerk.core.port.DirectoryPerson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The organisation's directory through Microsoft Graph {@code /users}, as BoardClerk's app (application permission
 * {@code User.Read.All}). An e-mail address or user principal name is matched exactly; a name by display name, where
 * only an exact (case-blind) display name counts as found and anything else that starts with it is offered as a
 * question. Answers are cached (bounded, with a time to live); failures are not, and never escape as exceptions.
 */
public final class GraphDirectory implements Directory {

    /** The application permission the lookups need, named in the message when Graph refuses them. */
    public static final String PERMISSION = "User.Read.All";
    static final int MAX_CANDIDATES = 10;
    private static final String[] FIELDS = {"id", "displayName", "mail", "userPrincipalName"};
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@]+");

    private static final Logger LOG = LoggerFactory.getLogger(GraphDirectory.class);

    private final GraphSettings settings;
    private final GraphClients clients;
    private final Cache<Key, DirectoryLookup> cache;

    private record Key(String tenantId, String words) {
    }

    public GraphDirectory(GraphSettings settings) {
        this(new GraphClients(settings));
    }

    GraphDirectory(GraphClients clients) {
        this.clients = clients;
        this.settings = clients.settings();
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).expireAfterWrite(settings.cacheTtl())
                .build();
    }

    @Override
    public DirectoryLookup find(String tenantId, String words) {
        if (words == null || words.isBlank()) {
            return new DirectoryLookup.NotFound();
        }
        String tenant = clients.tenant(tenantId);
        if (tenant.isEmpty()) {
            return new DirectoryLookup.Failed("the conversation's organisation (tenant) is not known, and "
                    + "MicrosoftAppTenantId is not set.");
        }
        String wanted = words.strip().replaceAll("\\s+", " ");
        Key key = new Key(tenant.toLowerCase(Locale.ROOT), wanted.toLowerCase(Locale.ROOT));
        DirectoryLookup cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        DirectoryLookup answer = lookUp(tenant, wanted);
        if (!(answer instanceof DirectoryLookup.Failed)) {
            cache.put(key, answer);
        }
        return answer;
    }

    private DirectoryLookup lookUp(String tenant, String words) {
        boolean address = ADDRESS.matcher(words).matches();
        String literal = odataString(words);
        String filter = address ? "mail eq " + literal + " or userPrincipalName eq " + literal
                : "startswith(displayName," + literal + ")";
        List<DirectoryPerson> people;
        try {
            people = users(tenant, filter);
        } catch (RuntimeException e) {
            return failure(e);
        }
        if (address) {
            return people.isEmpty() ? new DirectoryLookup.NotFound() : people.size() == 1
                    ? new DirectoryLookup.Found(people.get(0)) : new DirectoryLookup.Several(people);
        }
        List<DirectoryPerson> exact = people.stream()
                .filter(p -> p.displayName() != null && p.displayName().strip().replaceAll("\\s+", " ")
                        .equalsIgnoreCase(words))
                .toList();
        if (exact.size() == 1) {
            return new DirectoryLookup.Found(exact.get(0));
        }
        if (!exact.isEmpty()) {
            return new DirectoryLookup.Several(exact);
        }
        // Exact matches only: a name that merely starts someone's display name is nobody, so a lookup never lists
        // the organisation's people by prefix.
        return new DirectoryLookup.NotFound();
    }

    /** An OData string literal: quoted, with each quote doubled. */
    static String odataString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private List<DirectoryPerson> users(String tenant, String filter) {
        GraphServiceClient client = clients.client(tenant);
        UserCollectionResponse response = client.users().get(request -> {
            request.queryParameters.filter = filter;
            request.queryParameters.select = FIELDS;
            request.queryParameters.top = MAX_CANDIDATES;
        });
        List<DirectoryPerson> people = new ArrayList<>();
        if (response != null && response.getValue() != null) {
            for (User user : response.getValue()) {
                if (user.getId() != null && user.getDisplayName() != null) {
                    people.add(new DirectoryPerson(user.getDisplayName(), user.getMail(), user.getUserPrincipalName(),
                            user.getId()));
                }
            }
        }
        return people;
    }

    private DirectoryLookup failure(RuntimeException e) {
        ApiException api = cause(e, ApiException.class);
        if (api != null) {
            int status = api.getResponseStatusCode();
            String code = api instanceof ODataError error && error.getError() != null ? error.getError().getCode()
                    : null;
            LOG.warn("Microsoft Graph refused a directory lookup: HTTP {}{}", status,
                    code == null ? "" : " (" + code + ")");
            if (status == 401 || status == 403) {
                return new DirectoryLookup.Failed("Microsoft Graph refused BoardClerk (HTTP " + status + "): the app "
                        + "needs the Microsoft Graph application permission " + PERMISSION + ", with an "
                        + "administrator's consent for the organisation (Microsoft Entra admin centre, App "
                        + "registrations, BoardClerk, API permissions). Until then owners are matched against the "
                        + "Teams roster only.");
            }
            if (status == 429 || status == 503 || status == 504) {
                return new DirectoryLookup.Failed("Microsoft Graph is busy (HTTP " + status + ") and still was after "
                        + "retrying; try again in a few minutes.");
            }
            return new DirectoryLookup.Failed("Microsoft Graph answered with an error (HTTP " + status + ").");
        }
        if (cause(e, ClientAuthenticationException.class) != null) {
            LOG.warn("BoardClerk could not sign in to Microsoft Graph: {}", e.getClass().getSimpleName());
            return new DirectoryLookup.Failed("BoardClerk could not sign in to Microsoft Graph: check MicrosoftAppId, "
                    + "MicrosoftAppPassword or BOARDCLERK_GRAPH_CERTIFICATE, MicrosoftAppTenantId and "
                    + "BOARDCLERK_LOGIN_AUTHORITY.");
        }
        if (GraphClients.unreadable(e)) {
            LOG.warn("Microsoft Graph's answer to a directory lookup could not be read: {}",
                    e.getClass().getSimpleName());
            return new DirectoryLookup.Failed("Microsoft Graph's answer could not be read.");
        }
        if (cause(e, IOException.class) != null) {
            LOG.warn("Microsoft Graph could not be reached for a directory lookup: {}", e.getClass().getSimpleName());
            return new DirectoryLookup.Failed("Microsoft Graph did not answer in time; try again later.");
        }
        LOG.warn("A directory lookup through Microsoft Graph failed", e);
        return new DirectoryLookup.Failed("Microsoft Graph's answer could not be read.");
    }

    private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
        return GraphClients.cause(e, type);
    }
}
