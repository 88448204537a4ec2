package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies the valid prefix of a damaged journal into a new journal directory, so the day can be examined (replay,
 * audit) and resumed deliberately: every record up to the first that fails {@link JournalVerifier}'s checks, chained
 * afresh (with the same key the hashes are the originals'), a chain head file of its own, and the archived models. The
 * original is left as it is. The copy ends unsealed; the next engine start on it recovers it as after a crash.
 */
public final class JournalSalvage {
    private JournalSalvage() {
    }

    /** What was copied and, when the source is damaged, the first problem (null for an intact journal). */
    public record Report(long copied, ChainHead head, String problem) {
    }

    public static Report salvage(final Path journalDir, final Path outDir, final JournalKey key) {
        refuseNonEmpty(outDir);
        long copied = 0;
        String problem = null;
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journalDir), key);
             JournalWriter writer = JournalWriter.open(JournalDirectory.queue(outDir), ChainHead.GENESIS, key)) {
            final JournalVerifier verifier = JournalVerifier.over(reader);
            try {
                while (reader.next(record)) {
                    verifier.check(record);
                    writer.stage().copyFrom(record);
                    writer.commit(record.length() - JournalFrame.LENGTH);
                    copied++;
                }
            } catch (final JournalCorruptException e) {
                problem = e.getMessage();
            }
            copyModels(journalDir, outDir);
            writer.forceToDisk();
            return new Report(copied, writer.chainHead(), problem);
        }
    }

    private static void refuseNonEmpty(final Path outDir) {
        if (!Files.exists(outDir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(outDir)) {
            if (entries.findAny().isPresent()) {
                throw new IllegalArgumentException("salvage output " + outDir + " is not empty: give a new directory"
                        + " (salvage never writes over a journal)");
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list " + outDir, e);
        }
    }

    private static void copyModels(final Path journalDir, final Path outDir) {
        final Path models = journalDir.resolve(ModelArchive.MODELS_DIR);
        if (!Files.isDirectory(models)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(models)) {
            for (final Path from : walk.toList()) {
                final Path to = outDir.resolve(journalDir.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot copy the archived models of " + journalDir + " to " + outDir, e);
        }
    }
}
