package io.boardclerk.bot.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of /metrics over HTTP, and the value of a series in it. */
record Scrape(int status, String contentType, String body) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)$",
            Pattern.MULTILINE);

    static Scrape of(int port) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return new Scrape(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** The value of the series {@code name} whose labels include all of {@code labels}; NaN when there is none. */
    double value(String name, Map<String, String> labels) {
        Matcher m = LINE.matcher(body);
        while (m.find()) {
            if (!m.group(1).equals(name)) {
                continue;
            }
            String set = m.group(3) == null ? "" : m.group(3);
            if (labels.entrySet().stream().allMatch(e -> set.contains(e.getKey() + "=\"" + e.getValue() + "\""))) {
                return Double.parseDouble(m.group(4));
            }
        }
        return Double.NaN;
    }

    double value(String name, String label, String value) {
        return value(name, Map.of(label, value));
    }
}
