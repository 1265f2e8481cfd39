package io.kontor.command.inventory;

import io.kontor.eventlog.KontorJson;
import io.kontor.events.inventory.ItemRegistered;
import io.kontor.events.inventory.StockIssued;
import io.kontor.events.inventory.StockReceived;
import io.kontor.shared.Money;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** An item's snapshot, through the serializer the command side stores snapshots with, is the same item again. */
class ItemSnapshotTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    @Test
    void anItemSurvivesItsSnapshot() {
        Item item = new Item();
        item.on(new ItemRegistered("SCREW-4", "Screw 4 mm", "box", 10));
        item.on(new StockReceived("SCREW-4", "po-1", "r-1", DAY, 3, Money.dkk("3.33"), Money.dkk("9.99"), 3,
                Money.dkk("9.99")));
        item.on(new StockIssued("SCREW-4", "i-1", DAY, "x", 1, Money.dkk("3.33"), Money.dkk("3.33"), 2,
                Money.dkk("6.66")));
        Serializer serializer = KontorJson.serializer();

        SerializedObject<byte[]> snapshot = serializer.serialize(item, byte[].class);
        Item restored = serializer.deserialize(snapshot);

        assertThat(new String(snapshot.getData())).contains("\"sku\"").contains("\"stock\"");
        assertThat(restored).usingRecursiveComparison().isEqualTo(item);
    }
}
