package io.kontor.query.reporting;

import io.kontor.events.billing.PaymentMethod;
import io.kontor.events.reservations.ResourceKind;
import io.kontor.query.frontdesk.FrontDesk;
import io.kontor.query.web.CsvReport;
import io.kontor.query.web.CsvTable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Function;

import static io.kontor.query.reporting.KpiRules.account;

/**
 * The KPIs answered from the daily buckets, and how: each {@link Kpi} is a function of one period's figures, a
 * flow (the sum of a measure's days in the period), a closing level (the sum of all its days up to the period's
 * end) or the average of its daily levels. To add a KPI, add a measure to {@link KpiRules} and a line to
 * {@link #STANDARD}. A period is a day, an ISO week (Monday to Sunday) or a calendar month, cut to the range.
 */
public final class Kpis {

    private static final String DKK = "DKK";
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    public enum Granularity { DAY, WEEK, MONTH }

    /** One period's figures, what a KPI is computed from. */
    public interface Figures {

        /** The sum of a measure over the period's days. */
        BigDecimal flow(String measure);

        /** A measure's level at the end of the period: the sum of all its days up to then. */
        BigDecimal closing(String measure);

        /** The average of a measure's level at the end of each day of the period. */
        BigDecimal averageLevel(String measure);

        /** The sum over the period's days of a measure's level at the day's end times the day's hours in Denmark. */
        BigDecimal levelHours(String measure);

        long days();
    }

    /** A KPI: its name (the JSON and CSV column), its unit, its decimals and how a period's value is computed. */
    public record Kpi(String name, String unit, int scale, Function<Figures, BigDecimal> value) {
    }

    public static final List<Kpi> STANDARD = List.of(
            // Revenue is a credit: the movement of 4000 with the sign turned, net of credit notes and reversals.
            new Kpi("netRevenue", DKK, 2, f -> f.flow(account("4000")).negate()),
            new Kpi("costOfGoodsSold", DKK, 2, f -> f.flow(account("5000"))),
            new Kpi("payrollCost", DKK, 2, f -> f.flow(account("6000"))),
            new Kpi("headcount", "employees", 0, f -> f.closing(KpiRules.HEADCOUNT)),
            new Kpi("stockValue", DKK, 2, f -> f.closing(account("1200"))),
            // Cost of goods sold in the period over the average stock value in it.
            new Kpi("stockTurns", "times", 2, f -> ratio(f.flow(account("5000")), f.averageLevel(account("1200")))),
            new Kpi("receivables", DKK, 2, f -> f.closing(account("1100"))),
            // Receivables at the period's end over the period's revenue per day.
            new Kpi("daysSalesOutstanding", "days", 1, f -> ratio(
                    f.closing(account("1100")).multiply(BigDecimal.valueOf(f.days())),
                    f.flow(account("4000")).negate())),
            new Kpi("ticketsOpened", "tickets", 0, f -> f.flow(KpiRules.TICKETS_OPENED)),
            new Kpi("ticketsResolved", "tickets", 0, f -> f.flow(KpiRules.TICKETS_RESOLVED)),
            new Kpi("invoicesIssued", "invoices", 0, f -> f.flow(KpiRules.INVOICES_ISSUED)),
            new Kpi("invoicedGross", DKK, 2, f -> f.flow(KpiRules.INVOICED_GROSS)),
            new Kpi("paymentsReceived", DKK, 2, f -> f.flow(KpiRules.PAYMENTS_RECEIVED)),
            new Kpi("paymentsCash", DKK, 2, f -> f.flow(KpiRules.payments(PaymentMethod.CASH))),
            new Kpi("paymentsCard", DKK, 2, f -> f.flow(KpiRules.payments(PaymentMethod.CARD))),
            new Kpi("paymentsBank", DKK, 2, f -> f.flow(KpiRules.payments(PaymentMethod.BANK))),
            new Kpi("visitors", "visitors", 0, f -> f.flow(KpiRules.VISITORS)),
            occupancy("roomOccupancy", ResourceKind.ROOM),
            occupancy("meetingRoomOccupancy", ResourceKind.MEETING_ROOM));

    private Kpis() {
    }

    /**
     * Reserved hours (not cancelled) on resources of the kind over their available hours: each registered resource
     * is available every hour of every day from its registration day, as in the desk's occupancy of a day.
     */
    private static Kpi occupancy(String name, ResourceKind kind) {
        return new Kpi(name, "share", 4, f -> ratio(f.flow(KpiRules.reservedSeconds(kind)),
                f.levelHours(KpiRules.resources(kind)).multiply(SECONDS_PER_HOUR)));
    }

    public record Point(String period, String start, String end, String value) {
    }

    public record Series(String kpi, String unit, List<Point> points) {
    }

