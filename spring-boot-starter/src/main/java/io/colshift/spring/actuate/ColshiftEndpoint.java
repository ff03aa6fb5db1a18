package io.colshift.spring.actuate;

import io.colshift.state.StateWatchers;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * {@code /actuator/colshift}: for every server this instance follows, its state version and lease, the migrations
 * it rewrites for (id, table, column, phase, writes) and its counters.
 */
@Endpoint(id = "colshift")
public class ColshiftEndpoint {

    @ReadOperation
    public Map<String, Object> state() {
        Instant at = Instant.now();
        List<Map<String, Object>> servers = StateWatchers.watchers().stream()
                .map(w -> ServerViews.full(w, at))
                .toList();
        return Map.of("servers", servers);
    }
}
