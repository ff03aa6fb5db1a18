package io.colshift.state;

/**
 * One row of {@code events}, the append-only audit trail. Timestamps are ISO-8601 UTC.
 *
 * @param migrationId  the migration the event is about, null for control-schema-wide ones (the lease)
 * @param kind         what happened: {@code declare}, {@code phase}, {@code writes}, {@code paused}, {@code archived},
 *                     {@code lease}, or a note kind ({@code refused}, {@code barrier-wait}, …)
 * @param stateVersion the state version the change committed, null for notes that change nothing
 */
public record EventRow(long id, String at, String actor, String migrationId, String kind, String from, String to,
                       Long stateVersion, String detail) {
}
