package io.kontor.query.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * HR through both apps: hire, transfer, change a salary, record an absence, schedule a week, run and pay payroll;
 * the roster (without salaries, for the front desk too), headcount and history; unpaid payroll equals account 2200
 * and a month's salaries expense equals its run; every kind of bad input is a problem that appends nothing.
 */
class HrEndToEndTest {

    private static final KontorApps apps = KontorApps.get();

    /**
     * What the bad-input rows act on: an employee through 2033 (so not in the 2036 run of the main test), absent
     * 2033-02-02..06, a shift, a run of 2033-06.
     */
    @BeforeAll
    static void givens() {
        apps.created("hr", "/api/employees", "{\"id\":\"bad-emp\",\"name\":\"Given\",\"department\":\"Stores\","
                + "\"role\":\"Clerk\",\"monthlySalary\":\"20000.00\",\"startDate\":\"2033-01-01\"}");
        apps.created("hr", "/api/employees", "{\"id\":\"bad-gone\",\"name\":\"Gone\",\"department\":\"Stores\","
                + "\"role\":\"Clerk\",\"monthlySalary\":\"20000.00\",\"startDate\":\"2033-01-01\"}");
        apps.acted("hr", "/api/employees/bad-gone/termination", "{\"date\":\"2033-01-31\"}");
        apps.created("hr", "/api/absences", "{\"employee\":\"bad-emp\",\"from\":\"2033-02-02\",\"to\":\"2033-02-06\","
                + "\"kind\":\"SICK\"}");
        apps.created("hr", "/api/shifts", "{\"id\":\"bad-shift\",\"employee\":\"bad-emp\",\"date\":\"2033-02-10\","
                + "\"start\":\"09:00\",\"end\":\"17:00\"}");
        apps.acted("hr", "/api/employees/bad-emp/termination", "{\"date\":\"2033-12-31\"}");
        apps.created("hr", "/api/payroll-runs", "{\"period\":\"2033-06\"}");
    }

