package io.slicer.journal;

/**
 * What a replay went through, and its first divergence (null when every output matched bit for bit);
 * {@code childCancels}: the CHILD_CANCEL records (cancel requests) that matched.
 */
public record ReplaySummary(long records, long sessions, long inputs, long decisions, long transitions,
                            long anomalies, long childrenSent, Divergence divergence, long shadowDecisions,
                            long childCancels) {
    public boolean matched() {
        return divergence == null;
    }
}
