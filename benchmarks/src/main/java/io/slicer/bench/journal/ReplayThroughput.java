package io.slicer.bench.journal;

import io.slicer.journal.EngineSettings;
import io.slicer.journal.JournalReplayer;
import io.slicer.journal.JournaledEngine;
import io.slicer.journal.ReplaySummary;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Replay speed: journals a busy {@link SyntheticDay} of about two million inputs, then replays it (read, checksum,
 * decode, run a fresh engine, compare every output byte for byte) several times and prints journaled inputs per
 * second of wall time and of this thread's CPU time: median and range over the rounds.
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.journal.ReplayThroughput [rounds] [seconds]
 * </pre>
 */
public final class ReplayThroughput {
    private ReplayThroughput() {
    }

    public static void main(final String[] args) throws Exception {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
        final Path dir = Files.createTempDirectory("slicer-replay-bench");
        final SyntheticDay day = new SyntheticDay(42);
        long inputs;
        try (JournaledEngine engine = JournaledEngine.open(dir, "bench", EngineSettings.parse(
                "maxOrders=4096;maxSlices=100000"), List.of("twap"), day)) {
            for (long t = 0; t < seconds; t++) {
                day.second(t, engine::onEvent);
            }
            inputs = engine.core().sequence();
            System.out.printf("journaled %,d inputs, %,d decisions, %,d records in %s%n", inputs,
                    engine.core().decisions(), engine.journalRecords(), dir);
        }
        final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        final double[] wall = new double[rounds];
        final double[] cpu = new double[rounds];
        for (int r = 0; r < rounds + 1; r++) {
            final long cpu0 = mx.getCurrentThreadCpuTime();
            final long wall0 = System.nanoTime();
            final ReplaySummary summary;
            try (JournalReplayer replayer = new JournalReplayer(dir)) {
                summary = replayer.run();
            }
            final double w = summary.inputs() / ((System.nanoTime() - wall0) * 1e-9);
            final double c = summary.inputs() / ((mx.getCurrentThreadCpuTime() - cpu0) * 1e-9);
            if (!summary.matched() || summary.inputs() != inputs) {
                throw new IllegalStateException("replay did not match: " + summary);
            }
            System.out.printf("round %d%s: %,.0f inputs/s wall, %,.0f inputs/s cpu (%,d decisions compared)%n", r,
                    r == 0 ? " (warm-up)" : "", w, c, summary.decisions());
            if (r > 0) {
                wall[r - 1] = w;
                cpu[r - 1] = c;
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        System.out.printf("replay: median %,.0f inputs/s wall (range %,.0f..%,.0f), %,.0f inputs/s cpu (range %,.0f..%,.0f)%n",
                wall[rounds / 2], wall[0], wall[rounds - 1], cpu[rounds / 2], cpu[0], cpu[rounds - 1]);
    }
}
