package io.slicer.tools.report;

import io.slicer.tools.eval.EvaluationReport;
import io.slicer.tools.eval.PairedComparison;
import io.slicer.tools.eval.SeedMeasures;
import io.slicer.tools.eval.StrategyEvaluation;
import io.slicer.tools.eval.StrategyStats;
import io.slicer.tools.eval.TacticStats;

import java.util.Locale;

/**
 * The comparison table a desk reads: IS distribution and savings against the baseline with their confidence
 * interval and p-values, then the cost split and participation. Plain text for the terminal, Markdown for reports.
 */
public final class ComparisonTable {
    private ComparisonTable() {
    }

    /** Header lines plus both tables, aligned for a fixed-width terminal. */
    public static String render(final EvaluationReport report) {
        return header(report) + "\n"
                + "Implementation shortfall, bps of arrival notional (positive = cost)\n"
                + shortfall(report).toText() + "\n"
                + "Cost split (mean bps unless " + report.scenario().money() + ") and participation (as traded)\n"
                + split(report).toText() + "\n"
                + (seedMeasured(report)
                ? "As the seed measured it: its cost (sum of its step costs, " + report.scenario().money()
                + "; not IS) and its constraint (episode mean of |p|, the action, and of shares / market volume)\n"
                + seed(report).toText() + "\n"
                : "")
                + "Child tactics: mean per parent order (bps of arrival notional; adverse selection positive = cost)\n"
                + tactics(report).toText() + "\n"
                + "Paired difference from " + report.baseline() + " (strategy - baseline), mean [95% CI]\n"
                + tacticDifferences(report).toText();
    }

    /** True when every strategy's episodes carry a seed's own accounting (a scenario of a seed's environment). */
    public static boolean seedMeasured(final EvaluationReport report) {
        return report.strategies().stream().allMatch(e -> e.stats().seed() != null);
    }

    /** The seed's own cost and constraint beside IS, for a scenario of a seed's environment. */
    public static TextTable seed(final EvaluationReport report) {
        final String money = report.scenario().money();
        final TextTable t = new TextTable("strategy", "seed cost " + money, "std", "savings vs " + report.baseline(),
                "95% CI", "paired p", "IS mean " + money, "mean |p|", "mean traded", "over limit |p|",
                "over limit traded");
        final int n = report.config().episodes();
        for (final StrategyEvaluation e : report.strategies()) {
            final SeedMeasures sm = e.stats().seed();
            final PairedComparison c = sm.savingsVsBaseline();
            final boolean isBaseline = e.name().equals(report.baseline());
            t.row(e.name(), dollars(sm.cost().mean()), dollars(sm.cost().std()),
                    isBaseline ? "-" : dollars(c.savings()),
                    isBaseline ? "-" : "[" + dollars(c.ciLow()) + ", " + dollars(c.ciHigh()) + "]",
                    isBaseline ? "-" : pValue(c.pairedP()),
                    dollars(e.stats().isDollars().mean()),
                    percent(sm.meanAbsAction()), percent(sm.meanTradedParticipation()),
                    sm.actionOverLimitEpisodes() + "/" + n, sm.tradedOverLimitEpisodes() + "/" + n);
        }
        return t;
    }

    /** How the children worked the book: passive share, spread capture and adverse selection, means. */
    public static TextTable tactics(final EvaluationReport report) {
        final TextTable t = new TextTable("strategy", "tactic", "passive share", "spread capture", "adverse 1s",
                "adverse 10s");
        for (final StrategyEvaluation e : report.strategies()) {
            final TacticStats ts = e.stats().tactics();
            t.row(e.name(), e.tactic(), percent(ts.passiveShare().mean()), bps(ts.spreadCaptureBps().mean()),
                    bps(ts.adverseSelection1sBps().mean()), bps(ts.adverseSelection10sBps().mean()));
        }
        return t;
    }

    /** Each tactic measure and the shortfall's split against the baseline on the same parent orders. */
    public static TextTable tacticDifferences(final EvaluationReport report) {
        final TextTable t = new TextTable("strategy", "passive share (pp)", "spread capture", "adverse 1s",
                "adverse 10s", "impact", "timing", "opportunity");
        for (final StrategyEvaluation e : report.strategies()) {
            if (e.name().equals(report.baseline())) {
                continue;
            }
            final TacticStats ts = e.stats().tactics();
            t.row(e.name(), interval(ts.passiveShare().vsBaseline(), 100), interval(ts.spreadCaptureBps().vsBaseline(), 1),
                    interval(ts.adverseSelection1sBps().vsBaseline(), 1),
                    interval(ts.adverseSelection10sBps().vsBaseline(), 1), interval(ts.impactBps().vsBaseline(), 1),
                    interval(ts.timingBps().vsBaseline(), 1), interval(ts.opportunityBps().vsBaseline(), 1));
        }
        return t;
    }

