package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.tools.governance.AbComparison;
import io.slicer.tools.report.DayReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code slicer report ab} over A/B days and {@code slicer report day} (Markdown and non-empty PNGs). */
class ReportCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    private Path abDay(final int seed) {
        final Path j = tmp.resolve("day" + seed);
        final CliRun r = CliRun.of("run", "--scenario", "small-day", "--strategy", "twap", "--arm", "vwap",
                "--config", "abTest=5/1/1", "--shadow", "pov:0.2", "--seed", String.valueOf(seed), "--journal",
                j.toString());
        assertEquals(0, r.exitCode(), r.err());
        return j;
    }

    @Test
    void reportAbComparesTheArmsOverDaysWithWelchMatchedPairsAndPower() throws Exception {
        final Path d1 = abDay(1);
        final Path d2 = abDay(2);
        final CliRun r = CliRun.of("report", "ab", "--journal", d1.toString(), d2.toString(), "--effect-bps", "5",
                "--json");
        assertEquals(0, r.exitCode(), r.err());
        final JsonNode doc = MAPPER.readTree(r.out());
        assertEquals("twap", doc.get("a").asText());
        assertEquals("vwap", doc.get("b").asText());
        assertEquals(6, doc.get("nA").asLong() + doc.get("nB").asLong(), "three orders a day, two days");
        final double p = doc.get("welchP").asDouble();
        assertTrue(p > 0 && p <= 1, "p " + p);
        assertEquals(Math.min(doc.get("nA").asLong(), doc.get("nB").asLong()), doc.get("matchedPairs").asLong());
        final double variance = (Math.pow(doc.get("sdA").asDouble(), 2) + Math.pow(doc.get("sdB").asDouble(), 2)) / 2;
        // (1.959964 + 0.841621)^2 * 2 = 15.698: orders per arm = 15.698 * s^2 / effect^2, rounded up.
        assertEquals(Math.ceil(15.6978 * variance / 25), doc.get("ordersPerArmForEffect").asDouble(),
                1 + 1e-4 * variance);
        assertEquals(AbComparison.ordersPerArm(variance, 5), doc.get("ordersPerArmForEffect").asLong());
    }

    @Test
    void reportDayWritesMarkdownAndNonEmptyPngs() throws Exception {
        final Path journal = abDay(3);
        final Path ledger = tmp.resolve("ledger");
        assertEquals(0, CliRun.of("days", "--scenario", "stochastic-liquidity", "--strategy", "vwap", "--days", "1",
                "--ledger", ledger.toString()).exitCode());
        final Path out = tmp.resolve("report");
        final CliRun r = CliRun.of("report", "day", "--journal", journal.toString(), "--out", out.toString(),
                "--ledger", ledger.toString());
        assertEquals(0, r.exitCode(), r.err());
        final String md = Files.readString(out.resolve(DayReport.MARKDOWN));
        assertTrue(md.contains("| order | strategy | side |"), md);
        assertTrue(md.contains("pov:0.2 ~"), "shadow vs live: " + md);
        assertTrue(md.contains("counterfactual estimate"), md);
        assertTrue(md.contains("## Ledger") && md.contains("| vwap |"), md);
        for (final String png : new String[]{DayReport.IS_SPLIT_PNG, DayReport.LIVE_VS_BENCHMARKS_PNG}) {
            final BufferedImage image = ImageIO.read(out.resolve(png).toFile());
            assertEquals(1000, image.getWidth(), png);
            assertTrue(Files.size(out.resolve(png)) > 5_000, png + " holds a chart: " + Files.size(out.resolve(png)));
            int colours = 0;
            final Set<Integer> seen = new HashSet<>();
            for (int x = 0; x < image.getWidth(); x += 7) {
                for (int y = 0; y < image.getHeight(); y += 7) {
                    if (seen.add(image.getRGB(x, y))) {
                        colours++;
                    }
                }
            }
            assertTrue(colours > 5, png + " is not blank: " + colours + " colours");
        }
    }
}
