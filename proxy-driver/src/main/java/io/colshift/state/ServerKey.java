package io.colshift.state;

import org.postgresql.core.BaseConnection;
import org.postgresql.util.HostSpec;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The server whose state a connection follows: the host and port pgjdbc actually connected to (for a multi-host
 * URL, the one it picked for that connection), the database and the control schema. Every physical connection
 * works out its key once, when it connects, and runs every statement under that key's state.
 *
 * <p>Hosts are compared as pgjdbc spells them: {@code localhost:5432} and {@code 127.0.0.1:5432} are two keys even
 * when they reach the same server, which is harmless (two state holders that agree) but costs a second watcher.
 *
 * @param host          host name or address as written in the URL (IPv6 without brackets)
 * @param port          port
 * @param database      database name
 * @param controlSchema control schema name (a plain identifier, see {@link ControlSchema#named})
 */
public record ServerKey(String host, int port, String database, String controlSchema) {

    public ServerKey {
        ControlSchema.named(controlSchema);
        if (host == null || host.isEmpty() || database == null) {
            throw new IllegalArgumentException("a server key needs a host and a database");
        }
    }

    /** The key of a pgjdbc connection: the host and port its query executor is connected to. */
    public static ServerKey of(Connection real, ControlSchema schema) throws SQLException {
        BaseConnection pg = real.unwrap(BaseConnection.class);
        HostSpec spec = pg.getQueryExecutor().getHostSpec();
        return new ServerKey(spec.getHost(), spec.getPort(), pg.getQueryExecutor().getDatabase(), schema.name());
    }

    /** The key of a URL's first host, for code that names a server by URL rather than by connection. */
    public static ServerKey ofUrl(String realUrl, Properties props, ControlSchema schema) {
        Properties parsed = org.postgresql.Driver.parseURL(realUrl, props == null ? new Properties() : props);
        if (parsed == null) {
            throw new IllegalArgumentException("not a jdbc:postgresql: URL");
        }
        String host = parsed.getProperty("PGHOST").split(",")[0];
        String port = parsed.getProperty("PGPORT").split(",")[0];
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return new ServerKey(host, Integer.parseInt(port), parsed.getProperty("PGDBNAME"), schema.name());
    }

    /** {@code host:port} ({@code [v6]:port} for IPv6 addresses), as shown in logs, JMX and {@code clients.server}. */
    public String server() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /** {@code host:port/database}, which names the state holder in JMX. */
    public String serverAndDatabase() {
        return server() + "/" + database;
    }

    /** A single-host URL for exactly this server and database, without any parameters. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + server() + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
    }

    public ControlSchema schema() {
        return ControlSchema.named(controlSchema);
    }

    @Override
    public String toString() {
        return serverAndDatabase() + " (control schema " + controlSchema + ")";
    }
}
