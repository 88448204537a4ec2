package io.slicer.tools.demo;

import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReplayer;
import io.slicer.journal.ModelArchive;
import io.slicer.journal.ReplaySummary;
import io.slicer.journal.RingJournal;
import io.slicer.tools.day.ScenarioDay;
import io.slicer.tools.eval.EvaluationConfig;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.Scenario;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Stage 3 of {@code slicer demo}: one day of the scenario (the first held-out evaluation episode) traded by the DQN
 * through the real engine (ring, policy, risk checks, journal), the journal replayed bit for bit, and the day set
 * against the simulator on the same episode.
 */
public final class DemoEngineDay {
    /** The held-out evaluation seed's first episode: never seen in training. */
    public static final long SEED = EvaluationConfig.DEFAULT_SEED;
    public static final long EPISODE = 0;
    /**
     * What a journal directory holds, and the charts {@code slicer audit} leaves in it by default; a directory with
     * anything else is not the demo's to delete.
     */
    private static final Set<String> JOURNAL_ENTRIES = Set.of(JournalDirectory.QUEUE_DIR, ModelArchive.MODELS_DIR,
            JournalDirectory.AUDIT_DIR);

    private DemoEngineDay() {
    }

    /**
     * What the day produced: the engine's result, whether the replay matched bit for bit, the simulator's IS for the
     * same policy and for TWAP on the same episode, and the report's Markdown section.
     */
    public record Outcome(ScenarioDay.Result engineDay, boolean replayMatched, double simulatedDqnIsBps,
                          double simulatedTwapIsBps, String markdown) {
    }

    /**
     * Runs the day with the engine's default settings, kill switch included (a fresh journal in {@code journalDir}
     * each time), and returns its outcome. On 200 stochastic-liquidity days of training seed 7 the
     * default kill switch halts neither plain TWAP nor the demo's DQN (docs/results/kill-switch.md).
     */
    public static Outcome run(final Scenario scenario, final Path dqnModelDir, final Path journalDir,
                              final PrintWriter out, final PrintWriter err) {
        return run(scenario, dqnModelDir, journalDir, "", out, err);
    }

    /** The same with engine settings ({@code key=value;...}, as {@code slicer run --config}) over the defaults. */
    public static Outcome run(final Scenario scenario, final Path dqnModelDir, final Path journalDir,
                              final String engineSettings, final PrintWriter out, final PrintWriter err) {
        clearJournal(journalDir);
        final String spec = "dqn:" + dqnModelDir;
        final ScenarioDay day = new ScenarioDay(scenario, SEED, EPISODE);
        err.printf(Locale.ROOT, "  trading %s episode %d of seed %d through the engine...%n", scenario.name(),
                EPISODE, SEED);
        err.flush();
        final ScenarioDay.Venue venue = new ScenarioDay.Venue();
        final long t0 = System.nanoTime();
        final ScenarioDay.Result result;
        try (RingJournal ring = RingJournal.open(journalDir, CodeVersion.release(),
                ScenarioDay.settings(scenario, engineSettings), List.of(spec), venue)) {
            result = day.play(ring, venue);
        }
        final double daySeconds = (System.nanoTime() - t0) / 1e9;

        final long t1 = System.nanoTime();
        final ReplaySummary replay;
        try (JournalReplayer replayer = new JournalReplayer(journalDir)) {
            replay = replayer.run();
        }
        final double replaySeconds = (System.nanoTime() - t1) / 1e9;

        final EpisodeResult simulatedDqn = day.simulate(spec);
        final EpisodeResult simulatedTwap = day.simulateTwap();
        final String verdict = replay.matched()
                ? String.format(Locale.ROOT, "matched bit for bit: %,d records, %,d inputs, %,d decisions, %,d kill-switch transitions",
                replay.records(), replay.inputs(), replay.decisions(), replay.transitions())
                : "DIVERGED: " + replay.divergence().describe();

        out.printf(Locale.ROOT, "  %s %,d shares over %d slices, DQN through the ring: filled %,d (%s), IS %.2f bps"
                        + " (simulator on the same episode: DQN %.2f, TWAP %.2f; engine's TWAP benchmark %.2f)%n",
                result.side(), result.quantity(), result.slices(), result.filled(), result.status(),
                result.isBps(), simulatedDqn.isBps(), simulatedTwap.isBps(), result.engineTwapBenchmarkBps());
        out.printf(Locale.ROOT, "  %d decisions, %d children, %,d journal records in %.2f s; replay %s in %.2f s%n",
                result.decisions(), result.children(), result.journalRecords(), daySeconds,
                replay.matched() ? "matched bit for bit" : "DIVERGED", replaySeconds);
        if (!replay.matched()) {
            out.println("  " + replay.divergence().describe().replace("\n", "\n  "));
        }
        out.flush();
        if (!result.haltReason().isEmpty()) {
            out.printf(Locale.ROOT, "  the engine halted the order: %s after %d decisions%n", result.haltReason(),
                    result.decisions());
            out.flush();
        }
        return new Outcome(result, replay.matched(), simulatedDqn.isBps(), simulatedTwap.isBps(),
                markdown(scenario, dqnModelDir, journalDir, engineSettings, result, simulatedDqn, simulatedTwap,
                        verdict, daySeconds, replaySeconds, replay));
    }

