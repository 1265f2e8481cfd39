package io.kontor.query.ledger;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.kontor.query.web.ReadsView;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.common.Views;
import org.bson.Document;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@RestController
@RequestMapping("/api/accounts")
@ReadsView(AccountsProjection.GROUP)
class AccountsController {

    private final Views views;

    AccountsController(Views views) {
        this.views = views;
    }

    record AccountView(String code, String name, String type, String currency, Instant openedAt) {
        static AccountView of(Document d) {
            return new AccountView(d.getString("code"), d.getString("name"), d.getString("type"),
                    d.getString("currency"), d.getDate("openedAt").toInstant());
        }
    }

    @GetMapping
    @Operation(summary = "The chart of accounts, by code (roles ACCOUNTANT, AUDITOR, ADMIN)")
    List<AccountView> list() {
        List<AccountView> result = new ArrayList<>();
        accounts().find().sort(Sorts.ascending("_id")).forEach(d -> result.add(AccountView.of(d)));
        return result;
    }

    @GetMapping("/{code}")
    @Operation(summary = "One account (roles ACCOUNTANT, AUDITOR, ADMIN)")
    AccountView get(@PathVariable String code) {
        Document account = accounts().find(Filters.eq("_id", code)).first();
        if (account == null) {
            throw new KontorException(ErrorCode.NOT_FOUND, "no account " + code);
        }
        return AccountView.of(account);
    }

    private MongoCollection<Document> accounts() {
        return views.collection(AccountsProjection.COLLECTION);
    }
}
