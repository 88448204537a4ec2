package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.MessageHeaderDecoder;

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
    private static final byte[] MAGIC = ("SLJ" + JournalFrame.FORMAT).getBytes(StandardCharsets.US_ASCII);

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
    static List<Long> recordOffsets(final Path cycleFile, final RecordType type) throws IOException {
        final ByteBuffer content = ByteBuffer.wrap(Files.readAllBytes(cycleFile)).order(ByteOrder.LITTLE_ENDIAN);
        final List<Long> matching = new ArrayList<>();
        for (final long offset : recordOffsets(cycleFile)) {
            final int template = content.getShort((int) offset + JournalFrame.MESSAGE_OFFSET
                    + MessageHeaderDecoder.templateIdEncodingOffset()) & 0xFFFF;
            if (RecordType.ofTemplate(template) == type) {
                matching.add(offset);
            }
        }
        return matching;
    }

    /**
     * Rewrites the 8-byte little-endian value at {@code bodyOffset} of the message body of the record at
     * {@code recordOffset} and recomputes its checksum: a deliberate edit, which the checksum cannot catch and the
     * hash chain must.
     */
    static void editAndReseal(final Path file, final long recordOffset, final int bodyOffset,
                              final java.util.function.LongUnaryOperator edit) throws IOException {
        reseal(file, recordOffset, buf -> buf.putLong(JournalFrame.BODY_OFFSET + bodyOffset,
                edit.applyAsLong(buf.getLong(JournalFrame.BODY_OFFSET + bodyOffset))));
    }

    /** Rewrites the u16 at {@code headerOffset} of the record's message header and recomputes its checksum. */
    static void rewriteMessageHeader(final Path file, final long recordOffset, final int headerOffset,
                                     final int value) throws IOException {
        reseal(file, recordOffset, buf -> buf.putShort(JournalFrame.MESSAGE_OFFSET + headerOffset, (short) value));
    }

    /** Rewrites the record's magic (no checksum covers it). */
    static void rewriteMagic(final Path file, final long recordOffset, final String magic) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(recordOffset + JournalFrame.MAGIC_OFFSET);
            raf.write(magic.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /**
     * Reads the whole record at {@code recordOffset} (its length from the Chronicle document header just before it),
     * lets {@code edit} change it, recomputes its CRC, writes it back.
     */
    private static void reseal(final Path file, final long recordOffset,
                               final java.util.function.Consumer<ByteBuffer> edit) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            final byte[] head = new byte[Integer.BYTES];
            raf.seek(recordOffset - Integer.BYTES);
            raf.readFully(head);
            final int length = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0x3FFFFFFF;
            final byte[] record = new byte[length];
            raf.seek(recordOffset);
            raf.readFully(record);
            final ByteBuffer buf = ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
            edit.accept(buf);
            final CRC32C crc = new CRC32C();
            crc.update(record, JournalFrame.SEQUENCE_OFFSET, record.length - JournalFrame.SEQUENCE_OFFSET);
            buf.putInt(JournalFrame.CRC_OFFSET, (int) crc.getValue());
            raf.seek(recordOffset);
            raf.write(record);
        }
    }

    /** The Chronicle document length of the record at {@code recordOffset}. */
    static int recordLength(final Path file, final long recordOffset) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            final byte[] head = new byte[Integer.BYTES];
            raf.seek(recordOffset - Integer.BYTES);
            raf.readFully(head);
            return ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0x3FFFFFFF;
        }
    }

    static byte[] readRecord(final Path file, final long recordOffset) throws IOException {
        final byte[] record = new byte[recordLength(file, recordOffset)];
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(recordOffset);
            raf.readFully(record);
        }
        return record;
    }

    static void writeBytes(final Path file, final long offset, final byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(offset);
            raf.write(bytes);
        }
    }

    /**
     * What a forger who knows the format does after editing records: recomputes every record's chain hash (plain
     * SHA-256, or HMAC-SHA256 with {@code key} when not null) and CRC, from the first record to the last, so the queue
     * is a consistent chain again. Only the chain head file (and, with a key, the key) can still tell.
     */
    static void rechain(final Path file, final byte[] key) throws Exception {
        rechain(file, key, 0);
    }

    /** {@link #rechain(Path, byte[])} from record {@code from} on (the records before keep their hashes). */
    static void rechain(final Path file, final byte[] key, final int from) throws Exception {
        byte[] previous = new byte[JournalFrame.CHAIN_LENGTH];
        final List<Long> offsets = recordOffsets(file);
        if (from > 0) {
            previous = java.util.Arrays.copyOfRange(readRecord(file, offsets.get(from - 1)), JournalFrame.CHAIN_OFFSET,
                    JournalFrame.CHAIN_OFFSET + JournalFrame.CHAIN_LENGTH);
        }
        for (final long offset : offsets.subList(from, offsets.size())) {
            final byte[] record = readRecord(file, offset);
            final java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            final byte[] chained;
            final byte[] input = new byte[previous.length + Long.BYTES + record.length - JournalFrame.MESSAGE_OFFSET];
            System.arraycopy(previous, 0, input, 0, previous.length);
            System.arraycopy(record, JournalFrame.SEQUENCE_OFFSET, input, previous.length, Long.BYTES);
            System.arraycopy(record, JournalFrame.MESSAGE_OFFSET, input, previous.length + Long.BYTES,
                    record.length - JournalFrame.MESSAGE_OFFSET);
            if (key == null) {
                chained = sha.digest(input);
            } else {
                final javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
                chained = mac.doFinal(input);
            }
            System.arraycopy(chained, 0, record, JournalFrame.CHAIN_OFFSET, chained.length);
            final CRC32C crc = new CRC32C();
            crc.update(record, JournalFrame.SEQUENCE_OFFSET, record.length - JournalFrame.SEQUENCE_OFFSET);
            ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN).putInt(JournalFrame.CRC_OFFSET,
                    (int) crc.getValue());
            writeBytes(file, offset, record);
            previous = chained;
        }
    }

    /** Recomputes the CRC of the record at {@code recordOffset} as it now is (its chain hash untouched). */
    static void recomputeCrc(final Path file, final long recordOffset) throws IOException {
        reseal(file, recordOffset, buf -> {
        });
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
