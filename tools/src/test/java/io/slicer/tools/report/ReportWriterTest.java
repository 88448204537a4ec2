package io.slicer.tools.report;

import io.slicer.tools.eval.EvaluationFixtures;
import io.slicer.tools.eval.EvaluationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWriterTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    @Test
    void writesMarkdownChartsJsonAndPerEpisodeCsv(@TempDir final Path dir) throws IOException {
        final EvaluationReport report = EvaluationFixtures.toyReport(30);
        final Path md = ReportWriter.write(report, dir.resolve("out"));
        final Path out = dir.resolve("out");
        assertEquals(out.resolve(ReportWriter.MARKDOWN), md);
        for (final String png : List.of(ReportWriter.IS_DISTRIBUTION_PNG, ReportWriter.EXAMPLE_SCHEDULES_PNG,
                ReportWriter.MEAN_SCHEDULES_PNG, ReportWriter.ADAPTIVE_TRACE_PNG)) {
            final byte[] bytes = Files.readAllBytes(out.resolve(png));
            assertTrue(bytes.length > 5_000, png + " is " + bytes.length + " bytes");
            assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8), png);
        }
        assertFalse(Files.exists(out.resolve(ReportWriter.LEARNING_CURVES_PNG)), "no model, no learning curve");
        final String text = Files.readString(md, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("# Transaction cost analysis: toy"));
        assertTrue(text.contains("![IS distribution](is_distribution.png)"));
        assertTrue(text.contains("| front |"));
        final List<String> csv = Files.readAllLines(out.resolve(ReportWriter.EPISODES_CSV));
        assertEquals("episode,is_bps_twap,is_bps_front,is_bps_dip", csv.get(0));
        assertEquals(31, csv.size());
        assertEquals(Double.toString(report.strategies().get(1).samples().isBps(0)), csv.get(1).split(",")[2]);
        assertTrue(Files.readString(out.resolve(ReportWriter.JSON)).contains("\"schema\" : \"slicer.evaluation.v1\""));
    }

    @Test
    void plotsTheLearningCurveOfAModelDirectory(@TempDir final Path dir) throws IOException {
        final Path model = Files.createDirectories(dir.resolve("dqn-model"));
        Files.writeString(model.resolve(LearningCurve.FILE),
                "episode_or_step,value,epsilon\n0,-12.5,1.0\n100,-9.0,0.5\n200,-7.25,0.1\n");
        final EvaluationReport report = EvaluationFixtures.toyReportNamed(10, "twap", "dqn:" + model);
        ReportWriter.write(report, dir.resolve("out"));
        final byte[] bytes = Files.readAllBytes(dir.resolve("out").resolve(ReportWriter.LEARNING_CURVES_PNG));
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(bytes, 8));
        assertTrue(Files.readString(dir.resolve("out").resolve(ReportWriter.MARKDOWN))
                .contains("![Learning curves](learning_curves.png)"));
    }

    @Test
    void readsEveryValueColumnOfALearningCurve(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve(LearningCurve.FILE);
        Files.writeString(file, "episode_or_step,value,epsilon\n0,-12.5,1.0\n100,-9.0,0.5\n");
        final LearningCurve c = LearningCurve.read("dqn:x", file);
        assertEquals("episode_or_step", c.xLabel());
        assertEquals(List.of("value", "epsilon"), c.seriesNames());
        assertArrayEquals(new double[] {0, 100}, c.x());
        assertArrayEquals(new double[] {-12.5, -9.0}, c.series()[0]);
        assertArrayEquals(new double[] {1.0, 0.5}, c.series()[1]);
    }

    @Test
    void aMalformedLearningCurveNamesFileLineAndColumn(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve(LearningCurve.FILE);
        Files.writeString(file, "episode_or_step,value\n0,-12.5\n100,abc\n");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningCurve.read("dqn:x", file));
        assertEquals(file + ":3: column 'value' is 'abc', expected a number", e.getMessage());
    }

    @Test
    void comparisonTableAlignsColumnsAndMarksTheBaseline() {
        final String table = ComparisonTable.render(EvaluationFixtures.toyReport(20));
        final List<String> lines = table.lines().toList();
        assertTrue(lines.get(0).startsWith("Scenario toy: BUY 12,000 shares over 6 slices"), lines.get(0));
        assertTrue(lines.get(0).endsWith("participation cap 25.0%"), lines.get(0));
        final int header = lines.indexOf("Implementation shortfall, bps of arrival notional (positive = cost)") + 1;
        final String head = lines.get(header);
        final String twap = lines.get(header + 2);
        final String front = lines.get(header + 3);
        assertTrue(head.startsWith("strategy"));
        assertTrue(twap.startsWith("twap "));
        assertEquals(head.length(), twap.length());
        assertEquals(head.length(), front.length());
        // The baseline has no savings against itself.
        assertTrue(twap.contains("  -  "), twap);
        assertTrue(front.contains("["), front);
    }

    @Test
    void dollarsKeepCentsOnlyForSmallOrders() {
        assertEquals("1,234,567", ComparisonTable.dollars(1_234_567.4));
        assertEquals("0.57", ComparisonTable.dollars(0.5678));
        assertEquals("-12.30", ComparisonTable.dollars(-12.3));
    }

    @Test
    void pValuesBeyondDoublePrecisionAreShownAsABound() {
        assertEquals("<1e-16", ComparisonTable.pValue(0.0));
        assertEquals("3.2e-05", ComparisonTable.pValue(3.2e-5));
        assertEquals("0.305", ComparisonTable.pValue(0.3045587846805348));
        assertEquals("-", ComparisonTable.pValue(Double.NaN));
    }
}
