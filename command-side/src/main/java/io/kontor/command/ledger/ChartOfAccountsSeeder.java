package io.kontor.command.ledger;

import io.kontor.command.common.ErrorDetails;
import io.kontor.events.ledger.AccountType;
import io.kontor.shared.ErrorCode;
import io.kontor.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Seeds DESIGN.md's default chart of accounts through commands, so that it is in the log like everything else.
 * Runs on every start: an account that already exists is refused by its aggregate as {@code DUPLICATE} (or, if
 * another process seeds at the same moment, by the log as a conflict), so nothing is ever appended twice.
 */
@Component
@ConditionalOnProperty(name = "kontor.seed.chart-of-accounts", havingValue = "true", matchIfMissing = true)
public class ChartOfAccountsSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ChartOfAccountsSeeder.class);

    static final List<OpenAccount> DEFAULT_CHART = List.of(
            open("1000", "Cash", AccountType.ASSET),
            open("1010", "Bank", AccountType.ASSET),
            open("1100", "Accounts receivable", AccountType.ASSET),
            open("1200", "Inventory", AccountType.ASSET),
            open("1300", "Input VAT", AccountType.ASSET),
            open("2000", "Accounts payable", AccountType.LIABILITY),
            open("2100", "Output VAT", AccountType.LIABILITY),
            open("2200", "Salaries payable", AccountType.LIABILITY),
            open("3000", "Equity", AccountType.EQUITY),
            open("4000", "Sales revenue", AccountType.REVENUE),
            open("5000", "Cost of goods sold", AccountType.EXPENSE),
            open("6000", "Salaries", AccountType.EXPENSE),
            open("6900", "Inventory differences", AccountType.EXPENSE));

    private final CommandGateway commandGateway;

    ChartOfAccountsSeeder(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    private static OpenAccount open(String code, String name, AccountType type) {
        return new OpenAccount(code, name, type, Money.DKK);
    }

    @Override
    public void run(ApplicationArguments args) {
        int opened = 0;
        for (OpenAccount account : DEFAULT_CHART) {
            try {
                commandGateway.sendAndWait(account);
                opened++;
            } catch (ConcurrencyException e) {
                log.debug("Account {} was seeded concurrently by another process", account.code());
            } catch (RuntimeException e) {
                if (ErrorDetails.codeOf(e).filter(ErrorCode.DUPLICATE::equals).isEmpty()) {
                    throw e;
                }
            }
        }
        log.info("Default chart of accounts: {} of {} accounts opened now, the rest existed", opened,
                DEFAULT_CHART.size());
    }
}