    private static String interval(final PairedComparison c, final double scale) {
        return bps(c.savings() * scale) + " [" + bps(c.ciLow() * scale) + ", " + bps(c.ciHigh() * scale) + "]";
    }

    /** One or two lines saying what was run. */
    public static String header(final EvaluationReport report) {
        final EvaluationReport.ScenarioSummary s = report.scenario();
        final StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "Scenario %s: %s %,d %s over %d slices, arrival price %.4f%s%n",
                s.name(), s.side(), s.quantity(), s.units(), s.slices(), s.arrivalPrice(),
                Double.isNaN(s.participationCap()) ? ", no participation cap"
                        : String.format(Locale.ROOT, ", participation cap %s", percent(s.participationCap()))));
        sb.append(String.format(Locale.ROOT,
                "%,d paired episodes (common random numbers), seed %d, risk aversion %s per %s; baseline %s%s%n",
                report.config().episodes(), report.config().seed(), sci(report.config().riskAversion()), s.money(),
                report.baseline(), report.baselineAdded() ? " (not requested: added as the baseline)" : ""));
        if (s.marketDataRejected() > 0) {
            sb.append(String.format(Locale.ROOT, "Market data: %,d row(s) or bar(s) refused by the plausibility filter"
                    + " and left out%n", s.marketDataRejected()));
        }
        return sb.toString();
    }

    /** Distribution of IS and the paired comparison with the baseline. */
    public static TextTable shortfall(final EvaluationReport report) {
        final String vs = "savings vs " + report.baseline();
        final TextTable t = new TextTable("strategy", "mean", "std", "median", "p5", "p95", vs, "95% CI",
                "paired p", "Welch p", "E+lambda*Var " + report.scenario().money());
        for (final StrategyEvaluation e : report.strategies()) {
            final StrategyStats st = e.stats();
            final PairedComparison c = st.vsBaseline();
            final boolean isBaseline = e.name().equals(report.baseline());
            t.row(e.name(),
                    bps(st.isBps().mean()), bps(st.isBps().std()), bps(st.isBps().median()),
                    bps(st.isBps().p5()), bps(st.isBps().p95()),
                    isBaseline ? "-" : bps(c.savings()),
                    isBaseline ? "-" : "[" + bps(c.ciLow()) + ", " + bps(c.ciHigh()) + "]",
                    isBaseline ? "-" : pValue(c.pairedP()),
                    isBaseline ? "-" : pValue(c.welchP()),
                    dollars(st.objectiveDollars()));
        }
        return t;
    }

    /** Where the cost came from, and how hard each strategy leaned on the market. */
    public static TextTable split(final EvaluationReport report) {
        final TextTable t = new TextTable("strategy", "IS mean " + report.scenario().money(), "impact", "timing", "opportunity", "vs VWAP",
                "part. mean", "part. max", "cap breaches", "unfilled");
        final int n = report.config().episodes();
        for (final StrategyEvaluation e : report.strategies()) {
            final StrategyStats st = e.stats();
            t.row(e.name(), dollars(st.isDollars().mean()), bps(st.impactBps()), bps(st.timingBps()),
                    bps(st.opportunityBps()), bps(st.vwapSlippageBps()), percent(st.participationMean()), percent(st.participationMax()),
                    Double.isNaN(st.participationCap()) ? "-" : st.capBreachEpisodes() + "/" + n,
                    st.unfilledEpisodes() + "/" + n);
        }
        return t;
    }

    static String bps(final double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.2f", v);
    }

    /** Whole currency units for institutional orders, cents for the small ones (the seed-iql order is 500 shares). */
    static String dollars(final double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 1000 ? "%,.0f" : "%.2f", v);
    }

    static String percent(final double fraction) {
        if (Double.isNaN(fraction)) {
            return "-";
        }
        if (Double.isInfinite(fraction)) {
            return "inf";
        }
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String sci(final double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Below double precision of the t tail the exact value means nothing, so say so. */
    static String pValue(final double p) {
        if (Double.isNaN(p)) {
            return "-";
        }
        if (p < 1e-16) {
            return "<1e-16";
        }
        if (p < 1e-3) {
            return String.format(Locale.ROOT, "%.1e", p);
        }
        return String.format(Locale.ROOT, "%.3f", p);
    }
}
