package io.slicer.tools.cli;

import io.slicer.tools.eval.EvaluationConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Arguments that several commands take alike, checked in one place so that a bad one is refused with the same message
 * whichever command it was given to, before the command does any work.
 */
final class CliArguments {
    private CliArguments() {
    }

    /** {@code --episodes} of a paired evaluation: at least {@link EvaluationConfig#MIN_EPISODES}. */
    static void requireEvaluationEpisodes(final int episodes) {
        if (episodes < EvaluationConfig.MIN_EPISODES) {
            throw new IllegalArgumentException("--episodes must be at least " + EvaluationConfig.MIN_EPISODES
                    + ", got " + episodes);
        }
    }

    /** {@code --threads} of an evaluation: every core when not given. */
    static int threadsOrAllCores(final Integer threads) {
        return threads == null ? EvaluationConfig.defaultThreads() : threads;
    }

    /** {@code --journal} of a command that reads one: it must be an existing directory. */
    static void requireJournalDirectory(final Path journal) {
        if (!Files.isDirectory(journal)) {
            throw new IllegalArgumentException("--journal " + journal + " is not a directory");
        }
    }

    /**
     * An output directory a command fills ({@code --out} of a model, {@code --journal} of a new journal): refused when
     * it already holds files, unless {@code --force}.
     */
    static void requireFreshOutput(final String option, final Path dir, final boolean force) {
        if (force || !Files.isDirectory(dir)) {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new IllegalArgumentException(option + " " + dir + " is a file, expected a directory");
            }
            return;
        }
        try (java.util.stream.Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException(option + " " + dir + " already holds files; refusing to overwrite"
                        + " them (choose a new directory, or pass --force)");
            }
        } catch (final java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
