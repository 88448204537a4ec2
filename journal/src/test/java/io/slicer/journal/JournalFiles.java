package io.slicer.journal;

import io.slicer.journal.format.JournalRecordDescriptor;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

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

    /** File offsets of the records of one type (INPUT, DECISION, ...), in file order. */
    static List<Long> recordOffsets(final Path cycleFile, final io.slicer.journal.format.RecordType type)
            throws IOException {
        final java.nio.ByteBuffer content = java.nio.ByteBuffer.wrap(Files.readAllBytes(cycleFile))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        final List<Long> all = recordOffsets(cycleFile);
        final List<Long> matching = new ArrayList<>();
        for (final long offset : all) {
            if (content.getShort((int) offset + io.slicer.journal.format.JournalRecordDescriptor.TYPE_OFFSET)
                    == type.code) {
                matching.add(offset);
            }
        }
        return matching;
    }

    /**
     * Rewrites the 8-byte little-endian value at {@code payloadOffset} of the record at {@code recordOffset} and
     * recomputes its checksum: a deliberate edit, which the checksum cannot catch and the replay must.
     */
    static void editAndReseal(final Path file, final long recordOffset, final int payloadOffset,
                              final java.util.function.LongUnaryOperator edit) throws IOException {
        reseal(file, recordOffset, buf -> buf.putLong(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset,
                edit.applyAsLong(buf.getLong(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset))));
    }

    /** Rewrites the layout version in the header of the record at {@code recordOffset} and recomputes its checksum. */
    static void rewriteLayout(final Path file, final long recordOffset, final short layout) throws IOException {
        reseal(file, recordOffset, buf -> buf.putShort(JournalRecordDescriptor.LAYOUT_OFFSET, layout));
    }

    /** Reads the whole record at {@code recordOffset}, lets {@code edit} change it, recomputes its CRC, writes it back. */
    private static void reseal(final Path file, final long recordOffset,
                               final java.util.function.Consumer<ByteBuffer> edit) throws IOException {
        final int header = JournalRecordDescriptor.HEADER_LENGTH;
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            final byte[] head = new byte[header];
            raf.seek(recordOffset);
            raf.readFully(head);
            final int length = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN)
                    .getInt(JournalRecordDescriptor.LENGTH_OFFSET);
            final byte[] record = new byte[header + length];
            raf.seek(recordOffset);
            raf.readFully(record);
            final ByteBuffer buf = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
            edit.accept(buf);
            final CRC32C crc = new CRC32C();
            crc.update(record, 0, JournalRecordDescriptor.CRC_OFFSET);
            crc.update(record, JournalRecordDescriptor.SEQUENCE_OFFSET,
                    record.length - JournalRecordDescriptor.SEQUENCE_OFFSET);
            buf.putInt(JournalRecordDescriptor.CRC_OFFSET, (int) crc.getValue());
            raf.seek(recordOffset);
            raf.write(record);
        }
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
