package io.slicer.engine.testing;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Measures heap bytes allocated by the current thread ({@code com.sun.management.ThreadMXBean}) over several
 * windows of the same work and reports the smallest. A hot path that allocates per event allocates in every window;
 * what shows up in only one window is the JVM's own transient business (a deoptimisation and recompile, a TLAB or
 * class-loading side effect) that a warmed-up engine does not repeat. Proving "0 bytes" on the smallest of a few
 * windows is therefore as strict about the code and far less fragile on a loaded machine than a single window.
 */
public final class AllocationMeter {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Windows measured after warm-up; the result is the smallest. */
    public static final int DEFAULT_WINDOWS = 5;

    private AllocationMeter() {
    }

    /** Bytes the current thread allocated while running {@code work} once. */
    public static long bytesAllocatedBy(final Runnable work) {
        final long thread = Thread.currentThread().getId();
        final long before = THREADS.getThreadAllocatedBytes(thread);
        work.run();
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }

    /** Runs {@code work} {@code warmUps} times, then returns the fewest bytes it allocated over {@code windows} runs. */
    public static long minimumBytes(final int warmUps, final int windows, final Runnable work) {
        for (int i = 0; i < warmUps; i++) {
            work.run();
        }
        long minimum = Long.MAX_VALUE;
        for (int w = 0; w < windows; w++) {
            minimum = Math.min(minimum, bytesAllocatedBy(work));
        }
        return minimum;
    }

    /** Asserts that {@code work}, once warmed up, allocates nothing in at least one of the measured windows. */
    public static void assertAllocationFree(final String what, final int warmUps, final Runnable work) {
        assertEquals(0, minimumBytes(warmUps, DEFAULT_WINDOWS, work), "bytes allocated by " + what);
    }
}
