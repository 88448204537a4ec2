package io.slicer.tools.sim.queue;

/**
 * The assumptions a queue replay makes that the data cannot settle: how cancellations at our price split
 * ({@link CancelAttribution}) and how long our orders take to reach the venue. The latency is an assumption, not a
 * measurement: one millisecond one way, a co-located desk's order path, applied to our joining (messages stamped
 * before we arrive are ahead of us) and to our cancel at the deadline (messages stamped before it arrives can still
 * fill us: the race). A peg's repricing is applied at the message that moved the touch, without latency.
 *
 * @param cancels       how cancellations at our price split between ahead and behind
 * @param latencyNanos  one-way latency of our new orders and cancels, nanoseconds (0 or more)
 */
public record QueueModel(CancelAttribution cancels, long latencyNanos) {
    /** One millisecond. */
    public static final long DEFAULT_LATENCY_NANOS = 1_000_000L;

    public QueueModel {
        if (cancels == null) {
            throw new IllegalArgumentException("queue model needs a cancel attribution");
        }
        if (latencyNanos < 0) {
            throw new IllegalArgumentException("order latency must be >= 0 ns, found " + latencyNanos);
        }
    }

    /** Pro rata cancellations, one millisecond of latency. */
    public static QueueModel defaults() {
        return new QueueModel(CancelAttribution.PRO_RATA_MODEL, DEFAULT_LATENCY_NANOS);
    }

    public QueueModel withCancels(final CancelAttribution attribution) {
        return new QueueModel(attribution, latencyNanos);
    }
}
