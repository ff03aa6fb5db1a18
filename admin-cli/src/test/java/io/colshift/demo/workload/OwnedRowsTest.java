package io.colshift.demo.workload;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OwnedRowsTest {

    @Test
    void clientsPickSeededRowsOnlyFromTheirOwnSlice() {
        int slices = 4;
        long rows = 103;
        Set<Long> seen = new HashSet<>();
        for (int slice = 0; slice < slices; slice++) {
            OwnedRows owned = new OwnedRows(new Ledger(), rows, slice, slices, "t", new Random(slice));
            Set<Long> mine = new HashSet<>();
            for (int i = 0; i < 2_000; i++) {
                long id = owned.seeded().id();
                assertThat(id).isBetween(1L, rows);
                assertThat((id - 1) % slices).isEqualTo(slice);
                mine.add(id);
            }
            assertThat(seen).doesNotContainAnyElementsOf(mine);
            seen.addAll(mine);
        }
        assertThat(seen).hasSize((int) rows);
    }

    @Test
    void emailsAreUniqueAcrossClients() {
        OwnedRows a = new OwnedRows(new Ledger(), 10, 0, 2, "v1", new Random(1));
        OwnedRows b = new OwnedRows(new Ledger(), 10, 1, 2, "v1", new Random(1));
        Set<String> emails = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            assertThat(emails.add(a.newEmail())).isTrue();
            assertThat(emails.add(b.newEmail())).isTrue();
        }
    }

    @Test
    void insertedRowsLeaveThePoolWhenDeleted() {
        Ledger ledger = new Ledger();
        OwnedRows owned = new OwnedRows(ledger, 10, 0, 1, "v1", new Random(1));
        ExpectedRow row = new ExpectedRow(42, owned.newEmail(), "n", null, false, false);
        owned.acknowledge(row);
        assertThat(owned.inserted()).isEqualTo(row);

        owned.acknowledge(row.asDeleted());

        assertThat(owned.inserted()).isNull();
        assertThat(ledger.get(row.email()).deleted()).isTrue();
    }

    @Test
    void refusesMoreClientsThanSeededRows() {
        assertThatThrownBy(() -> new OwnedRows(new Ledger(), 3, 0, 4, "v1", new Random()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one seeded row per client");
    }
}
