package io.colshift.demo;

import io.colshift.demo.workload.LiveSample;

/** What the demo shows while it runs. One thread ticks it; others report steps and lines. */
interface DemoView extends AutoCloseable {

    /** How often {@link #tick} should be called. */
    long refreshMillis();

    /** A line of narration that stays on screen. */
    void message(String text);

    /** A {@code colshift} command starts. */
    void commandStarted(int step, int steps, String commandLine);

    /** A line the running command printed. */
    void commandLine(String line);

    /** Live numbers: traffic of the applications and the migration as recorded in the control schema. */
    void tick(LiveSample traffic, MigrationProbe.MigrationState migration);

    @Override
    void close();
}
