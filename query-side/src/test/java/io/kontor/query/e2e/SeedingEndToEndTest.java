package io.kontor.query.e2e;

import io.kontor.command.ledger.ChartOfAccountsSeeder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SeedingEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    @Test
    void theDefaultChartIsSeededOnceAndARestartAppendsNothing() throws Exception {
        long head = apps.head();

        apps.command.getBean(ChartOfAccountsSeeder.class).run(null);

        assertThat(apps.head()).isEqualTo(head);
        Http.Answer list = Http.as("auditor").get(apps.queryUrl + "/api/accounts?minPosition=" + head);
        List<String> codes = new ArrayList<>();
        list.json().forEach(a -> codes.add(a.get("code").asText()));
        assertThat(codes).contains("1000", "1010", "1100", "1200", "1300", "2000", "2100", "2200", "3000", "4000",
                "5000", "6000", "6900").doesNotHaveDuplicates();
    }
}
