package io.slicer.tools.marketdata.cme;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/** The shared 6E March-2024 file, read whole; skipped, with the reason, where the shared data is absent. */
class CmeMinuteBarsTest {
    private static final long MINUTE = 60;

    @TempDir
    Path dir;

    private static CmeMinuteBars sixE() {
        return CmeTestData.sixE();
    }

    private static long epoch(final String isoInstant) {
        return Instant.parse(isoInstant).getEpochSecond();
    }

    @Test
    void readsEveryBarOfJanuary2024() {
        final CmeMinuteBars bars = sixE();
        // README: 29,996 rows; zcat | wc -l gives 29,997 with the header.
        assertEquals(29_996, bars.size());
        assertEquals("6EH4", bars.symbol());
        assertEquals("6EH4.XCME_1min_bars_20240101_20240131.csv.gz", bars.file().getFileName().toString());
    }

    @Test
    void firstBarIsTheFilesFirstRowExactly() {
        // 2024-01-01 23:01:00,1.1076,1.10785,1.1076,1.1078,205
        final CmeMinuteBars bars = sixE();
        assertEquals(epoch("2024-01-01T23:01:00Z"), bars.endEpochSecond(0));
        assertEquals(1.1076, bars.open(0));
        assertEquals(1.10785, bars.high(0));
        assertEquals(1.1076, bars.low(0));
        assertEquals(1.1078, bars.close(0));
        assertEquals(205, bars.volume(0));
    }

    @Test
    void lastBarEndsAtTheLastMinuteOfJanuary() {
        // 2024-01-31 23:59:00,1.08225,1.0824,1.08225,1.0823,36
        final CmeMinuteBars bars = sixE();
        final int last = bars.size() - 1;
        assertEquals(epoch("2024-01-31T23:59:00Z"), bars.endEpochSecond(last));
        assertEquals(1.08225, bars.open(last));
        assertEquals(1.0824, bars.high(last));
        assertEquals(1.0823, bars.close(last));
        assertEquals(36, bars.volume(last));
    }

    @Test
    void everyBarEndsOnAWholeMinuteStrictlyAfterThePrevious() {
        final CmeMinuteBars bars = sixE();
        for (int i = 0; i < bars.size(); i++) {
            assertEquals(0, bars.endEpochSecond(i) % MINUTE, "bar " + i);
            if (i > 0 && bars.endEpochSecond(i) <= bars.endEpochSecond(i - 1)) {
                fail("bar " + i + " ends at " + bars.endEpochSecond(i) + ", not after " + bars.endEpochSecond(i - 1));
            }
        }
    }

    @Test
    void totalVolumeMatchesTheFile() {
        // Sum of the volume column computed independently (python csv over the gzip): 4,310,578 contracts.
        final CmeMinuteBars bars = sixE();
        long total = 0;
        for (int i = 0; i < bars.size(); i++) {
            total += bars.volume(i);
        }
        assertEquals(4_310_578, total);
    }

    @Test
    void noBarEndsInsideTheDailyBreakFrom2200To2300Utc() {
        // Globex 6E halts 22:00-23:00 UTC: the last bar of a session ends 22:00, the first of the next ends 23:01.
        final CmeMinuteBars bars = sixE();
        int sessionOpens = 0;
        for (int i = 0; i < bars.size(); i++) {
            final int minuteOfDay = Instant.ofEpochSecond(bars.endEpochSecond(i)).atOffset(ZoneOffset.UTC)
                    .toLocalTime().toSecondOfDay() / 60;
            assertFalse(minuteOfDay > 22 * 60 && minuteOfDay <= 23 * 60, "bar " + i + " ends inside the break");
            if (minuteOfDay == 23 * 60 + 1) {
                sessionOpens++;
            }
        }
        // Sessions open Sunday to Thursday evenings; the file has 23 of them, from Monday 1st (New Year) to Wednesday 31st.
        assertEquals(23, sessionOpens);
    }

    @Test
    void findReturnsEmptyWhenNoCmeFolderExists() throws IOException {
        Files.createDirectories(dir.resolve("lobster_AMZN_2012-06-21_L1"));
        Files.createFile(dir.resolve("lobster_AMZN_2012-06-21_L1").resolve("stray.csv.gz"));
        assertEquals(Optional.empty(), CmeMinuteBars.find(dir));
    }

    @Test
    void findReturnsTheSingleBarFileOfTheCmeFolder() throws IOException {
        final Path folder = Files.createDirectories(dir.resolve("cme_6EH4_1min_2024-01"));
        Files.createFile(folder.resolve("README_nautilus_xcme.md"));
        final Path bars = Files.createFile(folder.resolve("6EH4.XCME_1min_bars_20240101_20240131.csv.gz"));
        assertEquals(Optional.of(bars), CmeMinuteBars.find(dir));
    }

    @Test
    void findListsEveryCandidateWhenSeveralMatch() throws IOException {
        final Path march = Files.createDirectories(dir.resolve("cme_6EH4_1min_2024-01"));
        final Path june = Files.createDirectories(dir.resolve("cme_6EM4_1min_2024-04"));
        Files.createFile(june.resolve("6EM4.XCME_1min_bars_20240401_20240430.csv.gz"));
        Files.createFile(march.resolve("6EH4.XCME_1min_bars_20240101_20240131.csv.gz"));
        final IllegalStateException e = assertThrows(IllegalStateException.class, () -> CmeMinuteBars.find(dir));
        assertEquals(dir + ": expected one CME bar file (cme_*/*.csv.gz), found 2: "
                + Path.of("cme_6EH4_1min_2024-01", "6EH4.XCME_1min_bars_20240101_20240131.csv.gz") + ", "
                + Path.of("cme_6EM4_1min_2024-04", "6EM4.XCME_1min_bars_20240401_20240430.csv.gz"), e.getMessage());
    }

    @Test
    void findRefusesADataRootThatIsNotADirectory() {
        final Path absent = dir.resolve("no-such-root");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CmeMinuteBars.find(absent));
        assertEquals(absent + ": data root is not a directory", e.getMessage());
    }

    @Test
    void describesItselfBySymbolSizeAndSpan() {
        assertEquals("6EH4: 29996 one-minute bars ending 2024-01-01T23:01:00Z .. 2024-01-31T23:59:00Z",
                sixE().toString());
    }
}
