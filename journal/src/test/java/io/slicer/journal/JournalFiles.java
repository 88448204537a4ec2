package io.slicer.journal;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helper: finds journal records inside Chronicle's .cq4 files and damages them the way a disk would. */
final class JournalFiles {
    private static final byte[] MAGIC = "SLJ1".getBytes(StandardCharsets.US_ASCII);

    private JournalFiles() {
    }

    static Path onlyCycleFile(final Path queueDir) throws IOException {
        try (Stream<Path> files = Files.list(queueDir)) {
            final List<Path> cq4 = files.filter(f -> f.getFileName().toString().endsWith(".cq4")).toList();
            if (cq4.size() != 1) {
                throw new IllegalStateException("expected one cycle file in " + queueDir + ", found " + cq4);
            }
            return cq4.get(0);
        }
    }

    /** File offsets of every record's magic, in file order (which is journal order within one cycle file). */
    static List<Long> recordOffsets(final Path cycleFile) throws IOException {
        final byte[] content = Files.readAllBytes(cycleFile);
        final List<Long> offsets = new ArrayList<>();
        outer:
        for (int i = 0; i + MAGIC.length <= content.length; i++) {
            for (int j = 0; j < MAGIC.length; j++) {
                if (content[i + j] != MAGIC[j]) {
                    continue outer;
                }
            }
            offsets.add((long) i);
        }
        return offsets;
    }

    static void flipBit(final Path file, final long offset, final int bit) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            final int b = raf.read();
            raf.seek(offset);
            raf.write(b ^ (1 << bit));
        }
    }
}
