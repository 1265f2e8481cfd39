package io.kontor.query.load;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The front-office mix the load driver sends: a table of weighted operations. Each client owns its own employee,
 * stock item and date counters ({@link Client}), so operations never collide between clients and nothing is
 * refused by design. A new front-office operation (visitor check-ins, reservations, invoices, payments) is one more
 * {@link Operation} in {@link #OPERATIONS} (plus, if it needs something to exist first, a line in
 * {@link #setUp(Client)}).
 */
final class LoadMix {

    /** One kind of command: how often it is sent, as whom, which processor's view shows it, and its request. */
    record Operation(String name, int weight, String user, String path, String processor,
                     Function<Client, String> body) {
    }

    /** A request the driver sends: as whom, where, what. */
    record Request(String user, String path, String body) {
    }

    /** What one client has set up and how far its counters have got. */
    static final class Client {
        final int number;
        final String employee;
        final String sku;
        int entries;
        int shiftDays;
        int absenceDays;
        int issues;

        Client(int number, String run) {
            this.number = number;
            this.employee = run + "-emp-" + number;
            this.sku = (run + "-sku-" + number).toUpperCase();
        }
    }

    private static final LocalDate SHIFTS_FROM = LocalDate.of(2030, 1, 1);
    private static final LocalDate ABSENCES_FROM = LocalDate.of(2040, 1, 1);
    static final long STOCK = 10_000_000;

    static final List<Operation> OPERATIONS = List.of(
            new Operation("journal entry", 4, "accountant", "/api/journal-entries", "ledger", c -> {
                int n = c.entries++;
                String amount = (100 + (n * 37 + c.number) % 90_000) + "." + (10 + n % 90);
                return """
                        {"date":"%s","description":"load %d","lines":[{"account":"1000","debit":"%s"},{"account":"4000","credit":"%s"}]}"""
                        .formatted(SHIFTS_FROM.plusDays(n % 365), n, amount, amount);
            }),
            new Operation("stock issue", 3, "storekeeper", "/api/stock-issues", "inventory", c -> {
                c.issues++;
                return """
                        {"sku":"%s","quantity":1,"reason":"load","date":"%s"}""".formatted(c.sku, SHIFTS_FROM);
            }),
            new Operation("shift", 2, "hr", "/api/shifts", "hr", c -> """
                    {"employee":"%s","date":"%s","start":"08:00","end":"16:00"}"""
                    .formatted(c.employee, SHIFTS_FROM.plusDays(c.shiftDays++))),
            new Operation("absence", 1, "hr", "/api/absences", "hr", c -> {
                LocalDate day = ABSENCES_FROM.plusDays(c.absenceDays++);
                return """
                        {"employee":"%s","from":"%s","to":"%s","kind":"VACATION"}""".formatted(c.employee, day, day);
            }));

    private LoadMix() {
    }

    /** What a client needs before its operations can succeed: an employee, and stock received on an approved order. */
    static List<Request> setUp(Client c) {
        String order = c.sku.toLowerCase() + "-po";
        return List.of(
                new Request("hr", "/api/employees", """
                        {"id":"%s","name":"Load %d","department":"Reception","role":"Receptionist","monthlySalary":"30000.00","startDate":"2029-01-01"}"""
                        .formatted(c.employee, c.number)),
                new Request("storekeeper", "/api/items", """
                        {"sku":"%s","name":"Load item %d","unit":"pcs"}""".formatted(c.sku, c.number)),
                new Request("accountant", "/api/purchase-orders", """
                        {"id":"%s","supplier":"Load A/S","lines":[{"sku":"%s","quantity":%d,"unitCost":"2.50"}]}"""
                        .formatted(order, c.sku, STOCK)),
                new Request("accountant2", "/api/purchase-orders/" + order + "/approval", ""),
                new Request("storekeeper", "/api/purchase-orders/" + order + "/receipts", """
                        {"date":"2029-12-31","lines":[{"sku":"%s","quantity":%d}]}""".formatted(c.sku, STOCK)));
    }
}
