package io.slicer.tools.report;

import io.slicer.tools.eval.EvaluationJson;
import io.slicer.tools.eval.EvaluationReport;
import io.slicer.tools.eval.PairedStatistics;
import io.slicer.tools.eval.StrategyEvaluation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Writes a TCA report folder: {@code report.md} (tables, charts, definitions), the PNG charts it embeds,
 * {@code evaluation.json} (the same document {@code slicer evaluate --json} prints) and {@code episodes.csv} (IS in
 * bps per episode and strategy, so anyone can recheck the statistics).
 */
public final class ReportWriter {
    public static final String MARKDOWN = "report.md";
    public static final String IS_DISTRIBUTION_PNG = "is_distribution.png";
    public static final String EXAMPLE_SCHEDULES_PNG = "example_schedules.png";
    public static final String MEAN_SCHEDULES_PNG = "mean_schedules.png";
    public static final String ADAPTIVE_TRACE_PNG = "adaptive_trace.png";
    public static final String LEARNING_CURVES_PNG = "learning_curves.png";
    public static final String JSON = "evaluation.json";
    public static final String EPISODES_CSV = "episodes.csv";

    private ReportWriter() {
    }

    /** Writes the report into {@code dir} (created if needed; files of the same name are replaced). */
    public static Path write(final EvaluationReport report, final Path dir) {
        // Charts render off-screen: there is no display on servers, CI or the launcher.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        try {
            Files.createDirectories(dir);
            ChartFiles.png(Charts.isDistribution(report), dir.resolve(IS_DISTRIBUTION_PNG));
            ChartFiles.png(Charts.exampleSchedules(report), dir.resolve(EXAMPLE_SCHEDULES_PNG));
            ChartFiles.png(Charts.meanSchedules(report), dir.resolve(MEAN_SCHEDULES_PNG));
            ChartFiles.png(Charts.adaptiveTrace(report), dir.resolve(ADAPTIVE_TRACE_PNG));
            final List<LearningCurve> curves = learningCurves(report);
            if (!curves.isEmpty()) {
                ChartFiles.png(Charts.learningCurves(curves), dir.resolve(LEARNING_CURVES_PNG));
            }
            Files.writeString(dir.resolve(JSON), EvaluationJson.render(report) + "\n", StandardCharsets.UTF_8);
            writeEpisodes(report, dir.resolve(EPISODES_CSV));
            final Path md = dir.resolve(MARKDOWN);
            Files.writeString(md, markdown(report, curves), StandardCharsets.UTF_8);
            return md;
        } catch (final IOException e) {
            throw new UncheckedIOException(dir + ": cannot write report: " + e.getMessage(), e);
        }
    }

    static List<LearningCurve> learningCurves(final EvaluationReport report) {
        final List<LearningCurve> curves = new ArrayList<>();
        for (final StrategyEvaluation e : report.strategies()) {
            final Optional<Path> file = LearningCurve.locate(e.name());
            file.ifPresent(f -> curves.add(LearningCurve.read(e.name(), f)));
        }
        return curves;
    }

    private static void writeEpisodes(final EvaluationReport report, final Path file) throws IOException {
        final List<StrategyEvaluation> all = report.strategies();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("episode");
            for (final StrategyEvaluation e : all) {
                w.write(",is_bps_" + e.name().replace(',', '_'));
            }
            w.write('\n');
            for (int i = 0; i < report.config().episodes(); i++) {
                w.write(Integer.toString(i));
                for (final StrategyEvaluation e : all) {
                    w.write(',');
                    w.write(Double.toString(e.samples().isBps(i)));
                }
                w.write('\n');
            }
        }
    }

    static String markdown(final EvaluationReport report, final List<LearningCurve> curves) {
        final EvaluationReport.ScenarioSummary s = report.scenario();
        final StringBuilder md = new StringBuilder();
        md.append("# Transaction cost analysis: ").append(s.name()).append("\n\n");
        md.append(s.description()).append("\n\n");
        md.append(String.format(Locale.ROOT,
                "- Parent order: %s %,d %s over %d slices, arrival price %.4f (notional %,.0f %s)%n",
                s.side(), s.quantity(), s.units(), s.slices(), s.arrivalPrice(), s.arrivalNotional(),
                s.instrument().currency()));
        md.append("- Participation cap: ").append(Double.isNaN(s.participationCap()) ? "none"
                : ComparisonTable.percent(s.participationCap()) + " of slice volume").append('\n');
        md.append(String.format(Locale.ROOT,
                "- %,d paired episodes, seed %d: episode i is the same market path for every strategy%n",
                report.config().episodes(), report.config().seed()));
        md.append("- Risk aversion lambda: ").append(ComparisonTable.sci(report.config().riskAversion()))
                .append(" per ").append(s.money()).append(" (objective E[IS ").append(s.money())
                .append("] + lambda Var[IS ").append(s.money()).append("])\n");
        md.append("- Baseline: ").append(report.baseline())
                .append(report.baselineAdded() ? " (not requested; added so savings have a reference)" : "")
                .append("\n\n");

        md.append("## Implementation shortfall\n\n");
        md.append("bps of arrival notional, positive = cost. Savings = mean over episodes of (")
                .append(report.baseline()).append(" IS - strategy IS): positive means cheaper than ")
                .append(report.baseline()).append(".\n\n");
        md.append(ComparisonTable.shortfall(report).toMarkdown()).append('\n');
        md.append("## Cost split and participation\n\n");
        md.append("IS mean " + s.money() + " in " + s.instrument().currency() + " (the contract multiplier "
                + "included), the rest in mean bps. impact = temporary impact + half-spread + our own permanent impact;"
                + " timing = the market's own drift while we traded; opportunity = unfilled " + s.units()
                + " at the final mid. "
                + "Participation is measured on what was traded; a breach is an episode with any slice above "
                + "the cap.\n\n");
        md.append(ComparisonTable.split(report).toMarkdown()).append('\n');
        if (ComparisonTable.seedMeasured(report)) {
            md.append("## As the seed measured it\n\n");
            md.append("The seed's own cost (the sum of its step costs, in which our permanent impact cancels: not IS)"
                    + " with its paired savings against the baseline, and the seed's constraint: the episode mean of"
                    + " |p|, the action, beside the same mean of what was traded (shares / market volume).\n\n");
            md.append(ComparisonTable.seed(report).toMarkdown()).append('\n');
        }

        md.append("## Charts\n\n");
        md.append("![IS distribution](").append(IS_DISTRIBUTION_PNG).append(")\n\n");
        md.append("IS per episode, one box per strategy (quartiles, whiskers, outliers).\n\n");
        md.append("![Example schedules](").append(EXAMPLE_SCHEDULES_PNG).append(")\n\n");
        md.append("Quantity per slice on episode ").append(report.config().traceEpisode())
                .append(", every strategy on the same market path.\n\n");
        md.append("![Mean schedules](").append(MEAN_SCHEDULES_PNG).append(")\n\n");
        md.append("Average quantity per slice over all episodes.\n\n");
        md.append("![Adaptive behaviour](").append(ADAPTIVE_TRACE_PNG).append(")\n\n");
        md.append("Mid price path (left axis) and quantity per slice (right axis) on episode ")
                .append(report.config().traceEpisode())
                .append(": an adaptive policy trades more when the price moves its way.\n\n");
        if (!curves.isEmpty()) {
            md.append("![Learning curves](").append(LEARNING_CURVES_PNG).append(")\n\n");
            md.append("Training curves: the `value` column of each model directory's `").append(LearningCurve.FILE)
                    .append("` (slicer train writes the greedy policy's mean IS in bps on validation episodes of ")
                    .append("the training seed, never on these evaluation episodes).\n\n");
        }

        md.append("## Method\n\n");
        md.append(String.format(Locale.ROOT, "- Confidence interval: %.0f%%, mean paired difference "
                + "+- t(0.975, n-1) * sd / sqrt(n).%n", PairedStatistics.CONFIDENCE * 100));
        md.append("- Paired p: two-sided paired t-test on the per-episode differences (uses the common random "
                + "numbers). Welch p: two-sided unequal-variance t-test on the two samples as if independent, "
                + "shown to make the value of pairing visible.\n");
        md.append("- std: sample standard deviation (n - 1). Percentiles: ")
                .append(EvaluationJson.PERCENTILE_DEFINITION).append(".\n");
        md.append("- Raw data: `").append(EPISODES_CSV).append("` (IS bps per episode) and `").append(JSON)
                .append("` (every statistic).\n");
        return md.toString();
    }
}
