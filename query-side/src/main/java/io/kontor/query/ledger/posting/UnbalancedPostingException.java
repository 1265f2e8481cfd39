package io.kontor.query.ledger.posting;

/**
 * A posting rule produced lines that do not balance. This is a bug in the rule, never a user error: the ledger
 * projection stops on it rather than post it.
 */
public class UnbalancedPostingException extends IllegalStateException {

    public UnbalancedPostingException(String message) {
        super(message);
    }
}
