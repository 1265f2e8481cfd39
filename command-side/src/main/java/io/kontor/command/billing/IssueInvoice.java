package io.kontor.command.billing;

import io.kontor.shared.Checks;
import io.kontor.shared.KontorException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * Issue an invoice dated {@code date}, due by {@code dueDate} (not before it), of at least one line. Quantities are
 * positive with up to {@value #QUANTITY_DECIMALS} decimals, so hours (1.5) and weights bill as they are; unit prices
 * are not negative with at most the currency's decimals; VAT rates are percentages from 0 to 100.
 */
public record IssueInvoice(String invoiceId, String customer, LocalDate date, LocalDate dueDate, Currency currency,
                           List<Line> lines) {

    public static final int MAX_LINES = 200;
    public static final int QUANTITY_DECIMALS = 3;
    static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One line as the customer will read it. */
    public record Line(String description, BigDecimal quantity, BigDecimal unitPrice, BigDecimal vatRate) {
    }

    public IssueInvoice {
        Checks.id(invoiceId, "id");
        Checks.text(customer, "customer", 200);
        Checks.required(date, "date");
        Checks.required(dueDate, "dueDate");
        Checks.required(currency, "currency");
        if (dueDate.isBefore(date)) {
            throw KontorException.invalidField("dueDate", "dueDate " + dueDate + " is before the issue date " + date);
        }
        if (lines == null || lines.isEmpty()) {
            throw KontorException.invalidField("lines", "an invoice has at least one line");
        }
        if (lines.size() > MAX_LINES) {
            throw KontorException.invalidField("lines", "an invoice has at most " + MAX_LINES + " lines");
        }
        for (int i = 0; i < lines.size(); i++) {
            String field = "lines[" + i + "]";
            Line line = Checks.required(lines.get(i), field);
            Checks.text(line.description(), field + ".description", 500);
            BigDecimal quantity = Checks.required(line.quantity(), field + ".quantity");
            if (quantity.signum() <= 0 || quantity.compareTo(MAX_QUANTITY) > 0) {
                throw KontorException.invalidField(field + ".quantity",
                        "quantity must be positive and at most " + MAX_QUANTITY);
            }
            if (quantity.stripTrailingZeros().scale() > QUANTITY_DECIMALS) {
                throw KontorException.invalidField(field + ".quantity",
                        "quantity has at most " + QUANTITY_DECIMALS + " decimals");
            }
            BigDecimal unitPrice = Checks.required(line.unitPrice(), field + ".unitPrice");
            if (unitPrice.signum() < 0 || unitPrice.precision() - unitPrice.scale() > 13) {
                throw KontorException.invalidField(field + ".unitPrice", "unitPrice must not be negative or huge");
            }
            if (unitPrice.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
                throw KontorException.invalidField(field + ".unitPrice",
                        "unitPrice has at most " + currency.getDefaultFractionDigits() + " decimals");
            }
            BigDecimal vatRate = Checks.required(line.vatRate(), field + ".vatRate");
            if (vatRate.signum() < 0 || vatRate.compareTo(HUNDRED) > 0 || vatRate.stripTrailingZeros().scale() > 2) {
                throw KontorException.invalidField(field + ".vatRate",
                        "vatRate is a percentage from 0 to 100 with at most 2 decimals");
            }
        }
        lines = List.copyOf(lines);
    }

    @TargetAggregateIdentifier
    public String streamId() {
        return Invoice.streamId(invoiceId);
    }
}
