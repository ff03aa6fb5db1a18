package io.colshift.demo.workload;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every write the simulated applications had acknowledged, in its latest acknowledged form. Each row
 * is written by one client thread only, so entries never race; the map is concurrent only so that
 * the verifier can read it while clients still run.
 */
public final class Ledger {

    private final Map<String, ExpectedRow> rows = new ConcurrentHashMap<>();

    /** Records an acknowledged write; call only after the statement (or its transaction) committed. */
    public void acknowledge(ExpectedRow row) {
        rows.put(row.email(), row);
    }

    public ExpectedRow get(String email) {
        return rows.get(email);
    }

    public int size() {
        return rows.size();
    }

    public Collection<ExpectedRow> rows() {
        return List.copyOf(rows.values());
    }
}
