package io.kontor.eventlog.audit;

/**
 * The outcome of recomputing Kontor's hash chain.
 *
 * @param verified            whether every commit from position 1 to the head recomputes to its stored hash
 * @param headPosition        the global position of the last event in the chain, 0 for an empty log
 * @param headHash            the stored hash of the last commit (the genesis hash for an empty log)
 * @param firstBrokenPosition the first global position whose stored content no longer matches its hashes,
 *                            {@code null} when verified
 * @param problem             what was wrong there, for people; {@code null} when verified
 */
public record VerificationResult(boolean verified, long headPosition, String headHash, Long firstBrokenPosition,
                                 String problem) {
}
