package io.slicer.tools.eval;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.OrderTerms;
import io.slicer.engine.order.TacticChooser;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.SeedMeasuredEpisode;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

/**
 * Runs every strategy on the same episodes (common random numbers) and compares each with the baseline.
 *
 * <p>Episode i is {@code episode.reset(seed, i)} for every strategy, so strategy differences are paired. The episode
 * indices are cut into contiguous blocks; a worker runs a block with its own {@link Episode} and its own strategy
 * instances and writes each result at its episode index. Statistics are computed only after every block is done,
 * reading the arrays in index order, so 1 thread and N threads give identical bits.
 */
public final class PairedEvaluation {
    /** The strategy everything is compared with: exact equal slices. */
    public static final String BASELINE = "twap";

    /** Blocks per thread: small enough to balance load, large enough to amortise per-block set-up. */
    private static final int BLOCKS_PER_THREAD = 4;

    private PairedEvaluation() {
    }

    /**
     * Evaluates {@code strategies} against TWAP ({@code twap}, or {@code twap/cross} when that is listed instead); when
     * TWAP is not among them it is resolved with
     * {@link EvaluationStrategies} and added first ({@link EvaluationReport#baselineAdded()}).
     */
    public static EvaluationReport run(final Scenario scenario, final List<NamedStrategy> strategies,
                                       final EvaluationConfig config) {
        // twap/cross is TWAP by another name: listed, it is the baseline rather than a second copy of it.
        final String listed = strategies.stream().map(NamedStrategy::name)
                .filter(n -> n.equals(BASELINE) || n.equals(BASELINE + "/" + ChildTactic.CROSS.spec()))
                .findFirst().orElse(null);
        if (listed != null) {
            return run(scenario, strategies, config, listed, null);
        }
        final NamedStrategy baseline = EvaluationStrategies.resolve(scenario, BASELINE, config.riskAversion());
        return run(scenario, strategies, config, BASELINE, baseline);
    }

    /**
     * Evaluates {@code strategies} against the one named {@code baselineName}; if it is not listed,
     * {@code extraBaseline} (named {@code baselineName}) is added first.
     */
    public static EvaluationReport run(final Scenario scenario, final List<NamedStrategy> strategies,
                                       final EvaluationConfig config, final String baselineName,
                                       final NamedStrategy extraBaseline) {
        if (strategies.isEmpty() && extraBaseline == null) {
            throw new IllegalArgumentException("no strategies to evaluate");
        }
        final List<NamedStrategy> all = new ArrayList<>();
        final boolean added = strategies.stream().noneMatch(s -> s.name().equals(baselineName));
        if (added) {
            if (extraBaseline == null || !extraBaseline.name().equals(baselineName)) {
                throw new IllegalArgumentException("baseline '" + baselineName + "' is not among the strategies");
            }
            all.add(extraBaseline);
        }
        all.addAll(strategies);
        final TreeSet<String> names = new TreeSet<>();
        for (final NamedStrategy s : all) {
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("strategy '" + s.name() + "' is listed twice");
            }
        }

        final int n = config.episodes();
        final int slices = scenario.terms().slices();
        final int k = all.size();
        final EpisodeSamples[] samples = new EpisodeSamples[k];
        for (int j = 0; j < k; j++) {
            samples[j] = new EpisodeSamples(n);
        }
        final int blocks = Math.min(n, config.threads() * BLOCKS_PER_THREAD);
        final List<BlockResult> results = runBlocks(scenario, all, config, samples, blocks);

