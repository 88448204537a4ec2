package io.slicer.tools.cli;

import io.slicer.tools.eval.EvaluationConfig;
import io.slicer.tools.eval.EvaluationJson;
import io.slicer.tools.eval.EvaluationReport;
import io.slicer.tools.eval.EvaluationStrategies;
import io.slicer.tools.eval.NamedStrategy;
import io.slicer.tools.eval.PairedEvaluation;
import io.slicer.tools.report.ComparisonTable;
import io.slicer.tools.report.ReportWriter;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code slicer evaluate}: paired TCA of strategies on one scenario, as a table, JSON and optionally a report. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        description = {
                "Runs every strategy on the same N market paths (common random numbers) and compares implementation "
                        + "shortfall with TWAP: distribution, savings with a 95%% confidence interval, paired t-test "
                        + "and Welch p-values, cost split, participation and cap breaches.",
                "Same numbers on any thread count."})
public final class EvaluateCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--scenario", required = true, paramLabel = "NAME",
            description = "Scenario, e.g. ac-2000, liquid-stock, seed-notebook, seed-iql, stochastic-liquidity,"
                    + " lobster:AMZN:300:12, cme:6EH4:test (real data: see the README).")
    String scenario;

    @Option(names = "--strategies", paramLabel = "LIST", defaultValue = "twap,vwap,pov,ac",
            description = "Comma-separated strategies: twap, vwap, vwap:adaptive, pov[:rate[:cap]], ac[:lambda],"
                    + " twap-seed, vwap-seed,"
                    + " twap-iql-seed, seed-iql-checkpoint (the seed's published actor; needs ../shared), dqn:DIR,"
                    + " iql:DIR, model:DIR (any model directory with a card, e.g. from model import-onnx), dp[:grid];"
                    + " each optionally /TACTIC: cross, join, step, peg, peg:mid (resting tactics on lobster:"
                    + " scenarios and the presets only) (default: ${DEFAULT-VALUE}). TWAP is added as the baseline if"
                    + " missing.")
    String strategies;

    @Option(names = "--baseline", paramLabel = "SPEC", description = "The strategy every other is paired against "
            + "(one of --strategies; default: TWAP), e.g. twap/step to test a learned tactic against the best fixed one.")
    String baseline;

    @Option(names = "--episodes", paramLabel = "N", defaultValue = "1000",
            description = "Paired episodes (default: ${DEFAULT-VALUE}).")
    int episodes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "" + EvaluationConfig.DEFAULT_SEED,
            description = "Evaluation seed, disjoint from training seeds (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--risk-aversion", paramLabel = "LAMBDA", defaultValue = "" + EvaluationConfig.DEFAULT_RISK_AVERSION,
            description = "Lambda per dollar for E + lambda*Var and for ac without its own (default: ${DEFAULT-VALUE}).")
    double riskAversion;

    @Option(names = "--threads", paramLabel = "T", description = "Worker threads (default: all cores).")
    Integer threads;

    @Option(names = "--trace-episode", paramLabel = "I", defaultValue = "0",
            description = "Episode drawn in the report's schedule and adaptive-behaviour charts (default: ${DEFAULT-VALUE}).")
    int traceEpisode;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write a Markdown report with PNG charts here.")
    Path reportDir;

    @Option(names = "--json", description = "Print one JSON document instead of the table.")
    boolean json;

    @Override
    public Integer call() {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        CliArguments.requireEvaluationEpisodes(episodes);
        if (traceEpisode < 0 || traceEpisode >= episodes) {
            throw new IllegalArgumentException("--trace-episode must be in [0, " + episodes + "), got " + traceEpisode);
        }
        final int workers = CliArguments.threadsOrAllCores(threads);
        final EvaluationConfig config = new EvaluationConfig(episodes, seed, riskAversion, workers, traceEpisode);
        final Scenario market = Scenarios.byName(scenario);
        final List<NamedStrategy> named = EvaluationStrategies.resolveAll(market, strategies, riskAversion);

        err.printf(Locale.ROOT, "slicer evaluate: %d strategies x %,d paired episodes of %s on %d thread(s)%n",
                named.size(), episodes, market.name(), workers);
        err.flush();
        final long started = System.nanoTime();
        if (baseline != null && named.stream().noneMatch(n -> n.name().equals(baseline))) {
            throw new IllegalArgumentException("--baseline '" + baseline + "' is not among --strategies");
        }
        final EvaluationReport report = baseline == null ? PairedEvaluation.run(market, named, config)
                : PairedEvaluation.run(market, named, config, baseline, null);
        err.printf(Locale.ROOT, "slicer evaluate: done in %.2f s%n", (System.nanoTime() - started) / 1e9);
        if (reportDir != null) {
            final Path md = ReportWriter.write(report, reportDir);
            err.println("slicer evaluate: report written to " + md);
        }
        err.flush();
        out.print(json ? EvaluationJson.render(report) + System.lineSeparator() : ComparisonTable.render(report));
        out.flush();
        return 0;
    }
}
