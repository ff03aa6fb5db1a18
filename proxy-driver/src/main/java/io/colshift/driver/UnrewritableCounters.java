package io.colshift.driver;

import io.colshift.rewrite.Unrewritable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Executions of statements colshift could not rewrite although they touch a migrating column, per migration:
 * {@code unrewritable.<id>.refused} (failed by the policy), {@code unrewritable.<id>.passed} (sent as written)
 * and, among those, {@code unrewritable.<id>.possibleWrongReads} (sent as written from {@code expanded} on, where
 * they may have read NULL instead of the migration's value). Shown with the driver's other counters
 * ({@code colshift status}, JMX). Only the failure path touches it.
 */
final class UnrewritableCounters {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    void count(Unrewritable u, boolean refused) {
        for (String id : u.migrations()) {
            increment("unrewritable." + id + (refused ? ".refused" : ".passed"));
            if (!refused && u.possibleWrongRead()) {
                increment("unrewritable." + id + ".possibleWrongReads");
            }
        }
    }

    private void increment(String key) {
        counters.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /** Adds every counter seen so far to {@code into}, in a stable order. */
    void addTo(Map<String, Long> into) {
        new java.util.TreeMap<>(counters).forEach((k, v) -> into.put(k, v.sum()));
    }

    long get(String key) {
        LongAdder a = counters.get(key);
        return a == null ? 0 : a.sum();
    }
}
