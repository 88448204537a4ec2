package io.slicer.tools.marketdata.lobster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Finds LOBSTER days under a data root such as {@code ../shared/data} (any folder depth up to three). */
public final class LobsterDays {
    private static final int SEARCH_DEPTH = 3;
    /** Environment variable the build sets to the shared data folder. */
    public static final String DATA_ROOT_ENV = "SLICER_SHARED_DATA";

    private LobsterDays() {
    }

    /** Every day under {@code root}, ordered by symbol then date. */
    public static List<LobsterDay> find(final Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(root + ": data root is not a directory");
        }
        try (Stream<Path> files = Files.find(root, SEARCH_DEPTH,
                (p, a) -> a.isRegularFile() && LobsterDay.isMessageFile(p))) {
            return files.map(LobsterDay::ofMessageFile)
                    .sorted(Comparator.comparing(LobsterDay::symbol).thenComparing(LobsterDay::date))
                    .collect(Collectors.toList());
        } catch (final IOException e) {
            throw new UncheckedIOException(root + ": cannot list LOBSTER files", e);
        }
    }

    /** The single day of {@code symbol} under {@code root}; fails naming what is there when it is absent or ambiguous. */
    public static LobsterDay find(final Path root, final String symbol) {
        final List<LobsterDay> all = find(root);
        final List<LobsterDay> matching = all.stream().filter(d -> d.symbol().equalsIgnoreCase(symbol))
                .collect(Collectors.toList());
        if (matching.size() != 1) {
            throw new IllegalArgumentException(root + ": expected exactly one LOBSTER day for " + symbol + ", found "
                    + matching.size() + " (available: "
                    + all.stream().map(LobsterDay::label).collect(Collectors.joining(", ")) + ")");
        }
        return matching.get(0);
    }

    /**
     * The shared data folder: {@code $SLICER_SHARED_DATA} when it is a directory, otherwise the first
     * {@code shared/data} found walking up from the working directory (a worktree may sit deeper than the main
     * checkout). Empty when neither exists.
     */
    public static Optional<Path> sharedDataRoot() {
        final String env = System.getenv(DATA_ROOT_ENV);
        if (env != null && !env.isBlank() && Files.isDirectory(Path.of(env))) {
            return Optional.of(Path.of(env).toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            final Path candidate = dir.resolve("shared").resolve("data");
            if (Files.isDirectory(candidate)) {
                return Optional.of(candidate.normalize());
            }
        }
        return Optional.empty();
    }
}
