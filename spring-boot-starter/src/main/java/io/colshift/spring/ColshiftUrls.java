package io.colshift.spring;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** How a pool's JDBC URL becomes a colshift URL: pure functions, so the rules are tested without a pool. */
final class ColshiftUrls {

    static final String DRIVER_CLASS = "io.colshift.driver.ColshiftDriver";
    private static final String POSTGRESQL = "jdbc:postgresql:";
    private static final String COLSHIFT = "jdbc:colshift:";

    private ColshiftUrls() {
    }

    /**
     * The colshift URL for {@code url}: {@code jdbc:postgresql:…} gains the {@code colshift:} prefix, a
     * {@code jdbc:colshift:} URL is kept as it is, anything else (another database) is not colshift's: null.
     */
    static String colshiftUrl(String url) {
        if (url == null) {
            return null;
        }
        if (url.startsWith(COLSHIFT)) {
            return url;
        }
        if (url.startsWith(POSTGRESQL)) {
            return COLSHIFT + url.substring("jdbc:".length());
        }
        return null;
    }

    /** {@code url} with {@code settings} added to its query string, for pools that take no driver properties. */
    static String withSettings(String url, Map<String, String> settings) {
        StringBuilder out = new StringBuilder(url);
        int query = url.indexOf('?');
        char separator = query >= 0 ? '&' : '?';
        Set<String> inUrl = new HashSet<>();
        if (query >= 0) {
            for (String parameter : url.substring(query + 1).split("&")) {
                int eq = parameter.indexOf('=');
                inUrl.add(URLDecoder.decode(eq < 0 ? parameter : parameter.substring(0, eq), StandardCharsets.UTF_8));
            }
        }
        for (Map.Entry<String, String> e : settings.entrySet()) {
            if (inUrl.contains(e.getKey())) {
                continue; // a setting written into the URL itself wins
            }
            out.append(separator).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return out.toString();
    }
}
