package io.kontor.query.ledger.posting;

/**
 * A pure function from one event to what it posts. It never looks anything up: every amount it posts is in the
 * event, so a replay always reproduces the same ledger.
 *
 * @param <E> the event payload type
 */
@FunctionalInterface
public interface PostingRule<E> {

    Posting post(E event);
}
