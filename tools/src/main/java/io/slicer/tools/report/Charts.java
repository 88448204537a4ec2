package io.slicer.tools.report;

import io.slicer.tools.eval.EpisodeTrace;
import io.slicer.tools.eval.EvaluationReport;
import io.slicer.tools.eval.StrategyEvaluation;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;

/** The report's figures, built from an {@link EvaluationReport} (the seed notebook's figures, in XChart). */
public final class Charts {
    static final int WIDTH = 1000;
    static final int HEIGHT = 560;
    /** Beyond this many slices side-by-side bars become unreadable and the schedules are drawn as steps. */
    static final int MAX_BAR_SLICES = 40;
    private static final String SHARES_PATTERN = "#,##0";

    private Charts() {
    }

    /** One box per strategy: the spread of IS over all paired episodes. */
    public static BoxChart isDistribution(final EvaluationReport report) {
        final BoxChart chart = new BoxChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Implementation shortfall per episode, " + report.scenario().name()
                        + " (" + report.config().episodes() + " paired episodes)")
                .xAxisTitle("strategy").yAxisTitle("IS (bps, positive = cost)").build();
        chart.getStyler().setLegendVisible(false);
        for (final StrategyEvaluation e : report.strategies()) {
            chart.addSeries(e.name(), e.samples().isBps());
        }
        return chart;
    }

    /** Shares traded per slice by each strategy on the traced episode, side by side. */
    public static org.knowm.xchart.internal.chartpart.Chart<?, ?> exampleSchedules(final EvaluationReport report) {
        final int slices = report.scenario().slices();
        final String title = "Shares per slice, episode " + report.config().traceEpisode() + " (same market path)";
        if (slices <= MAX_BAR_SLICES) {
            final CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                    .xAxisTitle("slice").yAxisTitle("shares").build();
            chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
            final double[] x = sliceAxis(slices);
            for (final StrategyEvaluation e : report.strategies()) {
                chart.addSeries(e.name(), x, shares(e.trace(), slices));
            }
            chart.getStyler().setXAxisDecimalPattern("0");
            chart.getStyler().setYAxisDecimalPattern(SHARES_PATTERN);
            return chart;
        }
        final XYChart chart = xy(title, "slice", "shares");
        chart.getStyler().setYAxisDecimalPattern(SHARES_PATTERN);
        for (final StrategyEvaluation e : report.strategies()) {
            chart.addSeries(e.name(), sliceAxis(slices), shares(e.trace(), slices))
                    .setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /** Average shares per slice over all episodes: each strategy's schedule in expectation. */
    public static XYChart meanSchedules(final EvaluationReport report) {
        final XYChart chart = xy("Mean shares per slice over " + report.config().episodes() + " episodes",
                "slice", "shares");
        chart.getStyler().setYAxisDecimalPattern(SHARES_PATTERN);
        final int slices = report.scenario().slices();
        for (final StrategyEvaluation e : report.strategies()) {
            chart.addSeries(e.name(), sliceAxis(slices), e.meanSchedule());
        }
        return chart;
    }

    /**
     * Each learned strategy's training curve: its {@code value} column (for {@code slicer train}, the greedy
     * policy's mean validation IS in bps) against episodes or gradient steps. Extra columns live on other scales
     * and stay in the CSV.
     */
    public static XYChart learningCurves(final List<LearningCurve> curves) {
        final XYChart chart = xy("Learning curves", "episodes or gradient steps",
                curves.get(0).seriesNames().get(0) + " (validation IS, bps)");
        for (final LearningCurve c : curves) {
            chart.addSeries(c.strategy(), c.x(), c.series()[0]).setMarker(SeriesMarkers.NONE);
        }
        return chart;
    }

    /**
     * The adaptive-behaviour trace: on one episode, the mid price path (left axis) and every strategy's shares per
     * slice (right axis), so a reader sees who bought into a dip and who kept to the clock.
     */
    public static XYChart adaptiveTrace(final EvaluationReport report) {
        // An episode ends as soon as the order is done, so the longest trace shows the most of the price path.
        EpisodeTrace path = report.strategies().get(0).trace();
        for (final StrategyEvaluation e : report.strategies()) {
            if (e.trace().slices() > path.slices()) {
                path = e.trace();
            }
        }
        final int slices = report.scenario().slices();
        final XYChart chart = xy("Price path and shares per slice, episode " + path.episode(), "slice", "mid price");
        chart.setYAxisGroupTitle(0, "mid price");
        chart.setYAxisGroupTitle(1, "shares");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        chart.getStyler().putYAxisGroupDecimalPatternMap(1, SHARES_PATTERN);
        final XYSeries mid = chart.addSeries("mid price", sliceAxis(path.slices()), path.midBefore());
        mid.setLineColor(Color.BLACK).setLineWidth(2.5f);
        mid.setMarker(SeriesMarkers.NONE);
        mid.setYAxisGroup(0);
        for (final StrategyEvaluation e : report.strategies()) {
            final XYSeries s = chart.addSeries(e.name() + " shares", sliceAxis(slices), shares(e.trace(), slices));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            s.setLineStyle(new BasicStroke(1.5f));
            s.setMarker(SeriesMarkers.NONE);
            s.setYAxisGroup(1);
        }
        return chart;
    }

    private static XYChart xy(final String title, final String xTitle, final String yTitle) {
        final XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setMarkerSize(5);
        return chart;
    }

    private static double[] sliceAxis(final int slices) {
        final double[] x = new double[slices];
        for (int p = 0; p < slices; p++) {
            x[p] = p;
        }
        return x;
    }

    /** Shares per slice over the scenario's whole horizon: slices after the order completed traded nothing. */
    private static double[] shares(final EpisodeTrace trace, final int slices) {
        final double[] d = new double[slices];
        for (int p = 0; p < Math.min(slices, trace.slices()); p++) {
            d[p] = trace.shares(p);
        }
        return d;
    }
}
