package io.slicer.tools.report;

import io.slicer.tools.governance.JournalOrders;
import io.slicer.tools.governance.StrategyLedger;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The daily TCA report of one journal, Markdown and PNG: per order the IS split (impact, timing, opportunity), the
 * engine's TWAP benchmark and the market VWAP, participation, halts and their reasons, the shadow's estimated IS
 * beside the live IS (a counterfactual estimate, said so), and the ledger's streaks when a ledger is given.
 */
public final class DayReport {
    public static final String MARKDOWN = "day.md";
    public static final String IS_SPLIT_PNG = "is_split.png";
    public static final String LIVE_VS_BENCHMARKS_PNG = "live_vs_benchmarks.png";

    private DayReport() {
    }

    /** Writes the report of {@code orders} into {@code out}; {@code ledger} may be null. Returns the Markdown file. */
    public static Path write(final Path journal, final List<JournalOrders.Order> orders, final StrategyLedger ledger,
                             final Path out) {
        if (orders.isEmpty()) {
            throw new IllegalArgumentException("journal " + journal + " holds no parent order to report");
        }
        try {
            Files.createDirectories(out);
            ChartFiles.png(isSplit(orders), out.resolve(IS_SPLIT_PNG));
            ChartFiles.png(liveVsBenchmarks(orders), out.resolve(LIVE_VS_BENCHMARKS_PNG));
            final Path md = out.resolve(MARKDOWN);
            Files.writeString(md, markdown(journal, orders, ledger), StandardCharsets.UTF_8);
            return md;
        } catch (final IOException e) {
            throw new UncheckedIOException(out + ": cannot write the day report", e);
        }
    }

    static String markdown(final Path journal, final List<JournalOrders.Order> orders, final StrategyLedger ledger) {
        final StringBuilder sb = new StringBuilder("# Daily TCA: ").append(journal).append("\n\n");
        sb.append("IS in bps of arrival value, positive = cost. TWAP benchmark: the engine's running TWAP yardstick on"
                + " the observed path (what the IS kill switch compares with). VWAP slippage: fills against the market"
                + " VWAP over the order's horizon. Shadow: a counterfactual estimate (the order's impact model applied"
                + " to the shadow's would-be children on the observed path), not a fill.\n\n");
        final TextTable t = new TextTable("order", "strategy", "side", "qty", "filled", "IS", "impact", "timing",
                "opportunity", "TWAP bench", "vs TWAP", "VWAP slip", "participation", "shadow est. IS", "halts");
        for (final JournalOrders.Order o : orders) {
            final var a = o.audit();
            t.row(String.valueOf(a.orderId()), a.strategy(), a.side().toString(), String.format(Locale.ROOT, "%,d",
                    a.quantity()), String.format(Locale.ROOT, "%,d", a.filled()), bps(a.totalBps()),
                    bps(a.impactBps()), bps(a.timingBps()), bps(a.opportunityBps()), bps(o.twapBenchmarkBps()),
                    bps(a.totalBps() - o.twapBenchmarkBps()), bps(o.vwapSlippageBps()),
                    Double.isNaN(o.participation()) ? "n/a" : String.format(Locale.ROOT, "%.1f%%",
                            100 * o.participation()),
                    o.shadow() == null ? "" : o.shadow().fault() != null ? o.shadow().strategy() + " failed: "
                            + o.shadow().fault() : o.shadow().strategy() + " ~" + bps(o.shadow().estimatedIsBps()),
                    a.halts().isEmpty() ? "" : String.join("; ", a.halts()));
        }
        sb.append(t.toMarkdown()).append('\n');
        sb.append("![IS split](").append(IS_SPLIT_PNG).append(")\n\n![live vs benchmarks](")
                .append(LIVE_VS_BENCHMARKS_PNG).append(")\n");
        if (ledger != null) {
            sb.append("\n## Ledger\n\n");
            final TextTable l = new TextTable("strategy", "losing streak", "demoted");
            final List<String> seen = new ArrayList<>();
            for (final StrategyLedger.Day d : ledger.days()) {
                if (!seen.contains(d.strategy())) {
                    seen.add(d.strategy());
                }
            }
            for (final String s : seen) {
                l.row(s, String.valueOf(ledger.streak(s)), ledger.demotion(s).orElse("no"));
            }
            sb.append(l.toMarkdown());
        }
        return sb.toString();
    }

    private static String bps(final double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f", v);
    }

    private static CategoryChart isSplit(final List<JournalOrders.Order> orders) {
        final CategoryChart c = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("IS split per order").xAxisTitle("order").yAxisTitle("bps of arrival value").build();
        c.getStyler().setStacked(true);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        final List<String> ids = new ArrayList<>();
        final List<Double> impact = new ArrayList<>();
        final List<Double> timing = new ArrayList<>();
        final List<Double> opportunity = new ArrayList<>();
        for (final JournalOrders.Order o : orders) {
            ids.add(String.valueOf(o.audit().orderId()));
            impact.add(o.audit().impactBps());
            timing.add(o.audit().timingBps());
            opportunity.add(o.audit().opportunityBps());
        }
        c.addSeries("impact", ids, impact);
        c.addSeries("timing", ids, timing);
        c.addSeries("opportunity", ids, opportunity);
        return c;
    }

    private static CategoryChart liveVsBenchmarks(final List<JournalOrders.Order> orders) {
        final CategoryChart c = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title("Live IS against the TWAP benchmark and the shadow's estimate (counterfactual)")
                .xAxisTitle("order").yAxisTitle("IS (bps, positive = cost)").build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        final List<String> ids = new ArrayList<>();
        final List<Double> live = new ArrayList<>();
        final List<Double> twap = new ArrayList<>();
        final List<Double> shadow = new ArrayList<>();
        boolean anyShadow = false;
        for (final JournalOrders.Order o : orders) {
            ids.add(String.valueOf(o.audit().orderId()));
            live.add(o.audit().totalBps());
            twap.add(Double.isNaN(o.twapBenchmarkBps()) ? 0.0 : o.twapBenchmarkBps());
            final boolean estimated = o.shadow() != null && o.shadow().estimated();
            anyShadow |= estimated;
            shadow.add(estimated ? o.shadow().estimatedIsBps() : 0.0);
        }
        c.addSeries("live IS", ids, live);
        c.addSeries("TWAP benchmark", ids, twap);
        if (anyShadow) {
            c.addSeries("shadow (estimate)", ids, shadow);
        }
        return c;
    }
}
