package io.slicer.tools.marketdata.cme;

import io.slicer.tools.marketdata.lobster.LobsterDays;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

/** The shared 6E file (tests that need it are skipped, with the reason, where it is absent) and small made-up files. */
public final class CmeTestData {
    public static final String HEADER = "timestamp_utc,open,high,low,close,volume";
    private static CmeMinuteBars sixE;

    private CmeTestData() {
    }

    /** The shared data root holding the CME file; skips the calling test when there is none. */
    public static Path root() {
        final Optional<Path> root = LobsterDays.sharedDataRoot();
        Assumptions.assumeTrue(root.isPresent(), "shared market data not found: set " + LobsterDays.DATA_ROOT_ENV
                + " or place shared/data above the working directory; skipping");
        Assumptions.assumeTrue(CmeMinuteBars.find(root.get()).isPresent(),
                "no cme_*/*.csv.gz under " + root.get() + "; skipping");
        return root.get();
    }

    /** The January 2024 6E month, read once for the test JVM: every test looks at the same file. */
    public static synchronized CmeMinuteBars sixE() {
        if (sixE == null) {
            sixE = CmeMinuteBars.read(CmeMinuteBars.find(root()).orElseThrow());
        }
        return sixE;
    }

    /** Writes {@code rows} (after the header) as a gzipped bar file named like the real one, and reads it. */
    public static CmeMinuteBars bars(final Path dir, final String... rows) throws IOException {
        final Path file = dir.resolve("6EH4.XCME_1min_bars_test.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write((HEADER + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return CmeMinuteBars.read(file);
    }
}
