package io.slicer.tools.report;

import org.knowm.xchart.ChartEncoder;
import org.knowm.xchart.internal.chartpart.IChart;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a chart as a PNG file at exactly the path given (the encoder appends no extension to a stream). */
public final class ChartFiles {
    private ChartFiles() {
    }

    public static void png(final IChart chart, final Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            ChartEncoder.saveChart(chart, out, "png");
        }
    }
}
