package io.colshift.driver;

import io.colshift.rewrite.Rewrite;
import io.colshift.rewrite.Touch;
import io.colshift.state.HeartbeatReport;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationAdoptionTest {

    private static final Rewrite READ = Rewrite.rewritten("SELECT status FROM users", null)
            .withTouches(List.of(new Touch("users-status", true, false, false)));
    private static final Rewrite STAR = Rewrite.rewritten("SELECT * FROM users", null)
            .withTouches(List.of(new Touch("users-status", false, false, false)));

    @Test
    void oneApplicationReportsExactlyTheHoldersOwnRow() {
        ApplicationAdoption adoption = new ApplicationAdoption("billing");
        assertThat(adoption.of("billing")).isSameAs(adoption.own());
        adoption.opened("billing").count(READ);

        List<HeartbeatReport> rows = adoption.heartbeatReport();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).applicationName()).isEqualTo("billing");
        assertThat(rows.get(0).counters()).contains("\"reads\":1");
    }

    @Test
    void connectionsWithoutApplicationNameCountAsTheOwnApplicationWhenItHasNoneEither() {
        ApplicationAdoption adoption = new ApplicationAdoption(null);
        assertThat(adoption.opened(null)).isSameAs(adoption.own());
        // it touched no migration: that is reported too, as an empty object
        assertThat(adoption.heartbeatReport()).containsExactly(new HeartbeatReport(null, "{}"));
    }

    @Test
    void olderVersionShowsNoReadsOfTheColumnNextToTheNewerOne() {
        ApplicationAdoption adoption = new ApplicationAdoption("app-v1");
        adoption.opened("app-v1").count(STAR);
        adoption.opened("app-v2").count(READ);
        adoption.of("app-v2").count(READ);

        List<HeartbeatReport> rows = adoption.heartbeatReport();
        assertThat(rows).extracting(HeartbeatReport::applicationName).containsExactly("app-v1", "app-v2");
        assertThat(rows.get(0).counters()).contains("\"reads\":0", "\"rewritten\":1");
        assertThat(rows.get(1).counters()).contains("\"reads\":2", "\"rewritten\":2");

        Map<String, Long> jmx = new TreeMap<>();
        adoption.addTo(jmx);
        assertThat(jmx).containsEntry("adoption.users-status.reads", 2L)
                .containsEntry("adoption.users-status.rewritten", 3L);
    }

    @Test
    void applicationNamesBeyondTheBoundShareOneBucket() {
        ApplicationAdoption adoption = new ApplicationAdoption("own");
        for (int i = 1; i < ApplicationAdoption.MAX_APPLICATIONS; i++) {
            adoption.opened("app-" + i).count(READ);
        }
        assertThat(adoption.applicationCount()).isEqualTo(ApplicationAdoption.MAX_APPLICATIONS);

        for (int i = 0; i < 1000; i++) {
            adoption.opened("tenant-" + i).count(READ);
        }

        List<HeartbeatReport> rows = adoption.heartbeatReport();
        assertThat(rows).hasSize(ApplicationAdoption.MAX_APPLICATIONS + 1);
        assertThat(rows.get(rows.size() - 1).applicationName()).isEqualTo(ApplicationAdoption.OTHER_APPLICATIONS);
        assertThat(rows.get(rows.size() - 1).counters()).contains("\"reads\":1000");
        assertThat(adoption.of("app-3")).isNotSameAs(adoption.of("tenant-5"));
    }

    @Test
    void anApplicationWhoseConnectionsAllClosedIsNoLongerRenewed() {
        ApplicationAdoption adoption = new ApplicationAdoption("app-v1");
        AdoptionCounters v1 = adoption.opened("app-v1");
        AdoptionCounters v2 = adoption.opened("app-v2");
        adoption.opened("app-v2").connectionClosed();
        assertThat(adoption.heartbeatReport()).extracting(HeartbeatReport::left).containsExactly(false, false);

        v2.count(READ); // counted just before its last connection closes
        v2.connectionClosed(); // the last connection of app-v2: one more report with its final counts, then none
        List<HeartbeatReport> finalReport = adoption.heartbeatReport();
        assertThat(finalReport).extracting(HeartbeatReport::left).containsExactly(false, false);
        assertThat(finalReport.get(1).counters()).contains("\"reads\":1");
        assertThat(adoption.heartbeatReport()).extracting(HeartbeatReport::left).containsExactly(false, true);

        adoption.opened("app-v2"); // v2 back: its row is renewed again, under the same position
        v1.connectionClosed(); // v1 gone: the holder's own row, which names it, goes after its final report
        assertThat(adoption.heartbeatReport()).extracting(HeartbeatReport::left).containsExactly(false, false);
        assertThat(adoption.heartbeatReport()).extracting(HeartbeatReport::left).containsExactly(true, false);
    }
}
