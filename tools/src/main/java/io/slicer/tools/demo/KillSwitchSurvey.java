package io.slicer.tools.demo;

import io.slicer.journal.RingJournal;
import io.slicer.tools.day.ScenarioDay;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How often the kill switch halts a strategy on ordinary days: {@code days} episodes of a scenario under one seed
 * (a training seed, never the evaluation seed), each traded through the real engine ({@link ScenarioDay}), counting
 * halts by reason. The measurement behind {@code docs/results/kill-switch.md}.
 *
 * <pre>
 *   java @jvm.options -cp 'tools/target/slicer-tools.jar:tools/target/lib/*' io.slicer.tools.demo.KillSwitchSurvey \
 *       SCENARIO SEED DAYS STRATEGY [ENGINE_SETTINGS]
 * </pre>
 */
public final class KillSwitchSurvey {
    private KillSwitchSurvey() {
    }

    public static void main(final String[] args) throws IOException {
        if (args.length < 4) {
            System.err.println("usage: KillSwitchSurvey SCENARIO SEED DAYS STRATEGY [ENGINE_SETTINGS]");
            System.exit(2);
        }
        final Scenario scenario = Scenarios.byName(args[0]);
        final long seed = Long.parseLong(args[1]);
        final int days = Integer.parseInt(args[2]);
        final String strategy = args[3];
        final String settings = args.length > 4 ? args[4] : "";
        final Map<String, Integer> halts = new TreeMap<>();
        final Path root = Files.createTempDirectory("kill-switch-survey");
        double isSum = 0;
        try {
            for (int i = 0; i < days; i++) {
                final Path journal = root.resolve("day-" + i);
                final ScenarioDay day = new ScenarioDay(scenario, seed, i);
                final ScenarioDay.Venue venue = new ScenarioDay.Venue();
                final ScenarioDay.Result r;
                try (RingJournal ring = RingJournal.open(journal, CodeVersion.release(),
                        ScenarioDay.settings(scenario, settings), List.of(strategy), venue)) {
                    r = day.play(ring, venue);
                }
                delete(journal);
                isSum += r.isBps();
                if (!r.haltReason().isEmpty()) {
                    halts.merge(r.haltReason(), 1, Integer::sum);
                    System.out.printf(Locale.ROOT, "episode %d: %s after %d decisions (IS %.2f bps, engine %.2f, "
                                    + "benchmark %.2f)%n", i, r.haltReason(), r.decisions(), r.isBps(),
                            r.engineIsBps(), r.engineTwapBenchmarkBps());
                }
            }
        } finally {
            delete(root);
        }
        final int total = halts.values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf(Locale.ROOT, "%s seed %d, %d days, %s, settings '%s': %d halted %s, mean IS %.2f bps%n",
                scenario.name(), seed, days, strategy, settings, total, halts, isSum / days);
    }

    private static void delete(final Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (final Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
