package io.slicer.tools.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A trainer's {@code learning_curve.csv}: a header {@code episode_or_step,value[,more...]} and one numeric row per
 * point. Column 0 is the x axis; every further column is one series named by its header.
 */
public record LearningCurve(String strategy, String xLabel, List<String> seriesNames, double[] x, double[][] series) {
    public static final String FILE = io.slicer.tools.train.LearningCurve.FILE;

    /**
     * The curve of a model-backed strategy spec such as {@code dqn:models/dqn}: the part after the first colon is a
     * model directory; empty when the spec names no directory or the directory has no {@value #FILE}.
     */
    public static Optional<Path> locate(final String strategySpec) {
        final int colon = strategySpec.indexOf(':');
        if (colon < 0 || colon == strategySpec.length() - 1) {
            return Optional.empty();
        }
        final Path file;
        try {
            file = Path.of(strategySpec.substring(colon + 1)).resolve(FILE);
        } catch (final java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /** Reads and validates a curve; errors name the file, line and column. */
    public static LearningCurve read(final String strategy, final Path file) {
        final List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException(file + ": cannot read learning curve: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException(file + ": empty; expected a header 'episode_or_step,value[,...]'");
        }
        final String[] header = lines.get(0).trim().split(",", -1);
        if (header.length < 2) {
            throw new IllegalArgumentException(file + ":1: header has " + header.length
                    + " column(s), expected at least 2 (episode_or_step,value)");
        }
        final List<double[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            final String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            final String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + cells.length
                        + " columns, expected " + header.length + " as in the header");
            }
            final double[] row = new double[cells.length];
            for (int c = 0; c < cells.length; c++) {
                try {
                    row[c] = Double.parseDouble(cells[c].trim());
                } catch (final NumberFormatException e) {
                    throw new IllegalArgumentException(file + ":" + (i + 1) + ": column '" + header[c]
                            + "' is '" + cells[c] + "', expected a number", e);
                }
            }
            rows.add(row);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(file + ": header only, expected at least one data row");
        }
        final double[] x = new double[rows.size()];
        final double[][] series = new double[header.length - 1][rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            x[r] = rows.get(r)[0];
            for (int c = 1; c < header.length; c++) {
                series[c - 1][r] = rows.get(r)[c];
            }
        }
        final List<String> names = new ArrayList<>();
        for (int c = 1; c < header.length; c++) {
            names.add(header[c].trim());
        }
        return new LearningCurve(strategy, header[0].trim(), names, x, series);
    }
}
