package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slicer.tools.demo.CodeVersion;
import io.slicer.tools.demo.DemoEngineDay;
import io.slicer.tools.demo.DemoTraining;
import io.slicer.tools.demo.ModelCache;
import io.slicer.tools.eval.EvaluationConfig;
import io.slicer.tools.eval.EvaluationJson;
import io.slicer.tools.eval.EvaluationReport;
import io.slicer.tools.eval.EvaluationStrategies;
import io.slicer.tools.eval.NamedStrategy;
import io.slicer.tools.eval.PairedEvaluation;
import io.slicer.tools.eval.StrategyEvaluation;
import io.slicer.tools.report.ComparisonTable;
import io.slicer.tools.report.ReportWriter;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.sim.historical.HistoricalScenario;
import io.slicer.tools.train.TrainedPolicy;
import io.slicer.tools.train.TrainingSeeds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code slicer demo}: everything Slicer does, end to end, in a few minutes: train (or reuse) a DQN and a
 * constrained IQL policy, evaluate them against the classic schedules on paired episodes, trade a simulated day
 * through the real engine with its journal and replay it bit for bit, slice orders over a real LOBSTER day, judge a
 * DQN trained on earlier real CME sessions on later ones, and write a report folder.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        description = {
                "Trains (or reuses) DQN and constrained-IQL policies, evaluates TWAP, VWAP, POV, AC, DP, DQN and IQL "
                        + "on paired episodes, runs a simulated day through the engine and replays its journal, "
                        + "slices orders over the real AMZN LOBSTER day, judges a DQN trained on earlier CME 6E sessions"
                        + " on later ones, and writes a Markdown report with charts."})