    @Test
    void hireScheduleRunAndPayAndTheRosterHeadcountAndLedgerAgree() {
        // Dated after the givens' run of 2033-06: nothing that changes pay may be dated in or before a month run.
        apps.created("hr", "/api/employees", "{\"id\":\"anna\",\"name\":\"Anna Berg\",\"department\":\"Reception\","
                + "\"role\":\"Receptionist\",\"monthlySalary\":\"31000.00\",\"startDate\":\"2036-03-02\"}");
        apps.created("hr", "/api/employees", "{\"id\":\"bo\",\"name\":\"Bo Holm\",\"department\":\"Kitchen\","
                + "\"role\":\"Cook\",\"monthlySalary\":\"28000.00\",\"startDate\":\"2036-01-01\"}");
        apps.acted("hr", "/api/employees/bo/salary", "{\"monthlySalary\":\"29000.00\",\"effective\":\"2036-03-17\"}");
        apps.acted("hr", "/api/employees/bo/transfer", "{\"department\":\"Reception\",\"role\":\"Night porter\","
                + "\"effective\":\"2036-03-20\"}");
        apps.created("hr", "/api/absences", "{\"employee\":\"bo\",\"from\":\"2036-03-10\",\"to\":\"2036-03-11\","
                + "\"kind\":\"VACATION\"}");
        for (int day = 8; day <= 12; day++) {
            apps.created("hr", "/api/shifts", "{\"employee\":\"anna\",\"date\":\"2036-03-%02d\",\"start\":\"08:00\","
                    .formatted(day) + "\"end\":\"16:00\",\"location\":\"Front desk\"}");
        }
        apps.created("hr", "/api/shifts", "{\"id\":\"bo-mon\",\"employee\":\"bo\",\"date\":\"2036-03-08\","
                + "\"start\":\"06:00\",\"end\":\"14:00\"}");
        apps.created("hr", "/api/shifts", "{\"id\":\"bo-fri\",\"employee\":\"bo\",\"date\":\"2036-03-12\","
                + "\"start\":\"06:00\",\"end\":\"14:00\"}");
        long cancelled = apps.acted("hr", "/api/shifts/bo-fri/cancel", "");

        Http.Answer roster = Http.as("frontdesk").get(apps.queryUrl
                + "/api/roster?from=2036-03-08&to=2036-03-12&minPosition=" + cancelled);
        assertThat(roster.status()).as(roster.body()).isEqualTo(200);
        assertThat(roster.body()).doesNotContain("alary").doesNotContain("31000").doesNotContain("28000");
        JsonNode days = roster.json().get("days");
        assertThat(days).hasSize(5);
        assertThat(names(days.get(0).get("shifts"))).containsExactly("Bo Holm", "Anna Berg");
        assertThat(days.get(0).get("shifts").get(0).get("department").asText()).isEqualTo("Kitchen");
        assertThat(names(days.get(2).get("shifts"))).containsExactly("Anna Berg");
        assertThat(names(days.get(2).get("absent"))).containsExactly("Bo Holm");
        assertThat(names(days.get(4).get("shifts"))).containsExactly("Anna Berg");
        JsonNode kitchen = apps.read("hr", "/api/roster?from=2036-03-08&to=2036-03-12&department=Kitchen", cancelled);
        assertThat(names(kitchen.get("days").get(0).get("shifts"))).containsExactly("Bo Holm");
        assertThat(names(kitchen.get("days").get(1).get("shifts"))).isEmpty();

        JsonNode headcount = apps.read("hr", "/api/headcount?asOf=2036-03-25", cancelled);
        assertThat(headcount.toString()).contains("{\"department\":\"Reception\",\"headcount\":2}");
        JsonNode early = apps.read("hr", "/api/headcount?asOf=2036-03-01", cancelled);
        assertThat(early.toString()).contains("{\"department\":\"Kitchen\",\"headcount\":1}")
                .doesNotContain("Reception");
        JsonNode bo = apps.read("hr", "/api/employees/bo?asOf=2036-03-25", cancelled);
        assertThat(bo.get("asOf").get("monthlySalary").asText()).isEqualTo("29000.00");
        assertThat(bo.get("asOf").get("role").asText()).isEqualTo("Night porter");
        List<String> kinds = new ArrayList<>();
        bo.get("history").forEach(h -> kinds.add(h.get("kind").asText()));
        assertThat(kinds).containsExactly("HIRED", "ABSENT", "SALARY_CHANGED", "TRANSFERRED");
        JsonNode reception = apps.read("hr", "/api/employees?department=Reception&asOf=2036-03-05", cancelled);
        assertThat(reception.findValuesAsText("id")).containsExactly("anna");

        long run = apps.created("hr", "/api/payroll-runs", "{\"period\":\"2036-03\"}");
        JsonNode payroll = apps.read("hr", "/api/payroll-runs/2036-03", run);
        // Anna: 30 of 31 days at 31000 = 30000.00. Bo: 16 days at 28000 and 15 at 29000 = 883000 / 31 = 28483.87.
        assertThat(payroll.get("payslips").findValuesAsText("gross")).containsExactly("30000.00", "28483.87");
        assertThat(payroll.get("total").asText()).isEqualTo("58483.87");
        assertThat(payroll.get("paid").asBoolean()).isFalse();
        assertThat(salariesExpense("2036-03-01", "2036-03-31", run)).isEqualByComparingTo("58483.87");
        assertUnpaidPayrollIsAccount2200(run);

        Http.Answer byHr = Http.as("hr").post(apps.commandUrl + "/api/payroll-runs/2036-03/payment",
                "{\"date\":\"2036-04-01\"}");
        assertThat(byHr.status()).isEqualTo(403);
        long paid = apps.acted("accountant", "/api/payroll-runs/2036-03/payment", "{\"date\":\"2036-04-01\"}");
        assertThat(apps.read("hr", "/api/payroll-runs/2036-03", paid).get("paid").asBoolean()).isTrue();
        assertUnpaidPayrollIsAccount2200(paid);
        assertThat(salariesExpense("2036-03-01", "2036-03-31", paid)).isEqualByComparingTo("58483.87");
    }

    private static List<String> names(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(node -> names.add(node.get("name").asText()));
        return names;
    }

