package io.colshift.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code colshift.*} settings of {@code application.yaml}, handed to the driver as its {@code colshift.*}
 * connection properties. A setting left unset is not passed, so the driver's default applies.
 */
@ConfigurationProperties(prefix = "colshift")
public class ColshiftProperties {

    /** Whether the application's DataSource goes through colshift; false leaves it exactly as configured. */
    private boolean enabled = true;

    /** Schema holding the shared migration state (driver default: colshift). */
    private String controlSchema;

    /** How often, in milliseconds, the state is polled when LISTEN/NOTIFY is not heard (driver default: 1000). */
    private Long pollMs;

    /** The longest a statement may run under a state snapshot that was not re-read (driver default: twice
     * poll-ms); the control schema's lease caps it. */
    private Duration maxStaleness;

    /** Whether colshift keeps one connection of its own per server to follow the state (driver default: true). */
    private Boolean watch;

    /** A direct jdbc:postgresql: URL for colshift's own connection, for instance past a pooler. */
    private String watchUrl;

    /** Whether colshift's own connection uses LISTEN/NOTIFY; false polls only (driver default: true). */
    private Boolean listen;

    /** How many rewritten statements are cached per server (driver default: 10000). */
    private Integer cacheSize;

    /** The driver's {@code colshift.*} connection properties for the settings that are set. */
    public Map<String, String> driverProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        if (controlSchema != null && !controlSchema.isBlank()) {
            props.put("colshift.controlSchema", controlSchema.strip());
        }
        if (pollMs != null) {
            props.put("colshift.pollMs", Long.toString(pollMs));
        }
        if (maxStaleness != null) {
            props.put("colshift.maxStaleness", Long.toString(maxStaleness.toMillis()));
        }
        if (watch != null) {
            props.put("colshift.watch", Boolean.toString(watch));
        }
        if (watchUrl != null && !watchUrl.isBlank()) {
            props.put("colshift.watchUrl", watchUrl.strip());
        }
        if (listen != null) {
            props.put("colshift.listen", Boolean.toString(listen));
        }
        if (cacheSize != null) {
            props.put("colshift.cacheSize", Integer.toString(cacheSize));
        }
        return props;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getControlSchema() {
        return controlSchema;
    }

    public void setControlSchema(String controlSchema) {
        this.controlSchema = controlSchema;
    }

    public Long getPollMs() {
        return pollMs;
    }

    public void setPollMs(Long pollMs) {
        this.pollMs = pollMs;
    }

    public Duration getMaxStaleness() {
        return maxStaleness;
    }

    public void setMaxStaleness(Duration maxStaleness) {
        this.maxStaleness = maxStaleness;
    }

    public Boolean getWatch() {
        return watch;
    }

    public void setWatch(Boolean watch) {
        this.watch = watch;
    }

    public String getWatchUrl() {
        return watchUrl;
    }

    public void setWatchUrl(String watchUrl) {
        this.watchUrl = watchUrl;
    }

    public Boolean getListen() {
        return listen;
    }

    public void setListen(Boolean listen) {
        this.listen = listen;
    }

    public Integer getCacheSize() {
        return cacheSize;
    }

    public void setCacheSize(Integer cacheSize) {
        this.cacheSize = cacheSize;
    }
}
