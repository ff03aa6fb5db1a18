package io.colshift.bench;

import java.util.List;

/** The two states of the database a run measures, one after the other on the same server. */
public enum Stage {

    /** No migration: colshift only passes statements through. Every client runs the old application's SQL. */
    IDLE("no active migration", Statements.OLD_APPLICATION,
            List.of(Client.RAW, Client.COLSHIFT, Client.P6SPY, Client.DATASOURCE_PROXY, Client.SHARDINGSPHERE)),

    /**
     * {@code bench_users.status} is being added and is in {@code backfilling}: colshift rewrites the new
     * application's reads of it. Raw pgjdbc runs the same SQL on the same table as the baseline, and so do
     * the peers, which rewrite nothing: colshift rewriting is held against them in the same stage.
     */
    MIGRATING("migration of bench_users.status in backfilling", Statements.NEW_APPLICATION,
            List.of(Client.RAW, Client.COLSHIFT, Client.P6SPY, Client.DATASOURCE_PROXY, Client.SHARDINGSPHERE));

    private final String description;
    private final Statements statements;
    private final List<Client> clients;

    Stage(String description, Statements statements, List<Client> clients) {
        this.description = description;
        this.statements = statements;
        this.clients = clients;
    }

    public String description() {
        return description;
    }

    public Statements statements() {
        return statements;
    }

    public List<Client> clients() {
        return clients;
    }
}
