package io.boardclerk.core.sharepoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * A SharePoint or OneDrive folder's address as people copy it from the browser, checked and tidied before Graph is
 * asked about it: https only, on a SharePoint host (the public cloud's {@code *.sharepoint.com}, and the national
 * clouds' {@code *.sharepoint.us}, {@code *.sharepoint-mil.us}, {@code *.sharepoint.cn}); spaces and other unsafe
 * characters percent-encoded; a library view ({@code .../Forms/AllItems.aspx?id=/sites/Board/Shared Documents/Minutes})
 * turned into the folder's own address. Anything else is refused with a reason, so no address of another host is
 * ever sent to Graph (or anywhere) on a member's say-so.
 */
public final class SharePointAddress {

    /** What checking came to: the tidied address, or why not. */
    public record Checked(String url, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    private static final String[] HOSTS = {".sharepoint.com", ".sharepoint.us", ".sharepoint-mil.us",
            ".sharepoint.cn"};

    private SharePointAddress() {
    }

    public static Checked check(String raw) {
        String text = raw == null ? "" : raw.strip();
        if (text.startsWith("<") && text.endsWith(">")) {
            text = text.substring(1, text.length() - 1).strip();
        }
        if (text.isEmpty()) {
            return new Checked(null, "No folder address was given.");
        }
        int scheme = text.indexOf("://");
        if (scheme < 0 || !text.substring(0, scheme).equalsIgnoreCase("https")) {
            return new Checked(null, "A SharePoint folder's address starts with https://.");
        }
        String rest = text.substring(scheme + 3);
        int slash = rest.indexOf('/');
        String host = (slash < 0 ? rest : rest.substring(0, slash)).toLowerCase(Locale.ROOT);
        String pathAndQuery = slash < 0 ? "" : rest.substring(slash);
        if (!sharePointHost(host)) {
            return new Checked(null, "\"" + host + "\" is not a SharePoint or OneDrive for work address (they end in "
                    + ".sharepoint.com).");
        }
        int hash = pathAndQuery.indexOf('#');
        if (hash >= 0) {
            pathAndQuery = pathAndQuery.substring(0, hash);
        }
        String path = pathAndQuery;
        String query = null;
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            path = pathAndQuery.substring(0, q);
            query = pathAndQuery.substring(q + 1);
        }
        String decodedPath = decode(path);
        if (decodedPath.toLowerCase(Locale.ROOT).endsWith(".aspx") && query != null) {
            Optional<String> id = parameter(query, "id");
            if (id.isEmpty() || !id.get().startsWith("/")) {
                return new Checked(null, "That is the address of a SharePoint page, not of a folder: open the folder "
                        + "and copy the address again.");
            }
            decodedPath = id.get();
            query = null;
        }
        if (decodedPath.isEmpty() || decodedPath.equals("/")) {
            return new Checked(null, "That is the address of the whole site: open the folder the documents should go "
                    + "in and copy its address.");
        }
        try {
            String url = new URI("https", host, decodedPath.replaceAll("/+$", ""), null).toASCIIString();
            return new Checked(query == null || query.isBlank() ? url : url + "?" + query, null);
        } catch (URISyntaxException e) {
            return new Checked(null, "That address could not be read as a folder's address.");
        }
    }

    private static boolean sharePointHost(String host) {
        if (!host.matches("[a-z0-9.-]+")) {
            return false;
        }
        for (String suffix : HOSTS) {
            if (host.endsWith(suffix) && host.length() > suffix.length()) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Optional<String> parameter(String query, String name) {
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(name)) {
                return Optional.of(decode(pair.substring(eq + 1)));
            }
        }
        return Optional.empty();
    }
}
