package io.colshift.driver;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A {@code jdbc:colshift:} URL plus connect properties, split into what the real driver gets and what
 * configures colshift. The real URL is the input with the prefix removed once, and with the
 * {@code colshift.*} query parameters taken out; everything else is kept byte for byte.
 * Query parameters win over {@link Properties}, as in pgjdbc.
 */
record ConnectTarget(String realUrl, Properties realProperties, ColshiftConfig config) {

    static final String URL_PREFIX = "jdbc:colshift:";

    static ConnectTarget parse(String url, Properties info) throws SQLException {
        String rest = url.substring(URL_PREFIX.length());
        if (rest.isBlank()) {
            throw invalid("the URL " + URL_PREFIX + " must be followed by the real driver's URL without its 'jdbc:', "
                    + "e.g. jdbc:colshift:postgresql://localhost:5432/app");
        }
        if (rest.startsWith("jdbc:")) {
            throw invalid("write jdbc:colshift:" + rest.substring("jdbc:".length()) + " instead of jdbc:colshift:jdbc:…"
                    + " (the real URL's 'jdbc:' is not repeated)");
        }
        if (rest.startsWith("colshift:")) {
            throw invalid("jdbc:colshift:colshift:… wraps colshift in itself; use a single jdbc:colshift: prefix");
        }

        Map<String, String> options = new LinkedHashMap<>();
        Properties realProperties = info == null ? new Properties() : info;
        if (info != null) {
            for (String key : info.stringPropertyNames()) {
                if (ColshiftConfig.isColshiftKey(key)) {
                    options.put(key, info.getProperty(key));
                }
            }
            if (!options.isEmpty()) {
                realProperties = new Properties();
                for (String key : info.stringPropertyNames()) {
                    if (!ColshiftConfig.isColshiftKey(key)) {
                        realProperties.setProperty(key, info.getProperty(key));
                    }
                }
            }
        }

        String realUrl = "jdbc:" + stripColshiftParameters(rest, options);
        return new ConnectTarget(realUrl, realProperties, ColshiftConfig.from(options));
    }

    /** Removes {@code colshift.*} query parameters from {@code rest} into {@code options}. */
    private static String stripColshiftParameters(String rest, Map<String, String> options) {
        int query = rest.indexOf('?');
        if (query < 0 || !rest.substring(query + 1).contains(ColshiftConfig.PREFIX)) {
            return rest;
        }
        List<String> kept = new ArrayList<>();
        for (String parameter : rest.substring(query + 1).split("&", -1)) {
            int eq = parameter.indexOf('=');
            String key = decode(eq < 0 ? parameter : parameter.substring(0, eq));
            if (ColshiftConfig.isColshiftKey(key)) {
                options.put(key, eq < 0 ? "" : decode(parameter.substring(eq + 1)));
            } else if (!parameter.isEmpty()) {
                kept.add(parameter);
            }
        }
        String base = rest.substring(0, query);
        return kept.isEmpty() ? base : base + "?" + String.join("&", kept);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /**
     * {@code url} with the values of password-like query parameters replaced, for messages and logs.
     */
    static String redact(String url) {
        if (url == null) {
            return null;
        }
        return url.replaceAll("(?i)((?:password|passwd|pwd|sslpassword)=)[^&;]*", "$1***");
    }

    private static SQLException invalid(String message) {
        return new SQLNonTransientConnectionException(message, "08001");
    }
}
