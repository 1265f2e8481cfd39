package io.kontor.query.billing;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import io.kontor.query.web.CsvReport;
import io.kontor.query.web.CsvTable;
import io.kontor.query.web.ReadsView;
import io.kontor.shared.KontorException;
import io.swagger.v3.oas.annotations.Operation;
import io.kontor.query.common.Views;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

@RestController
@ReadsView(ReceivablesProjection.GROUP)
class ReceivablesController {

    /** The business's own calendar: "today" for days overdue and a default aging date is today in Denmark. */
    static final ZoneId BUSINESS_ZONE = ZoneId.of("Europe/Copenhagen");
    static final List<String> BUCKETS = List.of("current", "1-30", "31-60", "61-90", "90+");
    private static final BigDecimal ZERO = new BigDecimal("0.00");

    private final Views views;

    ReceivablesController(Views views) {
        this.views = views;
    }

    record InvoiceReceivable(String id, String issueDate, String dueDate, String currency, String gross, String paid,
                             String credited, String open, long daysOverdue, String status) {
    }

    record CustomerReceivables(String customer, String currency, String gross, String paid, String credited,
                               String open, List<InvoiceReceivable> invoices) {
    }

    record Totals(String currency, String gross, String paid, String credited, String open) {
    }

    /** As CSV a row per invoice under its customer; the totals are the sums of its columns per currency. */
    record Receivables(String status, LocalDate today, List<CustomerReceivables> customers, List<Totals> totals)
            implements CsvReport {
        @Override
        public CsvTable csv() {
            CsvTable.Builder table = CsvTable.of("customer", "invoice", "issueDate", "dueDate", "currency", "gross",
                    "paid", "credited", "open", "daysOverdue", "status");
            customers.forEach(c -> c.invoices().forEach(i -> table.row(c.customer(), i.id(), i.issueDate(),
                    i.dueDate(), i.currency(), i.gross(), i.paid(), i.credited(), i.open(), i.daysOverdue(),
                    i.status())));
            return table.build();
        }
    }

    record AgingRow(String customer, String currency, Map<String, String> buckets, String total) {
    }

    /** As CSV a row per customer and currency, a column per bucket; the totals are the sums of its columns. */
    record Aging(LocalDate asOf, List<AgingRow> customers, List<AgingRow> totals) implements CsvReport {
        @Override
        public CsvTable csv() {
            List<String> header = new ArrayList<>(List.of("customer", "currency"));
            header.addAll(BUCKETS);
            header.add("total");
            List<List<String>> rows = new ArrayList<>();
            for (AgingRow row : customers) {
                List<String> cells = new ArrayList<>(List.of(row.customer(), row.currency()));
                BUCKETS.forEach(bucket -> cells.add(row.buckets().get(bucket)));
                cells.add(row.total());
                rows.add(cells);
            }
            return new CsvTable(header, rows);
        }
    }

    @GetMapping("/api/receivables")
    @Operation(summary = "Receivables per customer and invoice: gross, paid, credited, open, due date and days overdue "
            + "as of today; status open (default), closed or all; customer narrows to one customer; Accept: text/csv "
            + "for a row per invoice (role ACCOUNTANT)")
    Receivables receivables(@RequestParam(defaultValue = "open") String status,
                            @RequestParam(required = false) String customer) {
        return receivables(status, customer, LocalDate.now(BUSINESS_ZONE));
    }

    Receivables receivables(String status, String customer, LocalDate today) {
        String wanted = status(status);
        List<Bson> filters = new ArrayList<>();
        if (!wanted.equals("ALL")) {
            filters.add(Filters.eq("status", wanted));
        }
        if (customer != null) {
            filters.add(Filters.eq("customer", customer));
        }
        Map<String, List<Document>> byCustomer = new LinkedHashMap<>();
        invoices().find(filters.isEmpty() ? new Document() : Filters.and(filters))
                .sort(Sorts.ascending("customer", "currency", "dueDate", "_id"))
                .forEach(d -> byCustomer.computeIfAbsent(d.getString("customer") + "\n" + d.getString("currency"),
                        k -> new ArrayList<>()).add(d));
        List<CustomerReceivables> customers = new ArrayList<>();
        Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
        for (List<Document> documents : byCustomer.values()) {
            BigDecimal[] sums = {ZERO, ZERO, ZERO, ZERO};
            List<InvoiceReceivable> rows = new ArrayList<>();
            for (Document d : documents) {
                BigDecimal open = new BigDecimal(d.getString("open"));
                LocalDate due = LocalDate.parse(d.getString("dueDate"));
                long overdue = open.signum() > 0 ? Math.max(0, ChronoUnit.DAYS.between(due, today)) : 0;
                rows.add(new InvoiceReceivable(d.getString("invoiceId"), d.getString("issueDate"),
                        d.getString("dueDate"), d.getString("currency"), d.getString("gross"), d.getString("paid"),
                        d.getString("credited"), d.getString("open"), overdue, d.getString("status")));
                add(sums, d);
                add(totals.computeIfAbsent(d.getString("currency"), k -> new BigDecimal[]{ZERO, ZERO, ZERO, ZERO}), d);
            }
            Document first = documents.get(0);
            customers.add(new CustomerReceivables(first.getString("customer"), first.getString("currency"),
                    sums[0].toPlainString(), sums[1].toPlainString(), sums[2].toPlainString(),
                    sums[3].toPlainString(), rows));
        }
        List<Totals> totalRows = new ArrayList<>();
        totals.forEach((currency, sums) -> totalRows.add(new Totals(currency, sums[0].toPlainString(),
                sums[1].toPlainString(), sums[2].toPlainString(), sums[3].toPlainString())));
        return new Receivables(wanted, today, customers, totalRows);
    }

