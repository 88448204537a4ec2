package io.slicer.bench.engine;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ThreadFactory;

/**
 * What this machine allows before any Slicer code runs: the latency floor {@link LatencyHarness} is measured against.
 *
 * <ul>
 *   <li>{@code hiccup}: one thread spins on {@code System.nanoTime()} and records every gap between consecutive
 *   readings (jHiccup's idea). A gap is time the thread did not run: the OS or the hypervisor took the vCPU. It prints
 *   the gaps' percentiles and the share of wall time lost in gaps longer than 5 us.</li>
 *   <li>{@code ring}: the {@link LatencyHarness} publishing loop (fixed rate, latency from the <i>scheduled</i> time,
 *   so coordinated omission cannot hide a stall) into an LMAX Disruptor ring with the same single-producer,
 *   busy-spin setup and a consumer that does nothing but record. Two spinning threads, no engine.</li>
 * </ul>
 *
 * Both print the host's steal time over the window ({@code /proc/stat}). If the empty ring's p99 is already above a
 * latency target, no engine change can meet it on this machine.
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.engine.PlatformFloorHarness \
 *       [hiccup|ring] [rate per second, ring only] [seconds]
 * </pre>
 */
public final class PlatformFloorHarness {
    private static final long STALL_NANOS = 5_000;

    private PlatformFloorHarness() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final String mode = args.length > 0 ? args[0] : "ring";
        final long rate = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        final int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        final Thread main = new Thread(() -> {
            if (mode.equals("hiccup")) {
                hiccup(seconds);
            } else {
                ring(rate, seconds);
            }
        }, "publisher");
        main.start();
        main.join();
    }

    static void hiccup(final int seconds) {
        final Histogram gaps = new Histogram(10_000_000_000L, 3);
        spinAndRecord(gaps, System.nanoTime() + 2_000_000_000L); // warm-up: compile the loop
        gaps.reset();
        final long start = System.nanoTime();
        final long end = start + seconds * 1_000_000_000L;
        final RunQueueWait runQueue = new RunQueueWait(start, end, "publisher");
        final long stealBefore = stealNanos();
        final long lost = spinAndRecord(gaps, end);
        final long steal = stealNanos() - stealBefore;
        System.out.printf(Locale.ROOT, "hiccup: one spinning thread for %d s; gaps between consecutive nanoTime "
                + "readings%n", seconds);
        print("gap                    ", gaps);
        System.out.printf(Locale.ROOT, "time lost in gaps > %d us: %.2f ms per second (%.3f%% of wall time)%n",
                STALL_NANOS / 1_000, lost / 1e6 / seconds, 100.0 * lost / (end - start));
        System.out.printf(Locale.ROOT, "gaps > 1 ms: %d (%.2f per minute)%n",
                gaps.getCountBetweenValues(1_000_001, Long.MAX_VALUE / 2),
                gaps.getCountBetweenValues(1_000_001, Long.MAX_VALUE / 2) * 60.0 / seconds);
        System.out.println(runQueue.report());
        printSteal(steal, seconds);
    }

    /** Spins until {@code end}, records every gap, returns the total nanoseconds in gaps above the stall threshold. */
    private static long spinAndRecord(final Histogram gaps, final long end) {
        long lost = 0;
        long last = System.nanoTime();
        while (last < end) {
            final long now = System.nanoTime();
            final long gap = now - last;
            gaps.recordValue(gap);
            if (gap > STALL_NANOS) {
                lost += gap;
            }
            last = now;
        }
        return lost;
    }

    /** The event on the empty ring: when it was scheduled to be published, and whether it is measured. */
    static final class Stamp {
        long scheduled;
        int phase;
    }

    static void ring(final long rate, final int seconds) {
        final Histogram[] latency = {new Histogram(10_000_000_000L, 3), new Histogram(10_000_000_000L, 3)};
        final ThreadFactory consumerThread = r -> new Thread(r, "slicer-engine");
        final Disruptor<Stamp> disruptor = new Disruptor<>(Stamp::new, 1 << 16, consumerThread, ProducerType.SINGLE,
                new BusySpinWaitStrategy());
        disruptor.handleEventsWith((event, sequence, endOfBatch) ->
                latency[event.phase].recordValue(Math.max(0, System.nanoTime() - event.scheduled)));
        final RingBuffer<Stamp> ring = disruptor.start();
        final long interval = 1_000_000_000L / rate;
        final long start = System.nanoTime() + 1_000_000;
        final long measureFrom = start + 5_000_000_000L;
        final long end = measureFrom + seconds * 1_000_000_000L;
        final RunQueueWait runQueue = new RunQueueWait(measureFrom, end, "publisher", "slicer-engine");
        final long[] stealAt = new long[2];
        long scheduled = start;
        long i = 0;
        while (scheduled < end) {
            final int phase = LatencyHarness.phase(scheduled, measureFrom);
            while (System.nanoTime() < scheduled) {
                Thread.onSpinWait();
            }
            final long sequence = ring.next();
            final Stamp stamp = ring.get(sequence);
            stamp.scheduled = scheduled;
            stamp.phase = phase;
            ring.publish(sequence);
            if (i == (measureFrom - start) / interval) {
                stealAt[0] = stealNanos();
            }
            i++;
            scheduled = start + i * interval;
        }
        stealAt[1] = stealNanos();
        disruptor.shutdown();
        System.out.printf(Locale.ROOT, "empty ring: rate=%d/s, %d s after 5 s warm-up, single producer, busy-spin "
                + "consumer that only records%n", rate, seconds);
        print("scheduled-to-consumed  ", latency[1]);
        System.out.println(runQueue.report());
        printSteal(stealAt[1] - stealAt[0], seconds);
    }

    static void print(final String what, final Histogram h) {
        System.out.printf(Locale.ROOT, "%s ns: p50=%d p90=%d p99=%d p99.9=%d p99.99=%d max=%d count=%d%n", what,
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99), h.getMaxValue(), h.getTotalCount());
    }

    private static void printSteal(final long steal, final int seconds) {
        if (steal < 0) {
            System.out.println("steal: unavailable (no /proc/stat)");
        } else {
            System.out.printf(Locale.ROOT, "steal (hypervisor ran something else on our vCPUs): %.2f ms per second, "
                    + "all vCPUs together%n", steal / 1e6 / seconds);
        }
    }

    /** Total steal time of all CPUs in ns, from the first line of /proc/stat (in USER_HZ ticks); -1 if unreadable. */
    static long stealNanos() {
        try {
            final String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return Long.parseLong(cpu[8]) * 10_000_000L;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
