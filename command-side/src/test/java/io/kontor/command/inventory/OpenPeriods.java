package io.kontor.command.inventory;

import io.kontor.command.ledger.LedgerDirectory;

import java.time.YearMonth;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** A ledger directory for fixtures: every month open unless closed here; inventory never asks about accounts. */
final class OpenPeriods implements LedgerDirectory {

    final Set<YearMonth> closed = new HashSet<>();

    @Override
    public Optional<AccountInfo> account(String code) {
        return Optional.empty();
    }

    @Override
    public boolean isClosed(YearMonth period) {
        return closed.contains(period);
    }
}
