package io.slicer.tools.day;

import io.slicer.journal.EngineSettings;
import io.slicer.journal.JournaledEngine;
import io.slicer.journal.RingJournal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs (or, on an existing journal, recovers and finishes) a {@link SimulatedDay} with a journal and an
 * {@link OmsLog}, on the synchronous journaled engine or the ring engine. Its {@link #main} is what the crash tests
 * start in a child JVM and kill.
 */
public final class DayRunner {
    public static final String ENGINE_VERSION = "slicer-journal-day";
    public static final List<String> STRATEGIES = List.of("twap", "pov:0.1");

    private DayRunner() {
    }

    /** What one run did: whether it recovered, what it reconciled, and the inputs the engine ended with. */
    public record Outcome(boolean recovered, long inputsReplayed, List<String> reconciled, long inputs,
                          long children) {
    }

    /**
     * Runs the standard day of {@code seed}. {@code paceNanos} > 0 pauses after each simulated second (so a test
     * can kill the process part way); {@code progress} receives each finished second.
     */
    public static Outcome run(final Path journalDir, final Path omsLog, final long seed, final long paceNanos,
                              final java.util.function.LongConsumer progress) {
        return run(journalDir, omsLog, seed, STRATEGIES, paceNanos, progress);
    }

    /** The standard day with other strategies: orders 1 and 3 use strategy 0, order 2 strategy 1. */
    public static Outcome run(final Path journalDir, final Path omsLog, final long seed, final List<String> strategies,
                              final long paceNanos, final java.util.function.LongConsumer progress) {
        return run(journalDir, omsLog, SimulatedDay.standard(seed, strategies.size()), strategies, paceNanos,
                progress);
    }

    /** {@code day} on the synchronous journaled engine with {@code strategies}. */
    public static Outcome run(final Path journalDir, final Path omsLog, final SimulatedDay day,
                              final List<String> strategies, final long paceNanos,
                              final java.util.function.LongConsumer progress) {
        try (OmsLog oms = new OmsLog(omsLog);
             JournaledEngine engine = JournaledEngine.open(journalDir, ENGINE_VERSION, EngineSettings.parse(""),
                     strategies, oms)) {
            final List<String> reconciled = SimulatedDay.reconcile(engine, oms);
            final boolean recovered = engine.recovery() != null;
            final long replayed = recovered ? engine.recovery().inputsReplayed() : 0;
            day.play(engine, oms, second -> {
                progress.accept(second);
                if (paceNanos > 0) {
                    LockSupport.parkNanos(paceNanos);
                }
            });
            return new Outcome(recovered, replayed, reconciled, engine.core().sequence(),
                    engine.core().childrenSent());
        }
    }

    /**
     * The standard day of {@code seed} on the ring engine ({@link RingJournal}): recovers an existing journal, sends
     * what the OMS never received, and publishes the rest of the day.
     */
    public static Outcome runOnRing(final Path journalDir, final Path omsLog, final long seed, final long paceNanos,
                                    final java.util.function.LongConsumer progress) {
        final SimulatedDay day = SimulatedDay.standard(seed, STRATEGIES.size());
        try (OmsLog oms = new OmsLog(omsLog);
             RingJournal ring = RingJournal.open(journalDir, ENGINE_VERSION, EngineSettings.parse(""), STRATEGIES,
                     oms)) {
            final List<String> reconciled = SimulatedDay.reconcile(ring, oms);
            final boolean recovered = ring.recovery() != null;
            final long replayed = recovered ? ring.recovery().inputsReplayed() : 0;
            day.play(ring, oms, second -> {
                progress.accept(second);
                if (paceNanos > 0) {
                    LockSupport.parkNanos(paceNanos);
                }
            });
            return new Outcome(recovered, replayed, reconciled, ring.engine().core().sequence(),
                    ring.engine().core().childrenSent());
        }
    }

    /**
     * {@code DayRunner JOURNAL_DIR OMS_LOG SEED PACE_MICROS [ring|amends]}: prints "second N" as it goes and
     * "done ..." at the end; {@code ring} runs the day on the ring engine instead of the synchronous one,
     * {@code amends} runs {@link SimulatedDay#standardWithAmends} on the synchronous one.
     */
    public static void main(final String[] args) {
        final Path journal = Path.of(args[0]);
        final Path oms = Path.of(args[1]);
        final long seed = Long.parseLong(args[2]);
        final long pace = Long.parseLong(args[3]) * 1_000L;
        final java.util.function.LongConsumer progress = second -> {
            System.out.println("second " + second);
            System.out.flush();
        };
        final boolean onRing = args.length > 4 && args[4].equals("ring");
        final boolean amends = args.length > 4 && args[4].equals("amends");
        final Outcome outcome = onRing ? runOnRing(journal, oms, seed, pace, progress)
                : amends ? run(journal, oms, SimulatedDay.standardWithAmends(seed, STRATEGIES.size()), STRATEGIES,
                        pace, progress)
                : run(journal, oms, seed, pace, progress);
        System.out.println("done recovered=" + outcome.recovered() + " replayed=" + outcome.inputsReplayed()
                + " reconciled=" + outcome.reconciled() + " inputs=" + outcome.inputs());
    }
}
