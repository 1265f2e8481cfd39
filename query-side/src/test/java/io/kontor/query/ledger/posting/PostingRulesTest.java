package io.kontor.query.ledger.posting;

import io.kontor.events.ledger.JournalEntryPosted;
import io.kontor.events.ledger.JournalEntryReversed;
import io.kontor.events.ledger.JournalLine;
import io.kontor.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.kontor.events.ledger.JournalLine.credit;
import static io.kontor.events.ledger.JournalLine.debit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostingRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final List<JournalLine> RENT = List.of(
            debit("6000", Money.dkk("1250.00")), credit("1010", Money.dkk("1250.00")));

    private final PostingRules rules = PostingRules.standard();

    /** The table: event in, posting out. Every later area adds its rows here. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(new JournalEntryPosted("je-1", DAY, "rent", RENT),
                        new Posting(DAY, "je-1", "rent", RENT)),
                Arguments.of(new JournalEntryReversed("je-1", "je-2", DAY.plusDays(1), "wrong account",
                                RENT.stream().map(JournalLine::mirrored).toList()),
                        new Posting(DAY.plusDays(1), "je-2", "reversal of je-1: wrong account", List.of(
                                credit("6000", Money.dkk("1250.00")), debit("1010", Money.dkk("1250.00"))))));
    }

    @ParameterizedTest
    @MethodSource("table")
    void eachRulePostsWhatTheTableSays(Object event, Posting expected) {
        assertThat(rules.postingFor(event)).contains(expected);
    }

    @Test
    void everyRegisteredEventTypeHasARowInTheTable() {
        Set<Class<?>> tabled = table().map(arguments -> arguments.get()[0].getClass()).collect(Collectors.toSet());
        assertThat(tabled).isEqualTo(rules.eventTypes());
    }

    @Test
    void anEventWithoutARulePostsNothing() {
        assertThat(rules.postingFor("not an event")).isEmpty();
    }

    @Test
    void anUnbalancedRuleIsCaughtNotPosted() {
        PostingRules broken = PostingRules.builder()
                .rule(JournalEntryPosted.class, e -> new Posting(e.date(), e.entryId(), e.description(),
                        List.of(debit("1000", Money.dkk("10.00")), credit("4000", Money.dkk("9.99")))))
                .build();
        assertThatThrownBy(() -> broken.postingFor(new JournalEntryPosted("je-1", DAY, "x", RENT)))
                .isInstanceOf(UnbalancedPostingException.class)
                .hasMessageContaining("unbalanced by 0.01 DKK");
    }

    @Test
    void aTypeGetsOneRuleOnly() {
        assertThatThrownBy(() -> PostingRules.builder()
                .rule(JournalEntryPosted.class, e -> null)
                .rule(JournalEntryPosted.class, e -> null))
                .isInstanceOf(IllegalStateException.class);
    }
}