        final EpisodeTrace[] traces = new EpisodeTrace[k];
        final long[][] scheduleSums = new long[k][slices];
        for (final BlockResult b : results) {
            for (int j = 0; j < k; j++) {
                if (b.traces[j] != null) {
                    traces[j] = b.traces[j];
                }
                for (int p = 0; p < slices; p++) {
                    scheduleSums[j][p] += b.scheduleSums[j][p];
                }
            }
        }
        final int baselineIndex = indexOf(all, baselineName);
        final List<StrategyEvaluation> evaluations = new ArrayList<>(k);
        for (int j = 0; j < k; j++) {
            final double[] meanSchedule = new double[slices];
            for (int p = 0; p < slices; p++) {
                meanSchedule[p] = (double) scheduleSums[j][p] / n;
            }
            final StrategyStats stats = StrategyStats.of(samples[j], samples[baselineIndex], config.riskAversion(),
                    scenario.terms().participationLimit());
            evaluations.add(new StrategyEvaluation(all.get(j).name(), samples[j], stats, traces[j], meanSchedule));
        }
        final OrderTerms terms = scenario.terms();
        final EvaluationReport.ScenarioSummary summary = new EvaluationReport.ScenarioSummary(scenario.name(),
                scenario.description(), terms.instrument(), terms.side(), terms.quantity(), slices,
                terms.arrivalPrice(), terms.sigmaPerSlice(), terms.participationLimit(), scenario.marketDataRejected());
        return new EvaluationReport(summary, config, baselineName, added, evaluations);
    }

    private static int indexOf(final List<NamedStrategy> all, final String name) {
        for (int j = 0; j < all.size(); j++) {
            if (all.get(j).name().equals(name)) {
                return j;
            }
        }
        throw new IllegalArgumentException("baseline '" + name + "' is not among the strategies");
    }

    private static List<BlockResult> runBlocks(final Scenario scenario, final List<NamedStrategy> strategies,
                                               final EvaluationConfig config, final EpisodeSamples[] samples,
                                               final int blocks) {
        final int n = config.episodes();
        final List<BlockResult> results = new ArrayList<>(blocks);
        if (config.threads() == 1) {
            for (int b = 0; b < blocks; b++) {
                results.add(runBlock(scenario, strategies, config, samples, start(b, blocks, n),
                        start(b + 1, blocks, n)));
            }
            return results;
        }
        final ExecutorService pool = Executors.newFixedThreadPool(config.threads(), WORKERS);
        try {
            final List<Future<BlockResult>> futures = new ArrayList<>(blocks);
            for (int b = 0; b < blocks; b++) {
                final int from = start(b, blocks, n);
                final int to = start(b + 1, blocks, n);
                futures.add(pool.submit(() -> runBlock(scenario, strategies, config, samples, from, to)));
            }
            for (final Future<BlockResult> f : futures) {
                results.add(f.get());
            }
            return results;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("evaluation interrupted", e);
        } catch (final ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static int start(final int block, final int blocks, final int episodes) {
        return (int) ((long) episodes * block / blocks);
    }

    /** Runs episodes [from, to) for every strategy with this worker's own episode and strategy instances. */
    private static BlockResult runBlock(final Scenario scenario, final List<NamedStrategy> strategies,
                                        final EvaluationConfig config, final EpisodeSamples[] samples,
                                        final int from, final int to) {
        final int k = strategies.size();
        final BlockResult out = new BlockResult(k, scenario.terms().slices());
        final SliceDecision decision = new SliceDecision();
        for (int j = 0; j < k; j++) {
            final NamedStrategy named = strategies.get(j);
            final Episode episode = scenario.newEpisode();
            episode.tactic(named.factory().tactic());
            final TacticChooser chooser = named.factory().tacticChooser();
            episode.tacticChooser(chooser == null ? null : chooser.copy());
            final SliceStrategy strategy = named.factory().create(scenario.terms());
            final long[] schedule = out.scheduleSums[j];
            for (int i = from; i < to; i++) {
                final EpisodeResult r;
                try {
                    r = EpisodeRunner.run(episode, strategy, decision, config.seed(), i);
                } catch (final RuntimeException e) {
                    throw new IllegalStateException("strategy '" + named.name() + "' failed on episode " + i
                            + " of scenario '" + scenario.name() + "': " + e.getMessage(), e);
                }
                samples[j].record(i, r);
                if (episode instanceof SeedMeasuredEpisode seed) {
                    samples[j].recordSeed(i, seed);
                }
                final int recorded = Math.min(r.slicesRecorded(), schedule.length);
                for (int p = 0; p < recorded; p++) {
                    schedule[p] += r.shares(p);
                }
                if (i == config.traceEpisode()) {
                    out.traces[j] = EpisodeTrace.of(i, r);
                }
            }
        }
        return out;
    }

    private static final class BlockResult {
        final EpisodeTrace[] traces;
        final long[][] scheduleSums;

        BlockResult(final int strategies, final int slices) {
            traces = new EpisodeTrace[strategies];
            scheduleSums = new long[strategies][slices];
        }
    }

    private static final ThreadFactory WORKERS = r -> {
        final Thread t = new Thread(r, "slicer-eval");
        t.setDaemon(true);
        return t;
    };
}
