package io.slicer.engine.api;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The consumer thread's time per TIMER event (the event on which slices are decided), in nanoseconds, for monitors
 * to drain into histograms on their own threads: a single-producer ring of 4,096 longs written without allocation or
 * lock. Each monitor reads through its own {@link Reader}; one that falls more than the ring behind loses the oldest
 * samples and is told how many.
 */
public final class LatencySamples {
    private static final int CAPACITY = 4_096;
    private static final int MASK = CAPACITY - 1;

    private final long[] samples = new long[CAPACITY];
    private final AtomicLong written = new AtomicLong();

    /** Consumer thread: one sample. */
    void record(final long nanos) {
        final long w = written.getPlain();
        samples[(int) (w & MASK)] = nanos;
        written.setRelease(w + 1);
    }

    /** A reader that sees the samples recorded from now on; one thread per reader. */
    public Reader newReader() {
        return new Reader(written.getAcquire());
    }

    /** One monitor's position in the samples. */
    public final class Reader {
        private long read;

        private Reader(final long from) {
            this.read = from;
        }

        /**
         * Hands every sample written since the last drain to {@code sink}, oldest first; returns how many were lost
         * because the ring wrapped before they were read.
         */
        public long drain(final LongConsumer sink) {
            final long w = written.getAcquire();
            long lost = 0;
            if (w - read > CAPACITY) {
                lost = w - read - CAPACITY;
                read = w - CAPACITY;
            }
            for (; read < w; read++) {
                final long value = samples[(int) (read & MASK)];
                if (written.getAcquire() - read > CAPACITY) {
                    lost++;
                    continue;
                }
                sink.accept(value);
            }
            return lost;
        }
    }
}
