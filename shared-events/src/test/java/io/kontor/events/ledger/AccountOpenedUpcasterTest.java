package io.kontor.events.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kontor.eventlog.KontorJson;
import io.kontor.shared.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Revision-1 JSON of {@link AccountOpened}, as it was stored, reads as the current event. */
class AccountOpenedUpcasterTest {

    private static final String REVISION_1 =
            "{\"code\":\"1300\",\"name\":\"Input VAT\",\"type\":\"ASSET\",\"currency\":\"DKK\"}";

    private final ObjectMapper json = KontorJson.objectMapper();

    @Test
    void revision1JsonBecomesTheRevision2ShapeInItsFieldOrder() throws Exception {
        JsonNode upcast = AccountOpenedUpcaster.upcast(json.readTree(REVISION_1));

        assertThat(upcast.toString())
                .isEqualTo("{\"code\":\"1300\",\"name\":\"Input VAT\",\"accountType\":\"ASSET\",\"currency\":\"DKK\"}");
        assertThat(json.treeToValue(upcast, AccountOpened.class))
                .isEqualTo(new AccountOpened("1300", "Input VAT", AccountType.ASSET, Money.DKK));
    }

    @Test
    void revision2IsWhatTheCurrentEventWrites() {
        JsonNode written = json.valueToTree(new AccountOpened("1300", "Input VAT", AccountType.ASSET, Money.DKK));

        assertThat(written.has("accountType")).isTrue();
        assertThat(written.has("type")).isFalse();
    }
}
