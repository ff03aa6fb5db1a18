package io.colshift.rewrite;

import io.colshift.state.ColumnMigration;
import io.colshift.state.Phase;
import io.colshift.state.StateSnapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema every rewrite test uses: {@code users} gains {@code status} (text, fallback
 * {@code 'active'}), and {@code orders} already has a {@code status} column of its own, so unqualified
 * references can be ambiguous.
 */
final class Snapshots {

    static final List<String> USERS = List.of("id", "name", "email", "deleted_at", "balance");
    static final List<String> ORDERS = List.of("id", "user_id", "total", "status", "note");
    static final List<String> TAGS = List.of("id", "user_id", "label");

    private Snapshots() {
    }

    static ColumnMigration status(Phase phase, boolean writes) {
        return new ColumnMigration("users-status", "public", "users", "status", "text", "'active'", phase, writes);
    }

    static StateSnapshot of(long version, ColumnMigration... migrations) {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        List<String> users = new ArrayList<>(USERS);
        for (ColumnMigration m : migrations) {
            if (m.phase().columnExists() && m.table().equals("users")) {
                users.add(m.column());
            }
        }
        columns.put("public.users", users);
        columns.put("public.orders", ORDERS);
        columns.put("public.tags", TAGS);
        return new StateSnapshot(version, List.of(migrations), columns, List.of("public"));
    }

    static StateSnapshot phase(Phase phase) {
        return of(10 + phase.ordinal(), status(phase, false));
    }

    static StateSnapshot phase(Phase phase, boolean writes) {
        return of(100 + phase.ordinal() * 2L + (writes ? 1 : 0), status(phase, writes));
    }
}