    /** A series per KPI over the same periods; as CSV a row per period and a column per KPI. */
    public record Report(String from, String to, String granularity, List<Series> series) implements CsvReport {
        @Override
        public CsvTable csv() {
            List<String> header = new ArrayList<>(List.of("period", "start", "end"));
            series.forEach(s -> header.add(s.kpi()));
            List<List<String>> rows = new ArrayList<>();
            int periods = series.isEmpty() ? 0 : series.get(0).points().size();
            for (int i = 0; i < periods; i++) {
                Point point = series.get(0).points().get(i);
                List<String> row = new ArrayList<>(List.of(point.period(), point.start(), point.end()));
                for (Series s : series) {
                    row.add(s.points().get(i).value());
                }
                rows.add(row);
            }
            return new CsvTable(header, rows);
        }
    }

    /** The KPIs from {@code from} to {@code to} (inclusive) per period, from every stored day up to {@code to}. */
    public static Report report(LocalDate from, LocalDate to, Granularity granularity,
                                NavigableMap<LocalDate, KpiStore.Day> days, List<Kpi> kpis) {
        Map<String, BigDecimal> level = new HashMap<>();
        days.headMap(from, false).values().forEach(day -> add(level, day.measures()));
        List<List<Point>> points = new ArrayList<>();
        kpis.forEach(k -> points.add(new ArrayList<>()));
        for (LocalDate start = from; !start.isAfter(to); ) {
            LocalDate end = end(start, to, granularity);
            Map<String, BigDecimal> flow = new HashMap<>();
            Map<String, BigDecimal> levelSum = new HashMap<>();
            Map<String, BigDecimal> levelHours = new HashMap<>();
            for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
                KpiStore.Day stored = days.get(day);
                if (stored != null) {
                    add(flow, stored.measures());
                    add(level, stored.measures());
                }
                add(levelSum, level);
                BigDecimal hours = BigDecimal.valueOf(Duration.between(FrontDesk.startOf(day),
                        FrontDesk.startOf(day.plusDays(1))).toHours());
                level.forEach((measure, value) -> levelHours.merge(measure, value.multiply(hours), BigDecimal::add));
            }
            long length = ChronoUnit.DAYS.between(start, end) + 1;
            Figures figures = figures(flow, Map.copyOf(level), levelSum, levelHours, length);
            for (int i = 0; i < kpis.size(); i++) {
                Kpi kpi = kpis.get(i);
                BigDecimal value = kpi.value().apply(figures);
                points.get(i).add(new Point(label(start, granularity), start.toString(), end.toString(),
                        value == null ? null : value.setScale(kpi.scale(), RoundingMode.HALF_EVEN).toPlainString()));
            }
            start = end.plusDays(1);
        }
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < kpis.size(); i++) {
            series.add(new Series(kpis.get(i).name(), kpis.get(i).unit(), List.copyOf(points.get(i))));
        }
        return new Report(from.toString(), to.toString(), granularity.name(), series);
    }

    private static Figures figures(Map<String, BigDecimal> flow, Map<String, BigDecimal> closing,
                                   Map<String, BigDecimal> levelSum, Map<String, BigDecimal> levelHours, long days) {
        return new Figures() {
            @Override
            public BigDecimal flow(String measure) {
                return flow.getOrDefault(measure, BigDecimal.ZERO);
            }

            @Override
            public BigDecimal closing(String measure) {
                return closing.getOrDefault(measure, BigDecimal.ZERO);
            }

            @Override
            public BigDecimal averageLevel(String measure) {
                return levelSum.getOrDefault(measure, BigDecimal.ZERO)
                        .divide(BigDecimal.valueOf(days), 10, RoundingMode.HALF_EVEN);
            }

            @Override
            public BigDecimal levelHours(String measure) {
                return levelHours.getOrDefault(measure, BigDecimal.ZERO);
            }

            @Override
            public long days() {
                return days;
            }
        };
    }

    private static void add(Map<String, BigDecimal> into, Map<String, BigDecimal> measures) {
        measures.forEach((measure, amount) -> into.merge(measure, amount, BigDecimal::add));
    }

    /** Null when there is nothing to divide by: a ratio without a base is no figure, not zero. */
    private static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        return denominator.signum() == 0 ? null : numerator.divide(denominator, 10, RoundingMode.HALF_EVEN);
    }

    private static LocalDate end(LocalDate start, LocalDate to, Granularity granularity) {
        LocalDate end = switch (granularity) {
            case DAY -> start;
            case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
        };
        return end.isAfter(to) ? to : end;
    }

    private static String label(LocalDate start, Granularity granularity) {
        return switch (granularity) {
            case DAY -> start.toString();
            case WEEK -> String.format("%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> YearMonth.from(start).toString();
        };
    }
}