    /**
     * What was open on {@code asOf}, by days past due on that date: invoices issued on or before it, less the
     * payments and credit notes dated on or before it. Later payments do not change an earlier aging, so an aging
     * as of a past month's end reads the same tomorrow as today.
     */
    @GetMapping("/api/receivables/aging")
    @Operation(summary = "Aged receivables as of a date (default today): what was open on that date by days past due "
            + "(current, 1-30, 31-60, 61-90, 90+), counting invoices issued and payments and credit notes dated on "
            + "or before it; per customer and in total; customer narrows to one customer; Accept: text/csv for a row "
            + "per customer (role ACCOUNTANT)")
    Aging aging(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                @RequestParam(required = false) String customer) {
        LocalDate date = asOf == null ? LocalDate.now(BUSINESS_ZONE) : asOf;
        Map<String, BigDecimal[]> byCustomer = new LinkedHashMap<>();
        Map<String, BigDecimal[]> totals = new LinkedHashMap<>();
        Bson filter = customer == null ? new Document() : Filters.eq("customer", customer);
        for (Document d : invoices().find(filter).sort(Sorts.ascending("customer", "currency", "_id"))) {
            if (LocalDate.parse(d.getString("issueDate")).isAfter(date)) {
                continue;
            }
            BigDecimal open = new BigDecimal(d.getString("gross"));
            for (Document settlement : d.getList("settlements", Document.class)) {
                if (!LocalDate.parse(settlement.getString("date")).isAfter(date)) {
                    open = open.subtract(new BigDecimal(settlement.getString("amount")));
                }
            }
            if (open.signum() <= 0) {
                continue;
            }
            int bucket = bucket(ChronoUnit.DAYS.between(LocalDate.parse(d.getString("dueDate")), date));
            String currency = d.getString("currency");
            BigDecimal[] row = byCustomer.computeIfAbsent(d.getString("customer") + "\n" + currency,
                    k -> emptyBuckets());
            row[bucket] = row[bucket].add(open);
            BigDecimal[] total = totals.computeIfAbsent(currency, k -> emptyBuckets());
            total[bucket] = total[bucket].add(open);
        }
        List<AgingRow> customers = new ArrayList<>();
        byCustomer.forEach((key, sums) -> {
            String[] parts = key.split("\n", 2);
            customers.add(row(parts[0], parts[1], sums));
        });
        List<AgingRow> totalRows = new ArrayList<>();
        totals.forEach((currency, sums) -> totalRows.add(row(null, currency, sums)));
        return new Aging(date, customers, totalRows);
    }

    /** The bucket of an amount {@code daysPastDue} days past its due date (zero or less: not yet due). */
    static int bucket(long daysPastDue) {
        if (daysPastDue <= 0) {
            return 0;
        }
        if (daysPastDue <= 30) {
            return 1;
        }
        if (daysPastDue <= 60) {
            return 2;
        }
        return daysPastDue <= 90 ? 3 : 4;
    }

    private static BigDecimal[] emptyBuckets() {
        BigDecimal[] buckets = new BigDecimal[BUCKETS.size()];
        Arrays.fill(buckets, ZERO);
        return buckets;
    }

    private static AgingRow row(String customer, String currency, BigDecimal[] sums) {
        Map<String, String> buckets = new LinkedHashMap<>();
        BigDecimal total = ZERO;
        for (int i = 0; i < sums.length; i++) {
            buckets.put(BUCKETS.get(i), sums[i].toPlainString());
            total = total.add(sums[i]);
        }
        return new AgingRow(customer, currency, buckets, total.toPlainString());
    }

    private static void add(BigDecimal[] sums, Document d) {
        sums[0] = sums[0].add(new BigDecimal(d.getString("gross")));
        sums[1] = sums[1].add(new BigDecimal(d.getString("paid")));
        sums[2] = sums[2].add(new BigDecimal(d.getString("credited")));
        sums[3] = sums[3].add(new BigDecimal(d.getString("open")));
    }

    private static String status(String given) {
        String status = given.strip().toUpperCase(Locale.ROOT);
        if (!List.of("OPEN", "CLOSED", "ALL").contains(status)) {
            throw KontorException.invalidField("status", "status is one of open, closed, all");
        }
        return status;
    }

    private MongoCollection<Document> invoices() {
        return views.collection(InvoiceFold.COLLECTION);
    }
}
