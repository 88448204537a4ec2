package io.slicer.tools.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads JMH's {@code -rf json} output into rows: benchmark, parameters, score, error, unit and bytes per op. */
public final class JmhResults {
    /** One benchmark result; {@code bytesPerOp} is NaN when the run had no {@code -prof gc}. */
    public record Row(String benchmark, String params, double score, double error, String unit, double bytesPerOp) {
    }

    private JmhResults() {
    }

    public static List<Row> read(final Path json) throws IOException {
        final JsonNode root = new ObjectMapper().readTree(json.toFile());
        final List<Row> rows = new ArrayList<>();
        for (final JsonNode run : root) {
            final String benchmark = run.path("benchmark").asText();
            final StringBuilder params = new StringBuilder();
            final Iterator<Map.Entry<String, JsonNode>> it = run.path("params").fields();
            while (it.hasNext()) {
                final Map.Entry<String, JsonNode> p = it.next();
                if (params.length() > 0) {
                    params.append(',');
                }
                params.append(p.getKey()).append('=').append(p.getValue().asText());
            }
            final JsonNode primary = run.path("primaryMetric");
            double bytesPerOp = Double.NaN;
            final Iterator<Map.Entry<String, JsonNode>> secondary = run.path("secondaryMetrics").fields();
            while (secondary.hasNext()) {
                final Map.Entry<String, JsonNode> m = secondary.next();
                // JMH has spelled this "·gc.alloc.rate.norm" and "gc.alloc.rate.norm" across versions.
                if (m.getKey().endsWith("gc.alloc.rate.norm")) {
                    bytesPerOp = m.getValue().path("score").asDouble();
                }
            }
            rows.add(new Row(benchmark, params.toString(), primary.path("score").asDouble(),
                    primary.path("scoreError").asDouble(Double.NaN), primary.path("scoreUnit").asText(), bytesPerOp));
        }
        return rows;
    }

    /** A Markdown table of the rows. */
    public static String markdown(final List<Row> rows) {
        final StringBuilder md = new StringBuilder();
        md.append("| benchmark | params | score | error (99.9%) | unit | B/op |\n");
        md.append("|---|---|---:|---:|---|---:|\n");
        for (final Row r : rows) {
            final String shortName = r.benchmark().replace("io.slicer.bench.", "");
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", shortName, r.params(),
                    format(r.score()), format(r.error()), r.unit(),
                    Double.isNaN(r.bytesPerOp()) ? "-" : format(r.bytesPerOp())));
        }
        return md.toString();
    }

    private static String format(final double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        final double a = Math.abs(v);
        if (a >= 1e6) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 1) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        return String.format(Locale.ROOT, "%.3g", v);
    }
}
