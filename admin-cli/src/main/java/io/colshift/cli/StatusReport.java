package io.colshift.cli;

import io.colshift.phase.ReplicationProbe;
import io.colshift.state.Adoption;
import io.colshift.state.BackfillProgressRow;
import io.colshift.state.ClientRow;
import io.colshift.state.MigrationRow;
import io.colshift.state.RecentOutcome;
import io.colshift.state.StoredMigration;

import java.util.List;

/**
 * What {@code colshift status} shows; serialised as is for {@code --json}.
 *
 * @param leaseMs     the staleness lease ({@code state.lease_ms})
 * @param replication the servers replaying this one's WAL, as the primary sees them
 * @param clients     live drivers, and gone ones too with {@code --all}
 * @param goneClients drivers whose heartbeats stopped (ended or crashed); their rows stay for the record
 * @param recentS     how far back {@code recent} looks, in seconds
 * @param recent      migrations completed or rolled back within that window, most recent first
 */
record StatusReport(String controlSchema, long stateVersion, long leaseMs, Replication replication,
                    List<MigrationStatus> migrations, List<ClientRow> clients, long goneClients, long recentS,
                    List<RecentOutcome> recent) {

    /**
     * @param walLsn                the primary's WAL position when status ran
     * @param positionsVisible      whether this role sees standbys' positions (pg_read_all_stats / pg_monitor)
     * @param standbys              streaming standbys connected now
     * @param inactivePhysicalSlots physical slots no standby uses: standbys that are disconnected now
     */
    record Replication(String walLsn, boolean positionsVisible, List<StandbyStatus> standbys,
                       List<String> inactivePhysicalSlots) {
    }

    /**
     * @param name        {@code application_name/client_addr}, as barrier progress lines name the standby
     * @param bytesBehind how far its replay is behind {@code wal_lsn}; null when not visible
     */
    record StandbyStatus(String name, int pid, String applicationName, String clientAddr, String state,
                         String replayLsn, Long bytesBehind, Long replayLagMs) {

        static StandbyStatus of(ReplicationProbe.Standby s) {
            return new StandbyStatus(s.label(), s.pid(), s.applicationName(), s.clientAddr(), s.state(), s.replayLsn(),
                    s.bytesBehind(), s.replayLagMillis());
        }
    }

    /**
     * @param refused why drivers and the CLI refuse the stored row (it fails the checks declare applies), or null;
     *                drivers pass statements unchanged for a refused migration and every CLI step for it exits 3
     * @param adoption which live drivers use the column (live migrations only, else null)
     */
    record MigrationStatus(String id, String table, String column, String type, String phase, boolean writesEnabled,
                           boolean writesGated, String readFallback, String defaultExpr, String backfillExpr,
                           boolean notNull, boolean archived, String updatedAt, String updatedBy,
                           BackfillProgressRow backfill, String refused, Adoption adoption) {

        static MigrationStatus of(MigrationRow row, BackfillProgressRow backfill, Adoption adoption) {
            return new MigrationStatus(row.id(), row.qualifiedTable(), row.column(), row.type(), row.phase().label(),
                    row.writesEnabled(), !row.archived() && row.phase().gatesWrites(row.writesEnabled()),
                    row.readFallback(), row.defaultExpr(), row.backfillExpr(), row.notNull(), row.archived(),
                    row.updatedAt(), row.updatedBy(), backfill, StoredMigration.refusal(row.id(), row.tableSchema(),
                            row.tableName(), row.column(), row.type(), row.defaultExpr(), row.backfillExpr(),
                            row.readFallback()).orElse(null), row.archived() ? null : adoption);
        }
    }

    long liveClients() {
        return clients.stream().filter(ClientRow::live).count();
    }

    long liveClientsBehind() {
        return clients.stream().filter(c -> c.live() && c.ackedVersion() < stateVersion).count();
    }
}
