package io.slicer.tools.marketdata.lobster;

import org.junit.jupiter.api.Assumptions;

import java.nio.file.Path;
import java.util.Optional;

/** The shared LOBSTER sample days; tests that need them are skipped, with the reason, where the data is absent. */
public final class LobsterTestData {
    private LobsterTestData() {
    }

    public static Path root() {
        final Optional<Path> root = LobsterDays.sharedDataRoot();
        Assumptions.assumeTrue(root.isPresent(), "LOBSTER sample data not found: set " + LobsterDays.DATA_ROOT_ENV
                + " or place shared/data above the working directory; skipping");
        return root.get();
    }

    public static LobsterDay day(final String symbol) {
        final Path root = root();
        Assumptions.assumeTrue(LobsterDays.find(root).stream().anyMatch(d -> d.symbol().equals(symbol)),
                "no LOBSTER " + symbol + " day under " + root + "; skipping");
        return LobsterDays.find(root, symbol);
    }

    public static LobsterDay amzn() {
        return day("AMZN");
    }

    public static LobsterDay goog() {
        return day("GOOG");
    }
}
