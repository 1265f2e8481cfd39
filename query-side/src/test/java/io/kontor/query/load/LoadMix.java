package io.kontor.query.load;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/**
 * The front-office mix the load driver sends: a table of weighted operations. Each client owns its own employee,
 * stock item, bookable room, visitors, invoices and date counters ({@link Client}), so operations never collide
 * between clients and nothing is refused by design, except the one operation marked {@code expected}: a deliberate
 * double booking of the client's own latest slot, which the resource must refuse with 409 (counted apart).
 * A new operation is one more {@link Operation} in {@link #OPERATIONS} (plus, if it needs something to exist first,
 * a line in {@link #setUp(Client)}).
 */
final class LoadMix {

    /**
     * One kind of command: how often it is sent, which processor's view shows it, its request, and the status it must
     * be refused with when it is a deliberate refusal (0 for a command that must succeed).
     */
    record Operation(String name, int weight, String processor, Function<Client, Request> request, int expected) {

        Operation(String name, int weight, String processor, Function<Client, Request> request) {
            this(name, weight, processor, request, 0);
        }
    }

    /** A request the driver sends: as whom, where, what. */
    record Request(String user, String path, String body) {
    }

    /** An invoice issued and not yet paid: what paying it in full takes. */
    record OpenInvoice(String id, LocalDate date, String gross) {
    }

    /** What one client has set up and how far its counters have got. */
    static final class Client {
        final int number;
        final String run;
        final String employee;
        final String sku;
        final String room;
        final Deque<String> onSite = new ArrayDeque<>();
        final Deque<OpenInvoice> unpaid = new ArrayDeque<>();
        int entries;
        int shiftDays;
        int absenceDays;
        int issues;
        int visitors;
        int slots;
        int invoices;

        Client(int number, String run) {
            this.number = number;
            this.run = run;
            this.employee = run + "-emp-" + number;
            this.sku = (run + "-sku-" + number).toUpperCase();
            this.room = run + "-room-" + number;
        }

        /** A business posting as it goes: about 50 of this client's postings a day, dated in the order sent. */
        LocalDate postingDate(int n) {
            return POSTINGS_FROM.plusDays(n / 50);
        }
    }

    private static final LocalDate POSTINGS_FROM = LocalDate.of(2031, 1, 1);
    private static final LocalDate SHIFTS_FROM = LocalDate.of(2030, 1, 1);
    private static final LocalDate ABSENCES_FROM = LocalDate.of(2040, 1, 1);
    private static final Instant SLOTS_FROM = Instant.parse("2031-01-01T06:00:00Z");
    static final long STOCK = 10_000_000;

    static final List<Operation> OPERATIONS = List.of(
            new Operation("visitor check-in", 6, "reception", LoadMix::checkIn),
            new Operation("visitor check-out", 5, "reception", c -> c.onSite.isEmpty() ? checkIn(c)
                    : new Request("frontdesk", "/api/visitors/" + c.onSite.poll() + "/check-out", "")),
            new Operation("reservation", 5, "reservations", c -> reservation(c, c.slots++)),
            new Operation("double booking (409 expected)", 1, "reservations",
                    c -> reservation(c, Math.max(0, c.slots - 1)), 409),
            new Operation("invoice", 5, "billing", LoadMix::invoice),
            new Operation("payment", 3, "billing", c -> {
                OpenInvoice invoice = c.unpaid.poll();
                if (invoice == null) {
                    return invoice(c);
                }
                return new Request("frontdesk", "/api/invoices/" + invoice.id() + "/payments", """
                        {"amount":"%s","method":"CARD","date":"%s"}""".formatted(invoice.gross(), invoice.date()));
            }),
            new Operation("journal entry", 2, "ledger", c -> {
                int n = c.entries++;
                String amount = (100 + (n * 37 + c.number) % 90_000) + "." + (10 + n % 90);
                return new Request("accountant", "/api/journal-entries", """
                        {"date":"%s","description":"load %d","lines":[{"account":"1000","debit":"%s"},{"account":"4000","credit":"%s"}]}"""
                        .formatted(c.postingDate(n), n, amount, amount));
            }),
            new Operation("stock issue", 2, "inventory", c -> {
                c.issues++;
                return new Request("storekeeper", "/api/stock-issues", """
                        {"sku":"%s","quantity":1,"reason":"load","date":"%s"}""".formatted(c.sku, SHIFTS_FROM));
            }),
            new Operation("shift", 2, "hr", c -> new Request("hr", "/api/shifts", """
                    {"employee":"%s","date":"%s","start":"08:00","end":"16:00"}"""
                    .formatted(c.employee, SHIFTS_FROM.plusDays(c.shiftDays++)))),
            new Operation("absence", 1, "hr", c -> {
                LocalDate day = ABSENCES_FROM.plusDays(c.absenceDays++);
                return new Request("hr", "/api/absences", """
                        {"employee":"%s","from":"%s","to":"%s","kind":"VACATION"}""".formatted(c.employee, day, day));
            }));

    private LoadMix() {
    }

    private static Request checkIn(Client c) {
        String id = c.run + "-vis-" + c.number + "-" + c.visitors++;
        c.onSite.add(id);
        return new Request("frontdesk", "/api/visitors", """
                {"id":"%s","name":"Guest %d","company":"Load ApS","host":"%s","purpose":"meeting"}"""
                .formatted(id, c.visitors, c.employee));
    }

    /** Slot {@code n} of the client's own room: one hour each, back to back, so a new slot never overlaps. */
    private static Request reservation(Client c, int slot) {
        Instant from = SLOTS_FROM.plus(slot, ChronoUnit.HOURS);
        return new Request("frontdesk", "/api/reservations", """
                {"resource":"%s","customer":"Customer %d","from":"%s","to":"%s"}"""
                .formatted(c.room, slot, from, from.plus(1, ChronoUnit.HOURS)));
    }

    private static Request invoice(Client c) {
        int n = c.invoices++;
        String id = c.run + "-inv-" + c.number + "-" + n;
        LocalDate date = c.postingDate(n);
        int quantity = 1 + n % 5;
        // 400.00 a unit plus 25 % VAT: 500.00 gross a unit.
        c.unpaid.add(new OpenInvoice(id, date, (500 * quantity) + ".00"));
        return new Request("frontdesk", "/api/invoices", """
                {"id":"%s","customer":"Customer %d","date":"%s","dueDate":"%s","lines":[{"description":"Meeting room","quantity":%d,"unitPrice":"400.00"}]}"""
                .formatted(id, c.number, date, date.plusDays(30), quantity));
    }

    /**
     * What a client needs before its operations can succeed: an employee (also the visitors' host), stock received
     * on an approved order, its own bookable room and its first booking.
     */
    static List<Request> setUp(Client c) {
        String order = c.sku.toLowerCase() + "-po";
        List<Request> requests = new ArrayList<>(List.of(
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
                        {"date":"2029-12-31","lines":[{"sku":"%s","quantity":%d}]}""".formatted(c.sku, STOCK)),
                new Request("admin", "/api/resources", """
                        {"id":"%s","name":"Room %d","kind":"MEETING_ROOM"}""".formatted(c.room, c.number))));
        // Slot 0 booked here, so the deliberate double booking always has a booked slot to hit.
        requests.add(reservation(c, c.slots++));
        return requests;
    }
}
