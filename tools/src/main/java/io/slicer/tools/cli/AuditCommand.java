package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.audit.JournalAudit;
import io.slicer.journal.audit.OrderAudit;
import io.slicer.tools.report.ChartFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.awt.Color;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code slicer audit}: the decision trace of each parent order in a journal as a table, its implementation
 * shortfall split into impact, timing and opportunity, and a PNG of how the order adapted (price drift, remaining
 * inventory, child sizes) per order.
 */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = {"Explains what the engine did and why: per parent order the decision trace (time, price, drift "
                + "from arrival, remaining, action, child quantity, fills, IS so far, kill-switch state), the IS "
                + "decomposition, and an adaptive-behaviour chart (PNG)."})
public final class AuditCommand implements Callable<Integer> {
    private static final long SECOND = 1_000_000_000L;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal directory.")
    Path journal;

    @Option(names = "--order", paramLabel = "ID", description = "Only this parent order.")
    Long order;

    @Option(names = "--charts", paramLabel = "DIR",
            description = "Where the PNG charts go (default: DIR/audit under the journal).")
    Path charts;

    @Option(names = "--json", description = "Print one JSON document instead of tables.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CliArguments.requireJournalDirectory(journal);
        final Map<Long, OrderAudit> audits = JournalAudit.read(journal, order);
        final Path chartDir = charts != null ? charts : journal.resolve(JournalDirectory.AUDIT_DIR);
        Files.createDirectories(chartDir);
        final Map<Long, Path> pngs = new LinkedHashMap<>();
        for (final OrderAudit a : audits.values()) {
            pngs.put(a.orderId(), writeChart(a, chartDir));
        }
        final PrintWriter out = spec.commandLine().getOut();
        if (json) {
            final List<Map<String, Object>> docs = new ArrayList<>();
            for (final OrderAudit a : audits.values()) {
                final Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("orderId", a.orderId());
                doc.put("side", a.side().name());
                doc.put("quantity", a.quantity());
                doc.put("strategy", a.strategy());
                doc.put("arrivalPrice", a.arrivalPrice());
                doc.put("filled", a.filled());
                doc.put("averagePrice", a.averagePrice());
                doc.put("impactBps", a.impactBps());
                doc.put("timingBps", a.timingBps());
                doc.put("opportunityBps", a.opportunityBps());
                doc.put("totalBps", a.totalBps());
                doc.put("halts", a.halts());
                doc.put("cancels", a.cancels());
                doc.put("chart", pngs.get(a.orderId()).toString());
                doc.put("decisions", a.rows());
                docs.add(doc);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(
                    Map.of("journal", journal.toString(), "orders", docs)));
        } else {
            for (final OrderAudit a : audits.values()) {
                printOrder(out, a, pngs.get(a.orderId()));
            }
        }
        out.flush();
        return 0;
    }

    private static void printOrder(final PrintWriter out, final OrderAudit a, final Path png) {
        out.printf(Locale.ROOT, "order %d  %s %,d  strategy %s  arrival %.4f  filled %,d @ %.4f%n", a.orderId(),
                a.side(), a.quantity(), a.strategy(), a.arrivalPrice(), a.filled(), a.averagePrice());
        out.printf(Locale.ROOT, "%9s %6s %10s %9s %10s %14s %9s %-18s %-7s %10s %9s  %s%n", "time s", "slice", "mid",
                "drift bp", "remaining", "action", "child qty", "verdict", "tactic", "filled", "IS bp", "kill switch");
        for (final OrderAudit.Row r : a.rows()) {
            final String action = r.actionIndex() >= 0 ? r.actionIndex() + " (" + fmt(r.actionValue()) + ")"
                    : Double.isNaN(r.actionValue()) ? "schedule" : fmt(r.actionValue());
            out.printf(Locale.ROOT, "%9.1f %6d %10.4f %9.2f %,10d %14s %,9d %-18s %-7s %,10d %9.2f  %s%n",
                    (r.timestamp() - a.startTime()) / (double) SECOND, r.slice(), r.mid(), r.driftBps(),
                    r.remaining(), action, r.childId() != 0 ? r.childQuantity() : 0, r.verdict(),
                    r.tactic() == null ? "?" : r.tactic(), r.filled(), r.shortfallSoFarBps(), r.killSwitch());
        }
        out.printf(Locale.ROOT, "IS decomposition (bps of arrival value): impact %.2f + timing %.2f + opportunity"
                + " %.2f = total %.2f%n", a.impactBps(), a.timingBps(), a.opportunityBps(), a.totalBps());
        for (final String halt : a.halts()) {
            out.println("halt: " + halt);
        }
        for (final String cancel : a.cancels()) {
            out.println("cancel: " + cancel);
        }
        out.println("chart: " + png);
        out.println();
    }

    private static String fmt(final double v) {
        return String.format(Locale.ROOT, "%.3g", v);
    }

    /** Drift from arrival (bps, left axis) against remaining inventory and child sizes (% of parent, right axis). */
    static Path writeChart(final OrderAudit a, final Path dir) throws java.io.IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        final XYChart chart = new XYChartBuilder().width(900).height(500)
                .title("Order " + a.orderId() + " (" + a.side() + " " + a.quantity() + ", " + a.strategy()
                        + "): adaptive behaviour")
                .xAxisTitle("seconds since order start").yAxisTitle("drift from arrival (bps)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        chart.setYAxisGroupTitle(0, "drift from arrival (bps)");
        chart.setYAxisGroupTitle(1, "% of parent");
        chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        final int n = Math.max(1, a.rows().size());
        final double[] x = new double[n];
        final double[] drift = new double[n];
        final double[] remaining = new double[n];
        final double[] child = new double[n];
        for (int i = 0; i < a.rows().size(); i++) {
            final OrderAudit.Row r = a.rows().get(i);
            x[i] = (r.timestamp() - a.startTime()) / (double) SECOND;
            drift[i] = Double.isNaN(r.driftBps()) ? 0 : r.driftBps();
            remaining[i] = 100.0 * r.remaining() / a.quantity();
            child[i] = r.childId() != 0 ? 100.0 * r.childQuantity() / a.quantity() : 0;
        }
        final XYSeries d = chart.addSeries("drift from arrival (bps)", x, drift);
        d.setLineColor(Color.BLACK);
        d.setMarker(SeriesMarkers.NONE);
        d.setYAxisGroup(0);
        final XYSeries rem = chart.addSeries("remaining (% of parent)", x, remaining);
        rem.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        rem.setMarker(SeriesMarkers.NONE);
        rem.setYAxisGroup(1);
        final XYSeries c = chart.addSeries("child size (% of parent)", x, child);
        c.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.setYAxisGroup(1);
        final Path png = dir.resolve("order-" + a.orderId() + ".png");
        ChartFiles.png(chart, png);
        return png;
    }
}
