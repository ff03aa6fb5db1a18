package io.colshift.spring.actuate;

import io.colshift.state.ColumnMigration;
import io.colshift.state.StateWatcher;
import io.colshift.state.WatcherStats;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON-friendly description of one followed server, shared by the health details and the endpoint. */
final class ServerViews {

    private ServerViews() {
    }

    /** The lease-related numbers of one server. */
    static Map<String, Object> summary(WatcherStats stats, Instant at) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("server", stats.server());
        view.put("database", stats.database());
        view.put("controlSchema", stats.controlSchema());
        view.put("stateVersion", stats.stateVersion());
        view.put("leaseMs", stats.leaseMs());
        Duration age = LeaseCheck.age(stats, at);
        view.put("stateAgeMs", age == null ? null : age.toMillis());
        view.put("stateOrigin", stats.stateOrigin());
        view.put("watching", stats.watching());
        view.put("connected", stats.connected());
        view.put("listening", stats.listening());
        view.put("inRecovery", stats.inRecovery());
        view.put("controlSchemaPresent", stats.controlSchemaPresent());
        view.put("staleStatements", stats.staleStatements());
        return view;
    }

    /** Everything about one server: the summary, the migrations it follows and its counters. */
    static Map<String, Object> full(StateWatcher watcher, Instant at) {
        WatcherStats stats = watcher.stats();
        Map<String, Object> view = summary(stats, at);
        view.put("migrations", migrations(watcher.current().migrations()));
        Map<String, Object> counters = new LinkedHashMap<>();
        counters.put("reloads", stats.reloads());
        counters.put("notifications", stats.notifications());
        counters.put("polls", stats.polls());
        counters.put("reconnects", stats.reconnects());
        counters.put("heartbeats", stats.heartbeats());
        counters.put("heartbeatFailures", stats.heartbeatFailures());
        counters.put("inlineRefreshes", stats.inlineRefreshes());
        counters.put("inlineRefreshFailures", stats.inlineRefreshFailures());
        counters.putAll(stats.counters());
        view.put("counters", counters);
        return view;
    }

    private static List<Map<String, Object>> migrations(List<ColumnMigration> migrations) {
        return migrations.stream().map(m -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", m.id());
            view.put("table", m.qualifiedTable());
            view.put("column", m.column());
            view.put("phase", m.phase().label());
            view.put("writes", m.writesEnabled() ? "on" : "off");
            return view;
        }).toList();
    }
}
