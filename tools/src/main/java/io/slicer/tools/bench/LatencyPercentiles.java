package io.slicer.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the percentile lines the closed-loop harnesses print ({@code FixLatencyHarness}, {@code ConsoleLatencyHarness}):
 * <pre>
 *   LABEL   n=  3,000  p50   366,591 ns  p90 1,167,359 ns  p99  5,001,215 ns  max  20,054,015 ns
 * </pre>
 * one {@link Row} per line, other lines ignored, for the {@code slicer bench} report and its JSON.
 */
public final class LatencyPercentiles {
    private static final Pattern LINE = Pattern.compile("^(\\S.*?)\\s+n=\\s*([\\d,]+)\\s+p50\\s+([\\d,]+) ns\\s+"
            + "p90\\s+([\\d,]+) ns\\s+p99\\s+([\\d,]+) ns\\s+max\\s+([\\d,]+) ns\\s*$");

    /** One measured path: its label, sample count and percentiles in nanoseconds. */
    public record Row(String label, long samples, long p50Nanos, long p90Nanos, long p99Nanos, long maxNanos) {
    }

    private LatencyPercentiles() {
    }

    /** Every percentile line of a harness's output, in order. */
    public static List<Row> read(final String output) {
        final List<Row> paths = new ArrayList<>();
        for (final String line : output.split("\\R")) {
            final Matcher m = LINE.matcher(line);
            if (m.matches()) {
                paths.add(new Row(m.group(1), number(m.group(2)), number(m.group(3)), number(m.group(4)),
                        number(m.group(5)), number(m.group(6))));
            }
        }
        return paths;
    }

    /** A Markdown table of the paths, in microseconds. */
    public static String markdown(final List<Row> paths) {
        final StringBuilder md = new StringBuilder("| path | n | p50 | p90 | p99 | max |\n|---|---:|---:|---:|---:|---:|\n");
        for (final Row p : paths) {
            md.append(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %s | %s |%n", p.label(), p.samples(),
                    micros(p.p50Nanos()), micros(p.p90Nanos()), micros(p.p99Nanos()), micros(p.maxNanos())));
        }
        return md.toString();
    }

    private static String micros(final long nanos) {
        return String.format(Locale.ROOT, "%,.1f µs", nanos / 1e3);
    }

    private static long number(final String digits) {
        return Long.parseLong(digits.replace(",", ""));
    }
}
