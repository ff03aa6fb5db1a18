package io.colshift.state;

import java.util.Properties;

/**
 * The {@code ApplicationName} a connection gives PostgreSQL, as pgjdbc reads it: from the URL's query string and
 * the connect properties, merged the way pgjdbc merges them. Null when neither sets it.
 */
public final class ApplicationName {

    private static final String PROPERTY = "ApplicationName";

    private ApplicationName() {
    }

    public static String of(String realUrl, Properties properties) {
        Properties given = properties == null ? new Properties() : properties;
        Properties parsed = realUrl == null ? null : org.postgresql.Driver.parseURL(realUrl, given);
        return (parsed != null ? parsed : given).getProperty(PROPERTY);
    }
}
