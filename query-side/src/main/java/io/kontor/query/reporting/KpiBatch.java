package io.kontor.query.reporting;

import io.kontor.query.common.RebuildableView;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One batch of events on its way into the KPI view: each event's contributions are folded into its days, read once
 * and written once by {@link #flush()}. A contribution from a position the stored day already reflects is skipped,
 * so a redelivered batch changes nothing. The live projection, a rebuild and the tests all go through this class.
 */
public final class KpiBatch implements RebuildableView.PayloadBatch {

    private final KpiStore store;
    private final KpiRules rules;
    private final List<Staged> staged = new ArrayList<>();
    private final Map<String, String> knownFacts = new HashMap<>();
    private final Map<String, String> newFacts = new LinkedHashMap<>();
    private final KpiRules.Facts facts = new KpiRules.Facts() {
        @Override
        public String get(String key) {
            return knownFacts.computeIfAbsent(key, store::fact);
        }

        @Override
        public void put(String key, String value) {
            knownFacts.put(key, value);
            newFacts.put(key, value);
        }
    };

    private record Staged(long position, KpiRules.Contribution contribution) {
    }

    public KpiBatch(KpiStore store, KpiRules rules) {
        this.store = store;
        this.rules = rules;
    }

    @Override
    public void add(long position, Supplier<Instant> timestamp, Object event) {
        add(position, timestamp.get(), event);
    }

    /** Stages the event at {@code position}, appended at {@code timestamp}. */
    public void add(long position, Instant timestamp, Object event) {
        rules.contributionsOf(event, timestamp, facts).forEach(c -> staged.add(new Staged(position, c)));
    }

    @Override
    public void flush() {
        store.writeFacts(newFacts);
        newFacts.clear();
        if (staged.isEmpty()) {
            return;
        }
        Set<LocalDate> dates = new LinkedHashSet<>();
        staged.forEach(s -> dates.add(s.contribution().date()));
        Map<LocalDate, KpiStore.Day> stored = store.read(dates);
        Map<LocalDate, Map<String, BigDecimal>> measures = new HashMap<>();
        Map<LocalDate, Long> positions = new LinkedHashMap<>();
        for (Staged s : staged) {
            LocalDate date = s.contribution().date();
            KpiStore.Day before = stored.get(date);
            if (before != null && before.position() >= s.position()) {
                continue;
            }
            measures.computeIfAbsent(date, d -> before == null ? new HashMap<>() : new HashMap<>(before.measures()))
                    .merge(s.contribution().measure(), s.contribution().amount(), BigDecimal::add);
            positions.merge(date, s.position(), Math::max);
        }
        List<KpiStore.Day> changed = new ArrayList<>();
        positions.forEach((date, position) -> changed.add(new KpiStore.Day(date, measures.get(date), position)));
        store.write(changed);
        staged.clear();
    }
}
