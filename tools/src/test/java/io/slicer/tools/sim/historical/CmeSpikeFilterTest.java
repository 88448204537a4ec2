package io.slicer.tools.sim.historical;

import io.slicer.tools.marketdata.BarSeries;
import io.slicer.tools.marketdata.cme.CmeMinuteBars;
import io.slicer.tools.marketdata.cme.CmeTestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One bar of the real 6E month at ten times the price, in the test split: the scenario built from it leaves the bar
 * out, says so, and no decision bar carries the spike. Skipped when the shared data is absent.
 */
class CmeSpikeFilterTest {
    @TempDir
    Path dir;

    @Test
    void aBarAtTenTimesThePriceIsLeftOutOfTheScenarioAndCounted() throws IOException {
        final Path real = CmeMinuteBars.find(CmeTestData.root()).orElseThrow();
        final List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(real)), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        }
        // 90% into the month: inside the test split (the last third of the full sessions).
        final int spoiled = lines.size() * 9 / 10;
        final String[] f = lines.get(spoiled).split(",");
        for (int i = 1; i <= 4; i++) {
            f[i] = Double.toString(Double.parseDouble(f[i]) * 10);
        }
        lines.set(spoiled, String.join(",", f));
        final Path folder = Files.createDirectories(dir.resolve("cme_6EH4"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(folder.resolve(real.getFileName())))) {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        }

        final HistoricalScenario clean = CmeScenarios.of(CmeTestData.sixE(), CmeScenarios.Split.TEST,
                HistoricalParams.defaults());
        final HistoricalScenario spiked = CmeScenarios.parse("cme:6EH4:test", dir);
        assertEquals(0, clean.marketDataRejected());
        assertEquals(1, spiked.marketDataRejected());
        final BarSeries bars = spiked.bars();
        assertEquals(clean.bars().size(), bars.size());
        double highest = 0;
        for (int k = 0; k < bars.size(); k++) {
            highest = Math.max(highest, Math.max(bars.midAtStart(k), bars.midAtEnd(k)));
            highest = Math.max(highest, bars.vwap(k) > 0 ? bars.vwap(k) : 0);
        }
        assertTrue(highest < 1.2, "no decision bar carries the spike: highest price " + highest);
    }
}
