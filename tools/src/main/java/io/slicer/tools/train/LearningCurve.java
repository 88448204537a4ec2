package io.slicer.tools.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Points of a training run's learning curve, written as {@code learning_curve.csv} next to the model:
 * header {@code x,value[,extra...]}, one row per point, numbers in {@code Locale.ROOT} so the file is the same
 * everywhere. {@code x} is episodes (DQN) or gradient steps (IQL); {@code value} is the greedy policy's mean IS in bps
 * on validation episodes of the training seed.
 */
public final class LearningCurve {
    public static final String FILE = "learning_curve.csv";

    private final List<String> extraNames;
    private final List<double[]> rows = new ArrayList<>();

    /** A curve whose rows carry the {@code extraNames} columns after {@code x} and {@code value}. */
    public LearningCurve(final List<String> extraNames) {
        this.extraNames = List.copyOf(extraNames);
    }

    public void add(final double x, final double value, final double... extra) {
        if (extra.length != extraNames.size()) {
            throw new IllegalArgumentException("expected " + extraNames.size() + " extra columns, got " + extra.length);
        }
        final double[] row = new double[2 + extra.length];
        row[0] = x;
        row[1] = value;
        System.arraycopy(extra, 0, row, 2, extra.length);
        rows.add(row);
    }

    public int size() {
        return rows.size();
    }

    public void write(final Path dir) {
        final StringBuilder sb = new StringBuilder("x,value");
        for (final String e : extraNames) {
            sb.append(',').append(e);
        }
        sb.append('\n');
        for (final double[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    sb.append(',');
                }
                sb.append(String.format(Locale.ROOT, "%.6g", row[i]));
            }
            sb.append('\n');
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(FILE), sb.toString(), StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(FILE) + ": " + e.getMessage(), e);
        }
    }
}
