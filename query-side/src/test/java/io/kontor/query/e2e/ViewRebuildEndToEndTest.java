package io.kontor.query.e2e;

import com.mongodb.client.MongoDatabase;
import io.kontor.query.common.CollectionView;
import io.kontor.query.common.CollectionViews;
import io.kontor.query.common.ViewGenerations;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every view kept in plain collections (accounts, HR, inventory, receivables, and each one a later area declares with
 * {@code @ViewCollections}) rebuilds beside its live generation through the same endpoint as the ledger: the rebuilt
 * generation equals the live one document for document, queries read it after the swap, and the view's processor
 * goes on writing into it. Ledger postings of this test are dated 2044.
 */
class ViewRebuildEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    private long command(String user, String path, String body) {
        Http.Answer answer = Http.as(user).post(apps.commandUrl + path, body);
        assertThat(answer.status()).as(path + ": " + answer.body()).isBetween(200, 201);
        return answer.json().get("position").asLong();
    }

    private Http.Answer read(String user, String path, long minPosition) {
        Http.Answer answer = Http.as(user).get(apps.queryUrl + path + (path.contains("?") ? "&" : "?")
                + "minPosition=" + minPosition);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer;
    }

    @Test
    void accountsHrAndInventoryRebuildBesideTheLiveViewsAndGoOnFromTheRebuiltGeneration() {
        command("accountant", "/api/accounts", "{\"code\":\"7044\",\"name\":\"Rebuilt things\",\"type\":\"EXPENSE\"}");
        command("hr", "/api/employees", "{\"id\":\"vr-emp\",\"name\":\"Vera Rask\",\"department\":\"Stores\","
                + "\"role\":\"Clerk\",\"monthlySalary\":\"21000.00\",\"startDate\":\"2044-01-01\"}");
        command("storekeeper", "/api/items", "{\"sku\":\"VR-1\",\"name\":\"Toner\",\"unit\":\"pcs\"}");
        command("storekeeper", "/api/purchase-orders",
                "{\"id\":\"vr-po\",\"supplier\":\"S\",\"lines\":[{\"sku\":\"VR-1\",\"quantity\":3,\"unitCost\":\"10.00\"}]}");
        command("accountant", "/api/purchase-orders/vr-po/approval", "");
        command("storekeeper", "/api/purchase-orders/vr-po/receipts",
                "{\"date\":\"2044-02-01\",\"lines\":[{\"sku\":\"VR-1\",\"quantity\":2}]}");
        command("frontdesk", "/api/invoices", "{\"id\":\"vr-inv\",\"customer\":\"Rebuilt A/S\",\"date\":\"2044-02-01\","
                + "\"dueDate\":\"2044-03-01\",\"lines\":[{\"description\":\"Room\",\"quantity\":1,\"unitPrice\":\"800.00\"}]}");
        long head = command("frontdesk", "/api/invoices/vr-inv/payments",
                "{\"amount\":\"100.00\",\"method\":\"CARD\",\"date\":\"2044-02-02\"}");
        read("accountant", "/api/accounts", head);
        read("hr", "/api/employees", head);
        read("storekeeper", "/api/inventory", head);
        read("accountant", "/api/receivables?status=open", head);

        MongoDatabase database = apps.query.getBean(MongoDatabase.class);
        ViewGenerations generations = apps.query.getBean(ViewGenerations.class);
        Map<String, CollectionView> views = new LinkedHashMap<>();
        apps.query.getBean(CollectionViews.class).all().forEach(view -> views.put(view.name(), view));
        assertThat(views).containsKeys("accounts", "hr", "inventory", "billing");

        for (String name : List.of("accounts", "hr", "inventory", "billing")) {
            CollectionView view = views.get(name);
            long before = generations.live(name);
            List<String> oldCollections = view.liveCollectionNames();
            Map<String, List<Document>> live = documents(database, oldCollections);
            assertThat(live.values().stream().mapToInt(List::size).sum()).as(name).isPositive();

            Http.Answer started = Http.as("admin").post(apps.queryUrl + "/api/audit/projections/" + name + "/rebuild", "");
            assertThat(started.status()).as(started.body()).isEqualTo(202);
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20)).until(() ->
                    generations.live(name) == before + 1 && status(name).equals("LIVE"));

            List<String> rebuilt = view.liveCollectionNames();
            assertThat(rebuilt).doesNotContainAnyElementsOf(oldCollections);
            assertThat(List.copyOf(documents(database, rebuilt).values())).as(name)
                    .isEqualTo(List.copyOf(live.values()));
            await().atMost(Duration.ofSeconds(30)).until(() -> database.listCollectionNames()
                    .into(new ArrayList<>()).stream().noneMatch(oldCollections::contains));
        }

        // queries read the rebuilt generations, and the processors write into them
        long hired = command("hr", "/api/employees", "{\"id\":\"vr-emp2\",\"name\":\"Viggo Rask\",\"department\":"
                + "\"Stores\",\"role\":\"Clerk\",\"monthlySalary\":\"22000.00\",\"startDate\":\"2044-03-01\"}");
        assertThat(read("hr", "/api/employees", hired).json().findValuesAsText("id")).contains("vr-emp", "vr-emp2");
        long issued = command("storekeeper", "/api/stock-issues",
                "{\"sku\":\"VR-1\",\"quantity\":1,\"reason\":\"used\",\"date\":\"2044-02-02\"}");
        assertThat(read("storekeeper", "/api/inventory/VR-1/movements", issued).body()).contains("ISSUE");
        long opened = command("accountant", "/api/accounts", "{\"code\":\"7045\",\"name\":\"After\",\"type\":\"EXPENSE\"}");
        assertThat(read("accountant", "/api/accounts/7045", opened).json().get("name").asText()).isEqualTo("After");
    }

    private String status(String name) {
        Http.Answer answer = Http.as("admin").get(apps.queryUrl + "/api/audit/projections");
        for (var view : answer.json()) {
            if (view.get("name").asText().equals(name)) {
                return view.get("status").asText();
            }
        }
        throw new AssertionError("no view " + name + " in " + answer.body());
    }

    private static Map<String, List<Document>> documents(MongoDatabase database, List<String> collections) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String collection : collections) {
            List<Document> documents = new ArrayList<>();
            database.getCollection(collection).find().sort(new Document("_id", 1)).into(documents);
            all.put(collection, documents);
        }
        return all;
    }
}
