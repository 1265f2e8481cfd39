package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.kontor.query.common.ViewGenerations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Long random streams of commands of every area through HTTP (inventory, ledger, billing, HR, reception,
 * reservations, phone messages, mail, IT tickets), valid and invalid
 * mixed. No command is ever a 5xx. A refused command leaves the log head where it was. An accepted one never breaks
 * a rule: stock never goes below zero, an order is never over-received or received before approval, an invoice is
 * never paid or credited beyond what is open, a visitor's host is an employee, a room is never booked twice for one
 * hour; invoices, payments, credit notes and bookings are accepted exactly when the model says they may be. After
 * the stream, the views equal the model (quantities, open receivables, visitors on site, the room's calendar), the
 * trial balance balances, and rebuilds of the receivables, reservations, correspondence and service-desk views equal
 * the live ones. Mail and tickets are accepted exactly when the model says so too. Postings are dated in 2040.
 */
class RandomCommandStreamEndToEndTest {

    private final KontorApps apps = KontorApps.get();

    sealed interface Step permits Register, Order, Receive, Issue, Count, Journal, Invoice, Pay, Credit, Hire, Visit,
            Book, Call, DeliverCall, Mail, DeliverMail, ArchiveMail, OpenTicket, ResolveTicket, ReopenTicket {
    }

    record Invoice(int quantity, String unitPrice) implements Step {
    }

    record Pay(int invoice, String amount) implements Step {
    }

    /** {@code amount} null credits everything open. */
    record Credit(int invoice, String amount) implements Step {
    }

    record Hire() implements Step {
    }

    record Visit() implements Step {
    }

    record Call() implements Step {
    }

    record DeliverCall(int call) implements Step {
    }

    record Mail(String kind) implements Step {
    }

    record DeliverMail(int mail) implements Step {
    }

    record ArchiveMail(int mail, int years) implements Step {
    }

    record OpenTicket(String priority) implements Step {
    }

    record ResolveTicket(int ticket) implements Step {
    }

    record ReopenTicket(int ticket) implements Step {
    }

    /** The run's room from hour {@code start} for {@code hours} (0 or less: ends before it starts). */
    record Book(int start, int hours) implements Step {
    }

    record Register(int item) implements Step {
    }

    record Order(int item, int quantity, String unitCost, boolean approve) implements Step {
    }

    record Receive(int order, int quantity) implements Step {
    }

    record Issue(int item, int quantity) implements Step {
    }

    record Count(int item, int counted) implements Step {
    }

    record Journal(String amount, boolean balanced) implements Step {
    }

    @Provide
    Arbitrary<List<Step>> streams() {
        Arbitrary<Integer> item = Arbitraries.integers().between(0, 2);
        Arbitrary<Integer> quantity = Arbitraries.integers().between(-1, 8);
        Arbitrary<String> amount = Arbitraries.of("12.50", "0.01", "0.00", "-1.00", "1.005", "1e400");
        Arbitrary<Step> step = Arbitraries.oneOf(
                item.map(Register::new),
                Combinators.combine(item, quantity, amount, Arbitraries.of(true, true, false))
                        .as(Order::new),
                Combinators.combine(Arbitraries.integers().between(0, 3), quantity).as(Receive::new),
                Combinators.combine(item, quantity).as(Issue::new),
                Combinators.combine(item, quantity).as(Count::new),
                Combinators.combine(amount, Arbitraries.of(true, true, false)).as(Journal::new),
                Combinators.combine(Arbitraries.of(1, 2, 3, 0), Arbitraries.of("100.00", "0.01", "12.345"))
                        .as(Invoice::new),
                Combinators.combine(Arbitraries.integers().between(0, 3),
                        Arbitraries.of("50.00", "125.00", "0.01", "0.00", "1000.00")).as(Pay::new),
                Combinators.combine(Arbitraries.integers().between(0, 3),
                        Arbitraries.of("10.00", "0.01").injectNull(0.4)).as(Credit::new),
                Arbitraries.just(new Hire()),
                Arbitraries.just(new Visit()),
                Combinators.combine(Arbitraries.integers().between(8, 15), Arbitraries.integers().between(0, 3))
                        .as(Book::new),
                Arbitraries.just(new Call()),
                Arbitraries.integers().between(0, 2).map(DeliverCall::new),
                Arbitraries.of("LETTER", "DOCUMENT", "PARCEL").map(Mail::new),
                Arbitraries.integers().between(0, 2).map(DeliverMail::new),
                Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.of(5, 0, 31))
                        .as(ArchiveMail::new),
                Arbitraries.of("P1", "P3", "P5").map(OpenTicket::new),
                Arbitraries.integers().between(0, 2).map(ResolveTicket::new),
                Arbitraries.integers().between(0, 2).map(ReopenTicket::new));
        return step.list().ofMinSize(20).ofMaxSize(40);
    }

    /** One order as the accepted commands left it. */
    private static final class OrderState {
        final String sku;
        final int ordered;
        boolean approved;
        int received;

        OrderState(String sku, int ordered) {
            this.sku = sku;
            this.ordered = ordered;
        }
    }

    @Property(tries = 4, shrinking = ShrinkingMode.OFF)
    void acceptedCommandsKeepTheRulesAndRefusedOnesAppendNothing(@ForAll("streams") List<Step> steps) {
        String run = "RS" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Integer> onHand = new HashMap<>();
        Map<Integer, OrderState> orders = new HashMap<>();
        int orderCount = 0;
        List<BigDecimal> open = new ArrayList<>();
        boolean hired = false;
        int visits = 0;
        List<int[]> booked = new ArrayList<>();
        List<Boolean> callDelivered = new ArrayList<>();
        List<String> mailKind = new ArrayList<>();
        List<String> mailStatus = new ArrayList<>();
        List<Boolean> ticketOpen = new ArrayList<>();
        assertThat(send("admin", "/api/resources", "{\"id\":\"" + run + "-room\",\"name\":\"Random room\","
                + "\"kind\":\"MEETING_ROOM\"}")).isTrue();
        for (Step step : steps) {
            if (step instanceof Invoice i) {
                boolean valid = i.quantity() > 0 && !i.unitPrice().equals("12.345");
                boolean accepted = send("frontdesk", "/api/invoices", "{\"id\":\"" + run + "-inv" + open.size()
                        + "\",\"customer\":\"" + run + "\",\"date\":\"2040-07-01\",\"dueDate\":\"2040-07-31\","
                        + "\"lines\":[{\"description\":\"Room\",\"quantity\":" + i.quantity() + ",\"unitPrice\":\""
                        + i.unitPrice() + "\"}]}");
                assertThat(accepted).as("invoice " + i).isEqualTo(valid);
                if (accepted) {
                    BigDecimal net = new BigDecimal(i.unitPrice()).multiply(BigDecimal.valueOf(i.quantity()));
                    BigDecimal vat = net.multiply(new BigDecimal("0.25")).setScale(2, RoundingMode.HALF_EVEN);
                    open.add(net.add(vat));
                }
            } else if (step instanceof Pay p) {
                BigDecimal amount = new BigDecimal(p.amount());
                boolean valid = p.invoice() < open.size() && amount.signum() > 0
                        && amount.compareTo(open.get(p.invoice())) <= 0;
                boolean accepted = send("frontdesk", "/api/invoices/" + run + "-inv" + p.invoice() + "/payments",
                        "{\"amount\":\"" + p.amount() + "\",\"method\":\"CARD\",\"date\":\"2040-07-02\"}");
                assertThat(accepted).as("payment " + p + " on " + open).isEqualTo(valid);
                if (accepted) {
                    open.set(p.invoice(), open.get(p.invoice()).subtract(amount));
                }
            } else if (step instanceof Credit c) {
                BigDecimal left = c.invoice() < open.size() ? open.get(c.invoice()) : BigDecimal.ZERO;
                BigDecimal amount = c.amount() == null ? left : new BigDecimal(c.amount());
                boolean valid = c.invoice() < open.size() && left.signum() > 0 && amount.compareTo(left) <= 0;
                boolean accepted = send("accountant", "/api/invoices/" + run + "-inv" + c.invoice() + "/credit-note",
                        "{" + (c.amount() == null ? "" : "\"amount\":\"" + c.amount() + "\",")
                                + "\"reason\":\"random\",\"date\":\"2040-07-03\"}");
                assertThat(accepted).as("credit note " + c + " on " + open).isEqualTo(valid);
                if (accepted) {
                    open.set(c.invoice(), left.subtract(amount));
                }
            } else if (step instanceof Hire) {
                boolean accepted = send("hr", "/api/employees", "{\"id\":\"" + run + "-emp\",\"name\":\"Host\","
                        + "\"department\":\"Reception\",\"role\":\"Host\",\"monthlySalary\":\"30000.00\","
                        + "\"startDate\":\"2040-01-01\"}");
                assertThat(accepted).as("hired once").isEqualTo(!hired);
                hired = true;
            } else if (step instanceof Visit) {
                boolean accepted = send("frontdesk", "/api/visitors", "{\"name\":\"Guest\",\"host\":\"" + run
                        + "-emp\",\"purpose\":\"random\"}");
                assertThat(accepted).as("a visitor's host is an employee").isEqualTo(hired);
                visits += accepted ? 1 : 0;
            } else if (step instanceof Book b) {
                int end = b.start() + b.hours();
                boolean valid = b.hours() > 0 && booked.stream().noneMatch(o -> o[0] < end && b.start() < o[1]);
                boolean accepted = send("frontdesk", "/api/reservations", "{\"resource\":\"" + run + "-room\","
                        + "\"customer\":\"" + run + "\",\"from\":\"2040-08-01T" + hour(b.start()) + "\",\"to\":\""
                        + "2040-08-01T" + hour(end) + "\"}");
                assertThat(accepted).as("booking " + b + " beside " + booked.size() + " others").isEqualTo(valid);
                if (accepted) {
                    booked.add(new int[] {b.start(), end});
                }
            } else if (step instanceof Call) {
                boolean accepted = send("frontdesk", "/api/calls", "{\"id\":\"" + run + "-c" + callDelivered.size()
                        + "\",\"caller\":\"Caller\",\"forEmployee\":\"" + run + "-emp\",\"message\":\"Call back\"}");
                assertThat(accepted).as("a message is for an employee").isEqualTo(hired);
                if (accepted) {
                    callDelivered.add(false);
                }
            } else if (step instanceof DeliverCall d) {
                boolean valid = d.call() < callDelivered.size() && !callDelivered.get(d.call());
                assertThat(send("frontdesk", "/api/calls/" + run + "-c" + d.call() + "/delivered", ""))
                        .as("delivering " + d).isEqualTo(valid);
                if (valid) {
                    callDelivered.set(d.call(), true);
                }
            } else if (step instanceof Mail m) {
                assertThat(send("frontdesk", "/api/mail", "{\"id\":\"" + run + "-m" + mailKind.size() + "\","
                        + "\"sender\":\"Sender\",\"recipient\":\"Office\",\"kind\":\"" + m.kind() + "\"}")).isTrue();
                mailKind.add(m.kind());
                mailStatus.add("UNDELIVERED");
            } else if (step instanceof DeliverMail d) {
                boolean valid = d.mail() < mailStatus.size() && mailStatus.get(d.mail()).equals("UNDELIVERED");
                assertThat(send("frontdesk", "/api/mail/" + run + "-m" + d.mail() + "/delivered", ""))
                        .as("delivering mail " + d).isEqualTo(valid);
                if (valid) {
                    mailStatus.set(d.mail(), "DELIVERED");
                }
            } else if (step instanceof ArchiveMail a) {
                boolean valid = a.mail() < mailStatus.size() && a.years() >= 1 && a.years() <= 30
                        && !mailStatus.get(a.mail()).equals("ARCHIVED") && !mailKind.get(a.mail()).equals("PARCEL")
                        && (mailKind.get(a.mail()).equals("DOCUMENT") || mailStatus.get(a.mail()).equals("DELIVERED"));
                assertThat(send("frontdesk", "/api/mail/" + run + "-m" + a.mail() + "/archive",
                        "{\"retentionYears\":" + a.years() + "}")).as("archiving " + a).isEqualTo(valid);
                if (valid) {
                    mailStatus.set(a.mail(), "ARCHIVED");
                }
            } else if (step instanceof OpenTicket t) {
                boolean valid = !t.priority().equals("P5");
                assertThat(send("frontdesk", "/api/tickets", "{\"id\":\"" + run + "-t" + ticketOpen.size() + "\","
                        + "\"category\":\"HARDWARE\",\"priority\":\"" + t.priority() + "\",\"title\":\"" + run
                        + "\",\"description\":\"Printer\"}")).as("ticket " + t).isEqualTo(valid);
                if (valid) {
                    ticketOpen.add(true);
                }
            } else if (step instanceof ResolveTicket r) {
                boolean valid = r.ticket() < ticketOpen.size() && ticketOpen.get(r.ticket());
                assertThat(send("itsupport", "/api/tickets/" + run + "-t" + r.ticket() + "/resolution",
                        "{\"resolution\":\"Fixed\"}")).as("resolving " + r).isEqualTo(valid);
                if (valid) {
                    ticketOpen.set(r.ticket(), false);
                }
            } else if (step instanceof ReopenTicket r) {
                boolean valid = r.ticket() < ticketOpen.size() && !ticketOpen.get(r.ticket());
                assertThat(send("itsupport", "/api/tickets/" + run + "-t" + r.ticket() + "/reopening",
                        "{\"reason\":\"Again\"}")).as("reopening " + r).isEqualTo(valid);
                if (valid) {
                    ticketOpen.set(r.ticket(), true);
                }
            } else if (step instanceof Register r) {
                String sku = sku(run, r.item());
                if (send("storekeeper", "/api/items", "{\"sku\":\"" + sku + "\",\"name\":\"Random\",\"unit\":\"pcs\"}")) {
                    assertThat(onHand).as("registered once").doesNotContainKey(sku);
                    onHand.put(sku, 0);
                }
            } else if (step instanceof Order o) {
                String id = run + "-po" + orderCount;
                String sku = sku(run, o.item());
                if (send("storekeeper", "/api/purchase-orders", "{\"id\":\"" + id + "\",\"supplier\":\"S\",\"lines\":"
                        + "[{\"sku\":\"" + sku + "\",\"quantity\":" + o.quantity() + ",\"unitCost\":\"" + o.unitCost()
                        + "\"}]}")) {
                    OrderState order = new OrderState(sku, o.quantity());
                    orders.put(orderCount++, order);
                    if (o.approve()) {
                        order.approved = send("accountant", "/api/purchase-orders/" + id + "/approval", "");
                        assertThat(order.approved).as("a new order can be approved by another role").isTrue();
                    }
                }
            } else if (step instanceof Receive r) {
                OrderState order = orders.get(r.order());
                String id = run + "-po" + (order == null ? 99 : r.order());
                String sku = order == null ? sku(run, 0) : order.sku;
                if (send("storekeeper", "/api/purchase-orders/" + id + "/receipts", "{\"date\":\"2040-05-10\","
                        + "\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":" + r.quantity() + "}]}")) {
                    assertThat(order).isNotNull();
                    assertThat(order.approved).as("received only after approval").isTrue();
                    order.received += r.quantity();
                    assertThat(order.received).as("never over-received").isLessThanOrEqualTo(order.ordered);
                    onHand.merge(sku, r.quantity(), Integer::sum);
                }
            } else if (step instanceof Issue i) {
                String sku = sku(run, i.item());
                if (send("storekeeper", "/api/stock-issues", "{\"sku\":\"" + sku + "\",\"quantity\":" + i.quantity()
                        + ",\"reason\":\"random\",\"date\":\"2040-05-11\"}")) {
                    int left = onHand.merge(sku, -i.quantity(), Integer::sum);
                    assertThat(left).as("never below zero").isNotNegative();
                }
            } else if (step instanceof Count c) {
                String sku = sku(run, c.item());
                if (send("storekeeper", "/api/stock-counts", "{\"sku\":\"" + sku + "\",\"countedQuantity\":"
                        + c.counted() + ",\"date\":\"2040-05-12\"}")) {
                    assertThat(c.counted()).isNotNegative();
                    onHand.put(sku, c.counted());
                }
            } else if (step instanceof Journal j) {
                String credit = j.balanced() ? j.amount() : "3.00";
                send("accountant", "/api/journal-entries", "{\"date\":\"2040-06-01\",\"description\":\"random\","
                        + "\"lines\":[{\"account\":\"1010\",\"debit\":\"" + j.amount() + "\"},"
                        + "{\"account\":\"3000\",\"credit\":\"" + credit + "\"}]}");
            }
        }

        long head = apps.head();
        for (Map.Entry<String, Integer> item : onHand.entrySet()) {
            Http.Answer answer = Http.as("storekeeper").get(apps.queryUrl + "/api/inventory/" + item.getKey()
                    + "?minPosition=" + head);
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            assertThat(answer.json().get("quantity").asLong()).as(item.getKey()).isEqualTo(item.getValue().longValue());
        }
        Http.Answer trial = Http.as("accountant").get(apps.queryUrl + "/api/trial-balance?asOf=2040-12-31&minPosition="
                + head);
        assertThat(trial.status()).as(trial.body()).isEqualTo(200);
        JsonNode totals = trial.json().get("totals");
        assertThat(new BigDecimal(totals.get("debit").asText()))
                .isEqualByComparingTo(new BigDecimal(totals.get("credit").asText()));

        String receivablesPath = "/api/receivables?status=all&customer=" + run + "&minPosition=" + head;
        JsonNode receivables = read("accountant", receivablesPath);
        BigDecimal openInView = BigDecimal.ZERO;
        for (JsonNode customer : receivables.get("customers")) {
            openInView = openInView.add(new BigDecimal(customer.get("open").asText()));
        }
        assertThat(openInView).as("open receivables").isEqualByComparingTo(
                open.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
        long onSite = 0;
        for (JsonNode visitor : read("frontdesk", "/api/visitors/on-site?minPosition=" + head)) {
            onSite += visitor.get("hostId").asText().equals(run + "-emp") ? 1 : 0;
        }
        assertThat(onSite).as("visitors on site for the run's host").isEqualTo(visits);

        String calendarPath = "/api/reservations?resource=" + run + "-room&from=2040-08-01&to=2040-08-01&minPosition="
                + head;
        JsonNode calendar = read("frontdesk", calendarPath);
        assertThat(calendar.get("reservations")).as("the accepted bookings").hasSize(booked.size());

        String callsPath = "/api/calls?forEmployee=" + run + "-emp&open=false&minPosition=" + head;
        JsonNode calls = read("frontdesk", callsPath);
        assertThat(calls.findValuesAsText("delivered")).as("messages and their delivery")
                .containsExactlyElementsOf(callDelivered.stream().map(String::valueOf).toList());
        String mailPath = "/api/mail?minPosition=" + head;
        for (int i = 0; i < mailStatus.size(); i++) {
            String id = run + "-m" + i;
            JsonNode piece = findById(read("frontdesk", mailPath), id);
            assertThat(piece.get("status").asText()).as(id).isEqualTo(mailStatus.get(i));
        }
        String ticketsPath = "/api/tickets?minPosition=" + head;
        for (int i = 0; i < ticketOpen.size(); i++) {
            String id = run + "-t" + i;
            JsonNode ticket = findById(read("itsupport", ticketsPath), id);
            assertThat(ticket.get("status").asText().equals("RESOLVED")).as(id).isEqualTo(!ticketOpen.get(i));
        }

        // Rebuilds of these views from the log answer exactly what the live views did.
        rebuild("billing");
        assertThat(read("accountant", receivablesPath).get("customers")).isEqualTo(receivables.get("customers"));
        rebuild("reservations");
        assertThat(read("frontdesk", calendarPath)).isEqualTo(calendar);
        JsonNode mailBefore = read("frontdesk", mailPath);
        JsonNode ticketsBefore = read("itsupport", ticketsPath);
        rebuild("correspondence");
        assertThat(read("frontdesk", callsPath)).isEqualTo(calls);
        assertThat(read("frontdesk", mailPath)).isEqualTo(mailBefore);
        rebuild("servicedesk");
        assertThat(read("itsupport", ticketsPath)).isEqualTo(ticketsBefore);
    }

    private static JsonNode findById(JsonNode list, String id) {
        for (JsonNode item : list) {
            if (item.path("id").asText().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no " + id + " in " + list);
    }

    private void rebuild(String view) {
        ViewGenerations generations = apps.query.getBean(ViewGenerations.class);
        long before = generations.live(view);
        Http.Answer rebuild = Http.as("admin").post(apps.queryUrl + "/api/audit/projections/" + view + "/rebuild", "");
        assertThat(rebuild.status()).as(rebuild.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> generations.live(view) > before);
    }

    private static String hour(int hour) {
        return String.format("%02d:00:00Z", hour);
    }

    private JsonNode read(String user, String path) {
        Http.Answer answer = Http.as(user).get(apps.queryUrl + path);
        assertThat(answer.status()).as(path + " " + answer.body()).isEqualTo(200);
        return answer.json();
    }

    /** Posts one command: never a 5xx; a refusal is a problem that appends nothing; answers whether it was accepted. */
    private boolean send(String user, String path, String body) {
        long before = apps.head();
        Http.Answer answer = Http.as(user).post(apps.commandUrl + path, body);
        assertThat(answer.status()).as(path + " " + body + " -> " + answer.body()).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(apps.head()).as("refused, so nothing appended: " + path + " " + body).isEqualTo(before);
            return false;
        }
        assertThat(answer.json().get("position").asLong()).as(path + " answered the head it appended")
                .isGreaterThan(before).isLessThanOrEqualTo(apps.head());
        return true;
    }

    private static String sku(String run, int item) {
        return run + "-" + item;
    }
}