    private static String markdown(final Scenario scenario, final Path dqn, final Path journal,
                                   final String engineSettings, final ScenarioDay.Result r, final EpisodeResult simDqn,
                                   final EpisodeResult simTwap, final String verdict, final double daySeconds,
                                   final double replaySeconds, final ReplaySummary replay) {
        final StringBuilder md = new StringBuilder("## A day through the engine\n\n");
        md.append(String.format(Locale.ROOT, "%s: %s %,d shares over %d slices, episode %d of the held-out "
                        + "evaluation seed %d, traded by the DQN through the engine (Disruptor ring -> policy -> "
                        + "risk checks -> journal); the market is the simulator's episode driven by the engine's child "
                        + "orders, so our own impact lies over the path exactly as in the simulator.%n%n",
                scenario.name(), r.side(), r.quantity(), r.slices(), r.episode(), r.seed()));
        md.append("| | engine day (DQN) | simulator, same episode: DQN | simulator, same episode: TWAP |\n")
                .append("|---|---:|---:|---:|\n");
        md.append(row("IS (bps)", r.isBps(), simDqn.isBps(), simTwap.isBps()));
        md.append(row("  temporary impact + spread", r.temporaryImpactBps(), simDqn.temporaryImpactBps(),
                simTwap.temporaryImpactBps()));
        md.append(row("  own permanent impact", r.permanentImpactBps(), simDqn.permanentImpactBps(),
                simTwap.permanentImpactBps()));
        md.append(row("  timing", r.timingBps(), simDqn.timingBps(), simTwap.timingBps()));
        md.append(row("  opportunity (unfilled)", r.opportunityBps(), simDqn.opportunityBps(),
                simTwap.opportunityBps()));
        md.append(row("VWAP slippage (bps)", r.vwapSlippageBps(), simDqn.vwapSlippageBps(),
                simTwap.vwapSlippageBps()));
        md.append(String.format(Locale.ROOT, "| shares filled | %,d | %,d | %,d |%n", r.filled(), simDqn.executed(),
                simTwap.executed()));
        md.append(String.format(Locale.ROOT, "%nEngine: order %s%s, %d decisions, %d children, %,d inputs, %,d journal"
                        + " records, %.2f s wall time (ring, journal and simulated venue). Its own running IS: %.2f "
                        + "bps; the IS of its TWAP benchmark on the same path: %.2f bps (the benchmark trades at "
                        + "the observed mid plus half-spread and the configured temporary impact; it carries no "
                        + "permanent impact of its own).%n%n", r.status(),
                r.haltReason().isEmpty() ? "" : " (" + r.haltReason() + ")", r.decisions(), r.children(),
                r.inputs(), r.journalRecords(), daySeconds, r.engineIsBps(), r.engineTwapBenchmarkBps()));
        if (!r.haltReason().isEmpty()) {
            md.append(String.format(Locale.ROOT, "The engine's kill switch halted the order (%s) after %d "
                    + "decisions; the engine-day column values the unfilled %,d shares at the mid it left them at "
                    + "(opportunity cost). The simulator has no kill switch: its columns trade the whole day.%n%n",
                    r.haltReason(), r.decisions(), r.quantity() - r.filled()));
        }
        md.append(String.format(Locale.ROOT, "Engine settings (journaled in the SESSION record): `%s`.%n%n",
                ScenarioDay.settings(scenario, engineSettings)));
        if (engineSettings.isEmpty()) {
            md.append("Kill switch: the engine's defaults. The order halts when its running IS exceeds what exact TWAP "
                    + "would have paid on the same observed path (same mids and spreads, temporary impact scaled by "
                    + "the liquidity seen in each slice) by more than TWAP's own cost of trading (k = 2, at least 5 "
                    + "bps) plus 3 standard deviations of the price noise its schedule's deviation from TWAP can "
                    + "create; or when a feature leaves the model card's training domain (3 sigma, or the range the "
                    + "trainer saw). On 200 days of this scenario (training seed 7) these defaults halt neither plain "
                    + "TWAP nor this DQN (the former defaults halted 39 and 79 of them); an order dumped into a "
                    + "drought, an untrained model and volatility 5 times the training volatility still trip it "
                    + "(docs/results/kill-switch.md).\n\n");
        }
        md.append(String.format(Locale.ROOT, "Replay of the journal through a fresh engine: **%s** (%.2f s, %,.0f "
                        + "inputs/s).%n%n", verdict, replaySeconds,
                replaySeconds > 0 ? replay.inputs() / replaySeconds : 0.0));
        md.append("Reproduce:\n\n```\n")
                .append("./slicer replay --journal ").append(journal).append('\n')
                .append(String.format(Locale.ROOT, "./slicer run --scenario %s --seed %d --episode %d --strategy "
                        + "dqn:%s --journal %s%s%n", scenario.name(), r.seed(), r.episode(), dqn,
                        journal.resolveSibling(journal.getFileName() + "-again"),
                        engineSettings.isEmpty() ? "" : " --config '" + engineSettings + "'"))
                .append("```\n\nThe first command replays this journal; the second trades the same day again into "
                        + "a new journal (a scenario day always starts a fresh one).\n\n");
        return md.toString();
    }

    private static String row(final String name, final double engine, final double dqn, final double twap) {
        return String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f |%n", name, engine, dqn, twap);
    }

    /**
     * Removes the journal a previous demo run left in {@code dir}, refusing a directory that holds anything a journal
     * does not (it is not the demo's to delete).
     */
    static void clearJournal(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir + " exists and is not a directory: expected the demo's journal "
                    + "directory (or nothing)");
        }
        try (Stream<Path> entries = Files.list(dir)) {
            final List<String> foreign = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !JOURNAL_ENTRIES.contains(name)).sorted().toList();
            if (!foreign.isEmpty()) {
                throw new IllegalArgumentException(dir + " holds " + foreign + ", which a journal does not: not "
                        + "deleting it; move it away or choose another --out");
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (final Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete the previous demo journal " + dir, e);
        }
    }
}
