package io.colshift.state;

/**
 * What one cheap query on the {@code state} row tells: enough to renew a lease when nothing changed, and to
 * decide whether the whole snapshot must be read again.
 *
 * @param version          the state version
 * @param leaseMs          the control schema's {@code state.lease_ms}, or 0 when the schema predates it
 * @param backendPid       {@code pg_backend_pid()}: changes between two queries on one JDBC connection only behind
 *                         a transaction pooler
 * @param inRecovery       {@code pg_is_in_recovery()}: a standby
 * @param snapshotAgeNanos how much older than the query the data it read may be: 0 under READ COMMITTED or
 *                         auto-commit; under REPEATABLE READ or SERIALIZABLE, how long the transaction has run
 */
record StateProbe(long version, long leaseMs, int backendPid, boolean inRecovery, long snapshotAgeNanos) {
}