public final class DemoCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LOBSTER_SPEC = "lobster:AMZN:300:12";
    private static final String CME_TRAIN_SPEC = "cme:6EH4:train";
    private static final String CME_TEST_SPEC = "cme:6EH4:test";
    /** AC's lambda in the comparison: a half-life of about a day and a half on stochastic-liquidity. */
    private static final String AC_RISK_AVERSION = "2e-8";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "stochastic-liquidity",
            description = "Scenario to train and evaluate on (default: ${DEFAULT-VALUE}).")
    String scenarioName;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "10000",
            description = "Paired evaluation episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + TrainingSeeds.DEFAULT_TRAINING_SEED,
            description = "Training seed (default: ${DEFAULT-VALUE}); evaluation always uses the held-out seed "
                    + EvaluationConfig.DEFAULT_SEED + ".")
    long trainingSeed;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "slicer-report",
            description = "Report folder (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--json", description = "Print one JSON document on stdout (the readable output goes to stderr).")
    boolean json;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = ".slicer/models",
            description = "Model cache, keyed by scenario, seed and code version (default: ${DEFAULT-VALUE}).")
    Path models;

    @Option(names = "--threads", paramLabel = "T", description = "Evaluation threads (default: all cores).")
    Integer threads;

    @Option(names = "--dqn-episodes", paramLabel = "N", defaultValue = "" + DemoTraining.DQN_EPISODES,
            description = "DQN training episodes (default: ${DEFAULT-VALUE}).")
    int dqnEpisodes;

    @Option(names = "--iql-steps", paramLabel = "N", defaultValue = "" + DemoTraining.IQL_STEPS,
            description = "IQL gradient steps (default: ${DEFAULT-VALUE}).")
    int iqlSteps;

    @Override
    public Integer call() throws IOException {
        final PrintWriter stdout = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter out = json ? err : stdout;
        final ObjectNode doc = JSON.createObjectNode().put("schema", "slicer.demo.v1");
        CliArguments.requireEvaluationEpisodes(episodes);
        if (dqnEpisodes < 1 || iqlSteps < 1) {
            throw new IllegalArgumentException("--dqn-episodes and --iql-steps must be at least 1, got " + dqnEpisodes
                    + " and " + iqlSteps);
        }
        TrainingSeeds.requireTrainingSeed(trainingSeed);
        final long started = System.nanoTime();
        final Scenario scenario = Scenarios.byName(scenarioName);
        final StringBuilder summary = new StringBuilder("# Slicer demo\n\n");

        // 1. Policies: trained once per (scenario, seed, code version), then reused.
        stage(out, 1, "Policies for " + scenario.name());
        final ModelCache cache = new ModelCache(models, CodeVersion.fingerprint());
        final DemoTraining training = new DemoTraining(scenario, trainingSeed, dqnEpisodes, iqlSteps);
        final Path dqn = obtain(cache, scenario, training.dqnKey(), "DQN",
                () -> training.dqn(new ProgressBar(err, "  DQN")), out, err);
        final Path iql = obtain(cache, scenario, training.iqlKey(), "IQL",
                () -> training.iql(new ProgressBar(err, "  IQL")), out, err);

        summary.append("## Policies\n\n- DQN: `").append(dqn).append("`\n- IQL: `").append(iql).append("`\n\n");
        doc.put("scenario", scenario.name()).put("trainingSeed", trainingSeed);
        doc.putObject("models").put("dqn", dqn.toString()).put("iql", iql.toString());

        // 2. Paired evaluation on the held-out seed.
        stage(out, 2, String.format(Locale.ROOT, "Paired evaluation: %,d episodes of %s, evaluation seed %d",
                episodes, scenario.name(), EvaluationConfig.DEFAULT_SEED));
        final int workers = CliArguments.threadsOrAllCores(threads);
        // The learned policies minimise expected cost, so the comparison is risk-neutral: lambda 0 for the objective
        // and for the DP optimum. AC gets a small lambda of its own, so it shows the cost of trading for less risk
        // (at lambda 0 it would be exactly TWAP).
        final EvaluationConfig config = new EvaluationConfig(episodes, EvaluationConfig.DEFAULT_SEED, 0.0, workers);
        final List<NamedStrategy> strategies = new java.util.ArrayList<>(EvaluationStrategies.resolveAll(scenario,
                "twap,vwap,pov,ac:" + AC_RISK_AVERSION + ",dp", config.riskAversion()));
        strategies.add(new NamedStrategy("dqn", EvaluationStrategies.resolve(scenario, "dqn:" + dqn, 0.0).factory()));
        strategies.add(new NamedStrategy("iql", EvaluationStrategies.resolve(scenario, "iql:" + iql, 0.0).factory()));
        final EvaluationReport evaluation = PairedEvaluation.run(scenario, strategies, config);
        final String table = ComparisonTable.render(evaluation);
        out.print(table);
        out.flush();
        final Path evaluationDir = reportDir.resolve("evaluation");
        ReportWriter.write(evaluation, evaluationDir);
        summary.append("## Paired evaluation (").append(scenario.name()).append(")\n\n```\n").append(table)
                .append("```\n\nFull report: [evaluation/report.md](evaluation/report.md)\n\n");
        doc.set("evaluation", EvaluationJson.toTree(evaluation));

        // 3. A day through the engine, journaled, then replayed.
        stage(out, 3, "A simulated day through the engine, journaled and replayed");
        final DemoEngineDay.Outcome day = DemoEngineDay.run(scenario, dqn, reportDir.resolve("journal"), out, err);
        summary.append(day.markdown());
        final ObjectNode engineDay = doc.putObject("engineDay");
        engineDay.setAll((ObjectNode) JSON.valueToTree(day.engineDay()));
        engineDay.put("replayMatched", day.replayMatched())
                .put("simulatedSamePolicyIsBps", day.simulatedDqnIsBps())
                .put("simulatedTwapIsBps", day.simulatedTwapIsBps())
                .put("journal", reportDir.resolve("journal").toString());

        // 4. A real day.
        stage(out, 4, "Slicing over the real AMZN day (LOBSTER, 2012-06-21)");
        summary.append(realDay(out, workers, doc.putObject("realDay")));

        // 5. Out of sample on real data.
        stage(out, 5, "Out of sample on real data: a DQN trained on earlier CME 6E sessions, judged on later ones");
        summary.append(outOfSample(cache, out, err, workers, doc.putObject("outOfSample")));

        final Path summaryFile = reportDir.resolve("README.md");
        Files.writeString(summaryFile, summary.toString(), StandardCharsets.UTF_8);
        stage(out, 6, "Report");
        final double seconds = (System.nanoTime() - started) / 1e9;
        out.printf(Locale.ROOT, "  %s%n  (demo took %.0f s)%n", summaryFile.toAbsolutePath(), seconds);
        out.flush();
        if (json) {
            doc.put("report", summaryFile.toAbsolutePath().toString()).put("seconds", seconds);
            stdout.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc));
            stdout.flush();
        }
        return 0;
    }

    private Path obtain(final ModelCache cache, final Scenario scenario, final String key, final String label,
                        final Supplier<TrainedPolicy> trainer, final PrintWriter out, final PrintWriter err) {
        final long seed = trainingSeed;
        final boolean cached = cache.has(scenario, key, seed);
        final long t0 = System.nanoTime();
        final Path dir = cache.getOrTrain(scenario, key, seed, () -> {
            final TrainedPolicy p = trainer.get();
            err.println();
            err.flush();
            return p;
        });
        out.printf(Locale.ROOT, "  %s: %s %s%n", label,
                cached ? "reused" : String.format(Locale.ROOT, "trained in %.0f s ->", (System.nanoTime() - t0) / 1e9),
                dir);
        out.flush();
        return dir;
    }

    /** Stage 4: classic schedules over the real AMZN day; fills {@code json} and returns the report section. */
    private String realDay(final PrintWriter out, final int workers, final ObjectNode json) {
        final Scenario day;
        try {
            day = Scenarios.byName(LOBSTER_SPEC);
        } catch (IllegalArgumentException e) {
            return skipped("Real day (AMZN, LOBSTER)", e, out, json);
        }
        // Each start time of the day is one parent order; more episodes than start times would repeat paths.
        final int orders = day instanceof HistoricalScenario h ? h.episodeCount() : episodes;
        final EvaluationConfig config = new EvaluationConfig(orders, EvaluationConfig.DEFAULT_SEED, 0.0, workers);
        final EvaluationReport report = PairedEvaluation.run(day,
                EvaluationStrategies.resolveAll(day, "twap,vwap,pov", 0.0), config);
        final StringBuilder md = new StringBuilder("## Real day (AMZN, LOBSTER 2012-06-21)\n\n")
                .append(day.description()).append("\n\n")
                .append("| strategy | parent orders | mean IS (bps) | std (bps) | VWAP slippage (bps) | mean participation |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        out.printf(Locale.ROOT, "  %d parent orders of %,d shares over %d five-minute bars each%n", orders,
                day.terms().quantity(), day.terms().slices());
        for (final StrategyEvaluation s : report.strategies()) {
            final String line = String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.1f%% |", s.name(),
                    orders, s.stats().isBps().mean(), s.stats().isBps().std(), s.stats().vwapSlippageBps(),
                    100 * s.stats().participationMean());
            md.append(line).append('\n');
            out.printf(Locale.ROOT, "  %-6s IS %7.2f bps (std %6.2f)   VWAP slippage %6.2f bps%n", s.name(),
                    s.stats().isBps().mean(), s.stats().isBps().std(), s.stats().vwapSlippageBps());
        }
        out.flush();
        ReportWriter.write(report, reportDir.resolve("lobster-amzn"));
        json.setAll(EvaluationJson.toTree(report));
        md.append("\nFull report: [lobster-amzn/report.md](lobster-amzn/report.md)\n\n");
        return md.toString();
    }

    /**
     * Stage 5: the demo's DQN budget trained on the first two thirds of the CME sessions, then TWAP, VWAP and that DQN
     * on the last third (docs/results/cme-6e.md); fills {@code json} and returns the report section.
     */
    private String outOfSample(final ModelCache cache, final PrintWriter out, final PrintWriter err,
                               final int workers, final ObjectNode json) {
        final Scenario train;
        final HistoricalScenario test;
        try {
            train = Scenarios.byName(CME_TRAIN_SPEC);
            test = (HistoricalScenario) Scenarios.byName(CME_TEST_SPEC);
        } catch (IllegalArgumentException e) {
            return skipped("Out of sample on real data (CME 6E)", e, out, json);
        }
        final DemoTraining training = new DemoTraining(train, trainingSeed, dqnEpisodes, iqlSteps);
        final Path dqn = obtain(cache, train, training.dqnKey(), "DQN on " + train.name(),
                () -> training.dqn(new ProgressBar(err, "  DQN")), out, err);
        final EvaluationConfig config = new EvaluationConfig(test.episodeCount(), EvaluationConfig.DEFAULT_SEED, 0.0,
                workers);
        final List<NamedStrategy> strategies = new java.util.ArrayList<>(EvaluationStrategies.resolveAll(test,
                "twap,vwap", 0.0));
        strategies.add(new NamedStrategy("dqn", EvaluationStrategies.resolve(test, "dqn:" + dqn, 0.0).factory()));
        final EvaluationReport report = PairedEvaluation.run(test, strategies, config);
        final String table = ComparisonTable.render(report);
        out.print(table);
        out.flush();
        ReportWriter.write(report, reportDir.resolve("cme-6e"));
        json.put("model", dqn.toString()).setAll(EvaluationJson.toTree(report));
        return "## Out of sample on real data (CME 6E)\n\n" + test.description() + "\n\nThe DQN was trained on "
                + train.name() + " (the earlier sessions) and is judged here on sessions it never saw.\n\n```\n" + table
                + "```\n\nFull report: [cme-6e/report.md](cme-6e/report.md)\n\n";
    }

    /** A real-data stage whose data is not there: says why on the console, in the JSON and in the report. */
    private static String skipped(final String section, final IllegalArgumentException e, final PrintWriter out,
                                  final ObjectNode json) {
        out.println("  skipped: " + e.getMessage());
        out.flush();
        json.put("skipped", e.getMessage());
        return "## " + section + "\n\nSkipped: " + e.getMessage() + "\n\n";
    }

    private static void stage(final PrintWriter out, final int n, final String title) {
        out.printf(Locale.ROOT, "%n[%d/6] %s%n", n, title);
        out.flush();
    }
}
