package io.boardclerk.bot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Who and where BoardClerk deals with, read from the environment with {@link BotConfig}.
 *
 * @param serviceUrlHosts BOARDCLERK_SERVICE_URL_HOSTS: where the bot's token may go
 * @param allowedTenants  BOARDCLERK_ALLOWED_TENANTS (lower case); defaults to MicrosoftAppTenantId when that is set;
 *                        empty means any tenant
 * @param admins          BOARDCLERK_ADMINS: Entra object ids or user principal names (lower case) who may appoint a
 *                        board's first officers and replace its chair anywhere
 * @param tokenIssuers    BOARDCLERK_BOT_TOKEN_ISSUER: the issuers of the Bot Framework channel service whose tokens
 *                        are accepted (https://api.botframework.com, or a national cloud's)
 */
public record SecuritySettings(ServiceUrlHosts serviceUrlHosts, Set<String> allowedTenants, Set<String> admins,
                               List<String> tokenIssuers) {

    /** The Bot Framework channel service's issuer in the public cloud. */
    public static final String PUBLIC_TOKEN_ISSUER = "https://api.botframework.com";

    /**
     * @param localMode no app id: the service URL hosts then default to loopback on any port
     *                  ({@link ServiceUrlHosts#anyLoopback})
     */
    static SecuritySettings from(Map<String, String> env, String appTenantId, boolean localMode) {
        Set<String> tenants = list(env.get("BOARDCLERK_ALLOWED_TENANTS"));
        if (tenants.isEmpty() && appTenantId != null && !appTenantId.isBlank()) {
            tenants = Set.of(appTenantId.strip().toLowerCase(Locale.ROOT));
        }
        Set<String> issuers = list(env.get("BOARDCLERK_BOT_TOKEN_ISSUER"));
        for (String issuer : issuers) {
            if (!issuer.startsWith("https://")) {
                throw new BotConfig.ConfigException("BOARDCLERK_BOT_TOKEN_ISSUER must be the https issuer of the Bot "
                        + "Framework channel service, such as " + PUBLIC_TOKEN_ISSUER + ", not \"" + issuer + "\".");
            }
        }
        String rawHosts = env.get("BOARDCLERK_SERVICE_URL_HOSTS");
        ServiceUrlHosts hosts = localMode && (rawHosts == null || rawHosts.isBlank()) ? ServiceUrlHosts.anyLoopback()
                : ServiceUrlHosts.parse(rawHosts);
        return new SecuritySettings(hosts, Set.copyOf(tenants),
                Set.copyOf(list(env.get("BOARDCLERK_ADMINS"))),
                issuers.isEmpty() ? List.of(PUBLIC_TOKEN_ISSUER) : List.copyOf(issuers));
    }

    /** True when activities from {@code tenantId} are served. */
    public boolean tenantAllowed(String tenantId) {
        if (tenantId == null || tenantId.isBlank()) {
            return false;
        }
        return allowedTenants.isEmpty() || allowedTenants.contains(tenantId.strip().toLowerCase(Locale.ROOT));
    }

    /** True when the person with this object id or user principal name is listed in BOARDCLERK_ADMINS. */
    public boolean admin(String aadObjectId, String userPrincipalName) {
        return aadObjectId != null && admins.contains(aadObjectId.toLowerCase(Locale.ROOT))
                || userPrincipalName != null && admins.contains(userPrincipalName.toLowerCase(Locale.ROOT));
    }

    private static Set<String> list(String raw) {
        Set<String> values = new LinkedHashSet<>();
        if (raw == null) {
            return values;
        }
        for (String item : raw.split(",")) {
            String value = item.strip().toLowerCase(Locale.ROOT);
            if (!value.isEmpty()) {
                values.add(value);
            }
        }
        return values;
    }

    @Override
    public String toString() {
        return "serviceUrlHosts=" + serviceUrlHosts + ", allowedTenants=" + (allowedTenants.isEmpty() ? "(any)"
                : String.join(",", allowedTenants)) + ", admins=" + admins.size() + ", tokenIssuers="
                + String.join(",", tokenIssuers);
    }
}
