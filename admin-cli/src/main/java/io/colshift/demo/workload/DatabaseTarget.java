package io.colshift.demo.workload;

import java.util.Map;
import java.util.Properties;

/**
 * Where the simulated applications connect.
 *
 * @param plainUrl         {@code jdbc:postgresql://...} of the database
 * @param user             role
 * @param password         its password (empty when the server trusts the role); never printed
 * @param controlSchema    colshift's control schema
 */
public record DatabaseTarget(String plainUrl, String user, String password, String controlSchema) {

    public DatabaseTarget {
        if (!plainUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("expected a jdbc:postgresql: URL");
        }
        password = password == null ? "" : password;
    }

    /** The same database through colshift, as an application configures it. */
    public String colshiftUrl() {
        return "jdbc:colshift:" + plainUrl.substring("jdbc:".length());
    }

    /** A fresh set of driver properties holding just the role and its password. */
    public Properties credentials() {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return props;
    }

    /** Driver properties an application adds for this control schema (none for the default one). */
    public Map<String, String> colshiftProperties() {
        return "colshift".equals(controlSchema) ? Map.of() : Map.of("colshift.controlSchema", controlSchema);
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + plainUrl + " as " + user + ", control schema " + controlSchema + "]";
    }
}
