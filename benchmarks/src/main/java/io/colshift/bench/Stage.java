package io.colshift.bench;

import java.util.List;

/** The two states of the database a run measures, one after the other on the same server. */
public enum Stage {

    /** No migration: colshift only passes statements through. Every client runs the old application's SQL. */
    IDLE("no active migration", Statements.OLD_APPLICATION),

    /**
     * {@code bench_users.status} is being added and is in {@code backfilling}: colshift rewrites the new
     * application's reads of it. Raw pgjdbc runs the same SQL on the same table as the baseline, and so do
     * the peers, which rewrite nothing: colshift rewriting is held against them in the same stage.
     */
    MIGRATING("migration of bench_users.status in backfilling", Statements.NEW_APPLICATION);

    private final String description;
    private final Statements statements;

    Stage(String description, Statements statements) {
        this.description = description;
        this.statements = statements;
    }

    public String description() {
        return description;
    }

    public Statements statements() {
        return statements;
    }

    /** Every client runs in every stage, so that each stage compares colshift with all of its peers. */
    public List<Client> clients() {
        return List.of(Client.values());
    }
}
