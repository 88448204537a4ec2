package io.slicer.engine.core;

import java.util.Arrays;

/**
 * The venue's message rate limit as the engine keeps it: at most {@code messages} messages (new children and cancels)
 * in any sliding window of {@code window} event-time nanoseconds, counted over the whole engine because that is what
 * a venue counts. The {@link Outbox} records every message it sends; the {@link PreTradeChecks} refuse a new child
 * that would exceed the limit. A cancel is never refused (a kill switch a throttle can delay is not one) but it uses
 * up the window, so a burst of cancels holds back the next new children rather than the venue's limit.
 *
 * <p>Allocation-free after construction. Engine thread.
 */
final class MessageThrottle {
    private final long window;
    private final long[] sendTimes;
    private int cursor;

    MessageThrottle(final int messages, final long window) {
        if (messages <= 0 || window <= 0) {
            throw new IllegalArgumentException("throttle must allow messages > 0 per window > 0 ns, got " + messages
                    + " per " + window + " ns");
        }
        this.window = window;
        this.sendTimes = new long[messages];
        Arrays.fill(sendTimes, Long.MIN_VALUE);
    }

    /** True when one more message at {@code now} stays within the limit. */
    boolean allows(final long now) {
        final long oldest = sendTimes[cursor];
        return oldest == Long.MIN_VALUE || now - oldest >= window;
    }

    /** A message left at {@code now}. */
    void record(final long now) {
        sendTimes[cursor] = now;
        cursor = cursor + 1 == sendTimes.length ? 0 : cursor + 1;
    }
}
