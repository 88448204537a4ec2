package io.slicer.engine.decision;

/**
 * What a strategy decides for one slice: trade up to {@link #shares()} shares, but no more than
 * {@link #participationCap()} of the slice's market volume (NaN: no cap). Mutable and reused so the hot path
 * allocates nothing. The action fields exist for the journal: they record what a learned policy chose.
 */
public final class SliceDecision {
    private long shares;
    private double participationCap = Double.NaN;
    private int actionIndex = -1;
    private double actionValue = Double.NaN;

    /** Clears the decision to "trade nothing, no cap, no action". */
    public SliceDecision clear() {
        shares = 0;
        participationCap = Double.NaN;
        actionIndex = -1;
        actionValue = Double.NaN;
        return this;
    }

    public SliceDecision shares(final long shares) {
        this.shares = shares;
        return this;
    }

    public SliceDecision participationCap(final double cap) {
        this.participationCap = cap;
        return this;
    }

    public SliceDecision action(final int index, final double value) {
        this.actionIndex = index;
        this.actionValue = value;
        return this;
    }

    public long shares() {
        return shares;
    }

    public double participationCap() {
        return participationCap;
    }

    public boolean hasParticipationCap() {
        return !Double.isNaN(participationCap);
    }

    /** Index of the discrete action a policy chose, or -1 for schedules and continuous policies. */
    public int actionIndex() {
        return actionIndex;
    }

    /** The action in its own unit (fraction, TWAP multiple, participation rate), or NaN. */
    public double actionValue() {
        return actionValue;
    }
}