    private static BigDecimal salariesExpense(String from, String to, long position) {
        JsonNode ledger = apps.read("accountant", "/api/accounts/6000/ledger?from=" + from + "&to=" + to, position);
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : ledger.findValues("lines").get(0)) {
            BigDecimal amount = new BigDecimal(line.get("amount").asText());
            sum = line.get("side").asText().equals("DEBIT") ? sum.add(amount) : sum.subtract(amount);
        }
        return sum;
    }

    private static void assertUnpaidPayrollIsAccount2200(long position) {
        long head = Math.max(position, apps.head());
        BigDecimal unpaid = new BigDecimal(apps.read("hr", "/api/payroll-runs", head).get("unpaid").asText());
        JsonNode balance = apps.read("accountant", "/api/accounts/2200/balance", head);
        BigDecimal credit = new BigDecimal(balance.get("credit").asText())
                .subtract(new BigDecimal(balance.get("debit").asText()));
        assertThat(credit).isEqualByComparingTo(unpaid);
    }

    static Stream<Arguments> badRequests() {
        String hire = "{\"name\":\"N\",\"department\":\"D\",\"role\":\"R\",\"monthlySalary\":%s,"
                + "\"startDate\":\"2033-01-01\"}";
        String shift = "{\"employee\":\"%s\",\"date\":\"%s\",\"start\":\"%s\",\"end\":\"%s\"}";
        return Stream.of(
                arguments("hire at a negative salary", "hr", "/api/employees", hire.formatted("\"-1.00\""), 400,
                        "VALIDATION_FAILED", "monthlySalary", null),
                arguments("hire at a salary finer than øre", "hr", "/api/employees", hire.formatted("\"100.001\""),
                        400, "VALIDATION_FAILED", "monthlySalary", null),
                arguments("hire without a salary", "hr", "/api/employees", hire.formatted("null"), 400,
                        "VALIDATION_FAILED", "monthlySalary", null),
                arguments("hire with a taken id", "hr", "/api/employees",
                        "{\"id\":\"bad-emp\"," + hire.formatted("\"1.00\"").substring(1), 409, "DUPLICATE", "id", null),
                arguments("hire by the front desk", "frontdesk", "/api/employees", hire.formatted("\"1.00\""), 403,
                        "FORBIDDEN", null, null),
                arguments("salary change to a negative salary", "hr", "/api/employees/bad-emp/salary",
                        "{\"monthlySalary\":\"-5.00\",\"effective\":\"2033-02-01\"}", 400, "VALIDATION_FAILED",
                        "monthlySalary", null),
                arguments("salary change of an unknown employee", "hr", "/api/employees/nobody/salary",
                        "{\"monthlySalary\":\"5.00\",\"effective\":\"2033-02-01\"}", 404, "NOT_FOUND", "employee", null),
                arguments("transfer dated before the hire", "hr", "/api/employees/bad-emp/transfer",
                        "{\"department\":\"X\",\"role\":\"Y\",\"effective\":\"2032-12-31\"}", 422,
                        "BUSINESS_RULE_VIOLATED", "effective", "BEFORE_HIRE"),
                arguments("transfer after the last day", "hr", "/api/employees/bad-gone/transfer",
                        "{\"department\":\"X\",\"role\":\"Y\",\"effective\":\"2033-02-01\"}", 422,
                        "BUSINESS_RULE_VIOLATED", "effective", "TERMINATED"),
                arguments("salary change dated in a month whose payroll has been run", "hr",
                        "/api/employees/bad-emp/salary",
                        "{\"monthlySalary\":\"21000.00\",\"effective\":\"2033-06-30\"}", 422,
                        "BUSINESS_RULE_VIOLATED", "effective", "PAYROLL_ALREADY_RUN_FOR_PERIOD"),
                arguments("second termination", "hr", "/api/employees/bad-gone/termination",
                        "{\"date\":\"2033-02-01\"}", 409, "CONFLICT", null, "ALREADY_TERMINATED"),
                arguments("absence of an unknown kind", "hr", "/api/absences",
                        "{\"employee\":\"bad-emp\",\"from\":\"2033-03-01\",\"to\":\"2033-03-02\",\"kind\":\"BORED\"}",
                        400, "VALIDATION_FAILED", "kind", null),
                arguments("absence ending before it starts", "hr", "/api/absences",
                        "{\"employee\":\"bad-emp\",\"from\":\"2033-03-02\",\"to\":\"2033-03-01\",\"kind\":\"SICK\"}",
                        400, "VALIDATION_FAILED", "to", null),
                arguments("absence of an unknown employee", "hr", "/api/absences",
                        "{\"employee\":\"nobody\",\"from\":\"2033-03-01\",\"to\":\"2033-03-02\",\"kind\":\"SICK\"}",
                        404, "NOT_FOUND", "employee", null),
                arguments("shift ending before it starts", "hr", "/api/shifts",
                        shift.formatted("bad-emp", "2033-03-01", "17:00", "09:00"), 400, "VALIDATION_FAILED", "end",
                        null),
                arguments("shift longer than 16 hours", "hr", "/api/shifts",
                        shift.formatted("bad-emp", "2033-03-01", "06:00", "22:30"), 400, "VALIDATION_FAILED", "end",
                        null),
                arguments("shift of an unknown employee", "hr", "/api/shifts",
                        shift.formatted("nobody", "2033-03-01", "09:00", "17:00"), 404, "NOT_FOUND", "employee", null),
                arguments("shift of a terminated employee", "hr", "/api/shifts",
                        shift.formatted("bad-gone", "2033-02-01", "09:00", "17:00"), 422, "BUSINESS_RULE_VIOLATED",
                        "date", "TERMINATED"),
                arguments("shift before the hire", "hr", "/api/shifts",
                        shift.formatted("bad-emp", "2032-12-31", "09:00", "17:00"), 422, "BUSINESS_RULE_VIOLATED",
                        "date", "BEFORE_HIRE"),
                arguments("shift on a day of absence", "hr", "/api/shifts",
                        shift.formatted("bad-emp", "2033-02-03", "09:00", "17:00"), 422, "BUSINESS_RULE_VIOLATED",
                        "date", "EMPLOYEE_ABSENT"),
                arguments("overlapping shift", "hr", "/api/shifts",
                        shift.formatted("bad-emp", "2033-02-10", "16:00", "20:00"), 409, "CONFLICT", "start",
                        "OVERLAPPING_SHIFT"),
                arguments("shift with a taken id", "hr", "/api/shifts",
                        "{\"id\":\"bad-shift\",\"employee\":\"bad-emp\",\"date\":\"2033-02-11\",\"start\":\"09:00\","
                                + "\"end\":\"10:00\"}", 409, "DUPLICATE", "id", null),
                arguments("cancel of an unknown shift", "hr", "/api/shifts/nope/cancel", "", 404, "NOT_FOUND", "id",
                        null),
                arguments("second payroll run of a month", "hr", "/api/payroll-runs", "{\"period\":\"2033-06\"}", 409,
                        "CONFLICT", "period", "PAYROLL_ALREADY_RUN"),
                arguments("payroll run of a malformed period", "hr", "/api/payroll-runs", "{\"period\":\"2033-13\"}",
                        400, "VALIDATION_FAILED", "period", null),
                arguments("payroll run by an accountant", "accountant", "/api/payroll-runs",
                        "{\"period\":\"2033-07\"}", 403, "FORBIDDEN", null, null),
                arguments("payment of a month not run", "accountant", "/api/payroll-runs/2033-08/payment",
                        "{\"date\":\"2033-09-01\"}", 404, "NOT_FOUND", "period", null),
                arguments("payment without a date", "accountant", "/api/payroll-runs/2033-06/payment", "{}", 400,
                        "VALIDATION_FAILED", "date", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isRefusedAsAProblemAndAppendsNothing(String label, String user, String path, String body, int status,
                                              String code, String field, String rule) {
        apps.assertRefused(label, user, path, body, status, code, field, rule);
    }

    @Test
    void salariesAreForHrOnly() {
        assertThat(Http.as("frontdesk").get(apps.queryUrl + "/api/employees").status()).isEqualTo(403);
        assertThat(Http.as("accountant").get(apps.queryUrl + "/api/headcount").status()).isEqualTo(403);
        assertThat(Http.as("accountant").get(apps.queryUrl + "/api/payroll-runs").status()).isEqualTo(403);
        assertThat(Http.as("storekeeper").get(apps.queryUrl + "/api/roster?from=2032-03-08&to=2032-03-08").status())
                .isEqualTo(403);
    }
}
