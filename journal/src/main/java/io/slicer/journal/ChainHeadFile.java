package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * The chain head kept beside the queue ({@code queue/}{@value #NAME}): after every durable point the writer records
 * how many records are on disk and the last one's chain hash, so a journal that later holds fewer records, or other
 * ones, is caught ({@link JournalReader}). Without it a queue cut at a record boundary would read as a shorter, valid
 * journal.
 *
 * <p>Two 64-byte slots written in turn, each with its own CRC32C: a write torn by a power loss spoils at most the slot
 * being written, and the reader takes the valid slot with the most records. A slot: magic "SLCH" (u32), records
 * (i64), chain hash (32 bytes), key id (i64, 0 unkeyed), CRC32C of the bytes before it (u32), 8 reserved bytes.
 * Little-endian. Writing is allocation-free (a direct buffer, positional writes, {@code fdatasync}).
 */
final class ChainHeadFile implements AutoCloseable {
    static final String NAME = "chain-head";
    private static final int MAGIC = 0x48434C53;
    private static final int SLOT = 64;
    private static final int RECORDS_AT = 4;
    private static final int HASH_AT = RECORDS_AT + Long.BYTES;
    private static final int KEY_AT = HASH_AT + JournalFrame.CHAIN_LENGTH;
    private static final int CRC_AT = KEY_AT + Long.BYTES;

    private final FileChannel channel;
    private final ByteBuffer slot = ByteBuffer.allocateDirect(SLOT).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32C crc = new CRC32C();
    private long writes;

    private ChainHeadFile(final FileChannel channel) {
        this.channel = channel;
    }

    static Path path(final Path queueDir) {
        return queueDir.resolve(NAME);
    }

    /** Opens (creating it if need be) the chain head file of the queue in {@code queueDir} for writing. */
    static ChainHeadFile openForWriting(final Path queueDir) {
        try {
            Files.createDirectories(queueDir);
            return new ChainHeadFile(FileChannel.open(path(queueDir), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.READ));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open the journal's chain head file " + path(queueDir), e);
        }
    }

    /** Records {@code records} records ending in chain hash {@code hash} and forces the file to disk. */
    void write(final long records, final byte[] hash, final long keyId) {
        slot.clear();
        slot.putInt(0, MAGIC).putLong(RECORDS_AT, records);
        for (int i = 0; i < JournalFrame.CHAIN_LENGTH; i++) {
            slot.put(HASH_AT + i, hash[i]);
        }
        slot.putLong(KEY_AT, keyId);
        crc.reset();
        slot.limit(CRC_AT);
        crc.update(slot);
        slot.clear();
        slot.putInt(CRC_AT, (int) crc.getValue()).putLong(CRC_AT + Integer.BYTES, 0);
        try {
            long at = (writes++ & 1) * SLOT;
            while (slot.hasRemaining()) {
                at += channel.write(slot, at);
            }
            channel.force(false);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write the journal's chain head file", e);
        }
    }

    /**
     * The chain head recorded beside the queue in {@code queueDir}, or null when there is no such file.
     *
     * @throws IllegalStateException when the file holds no valid slot
     */
    static ChainHead read(final Path queueDir) {
        final Path file = path(queueDir);
        if (!Files.exists(file)) {
            return null;
        }
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read the journal's chain head file " + file, e);
        }
        ChainHead best = null;
        final CRC32C check = new CRC32C();
        for (int at = 0; at + SLOT <= bytes.length; at += SLOT) {
            final ByteBuffer b = ByteBuffer.wrap(bytes, at, SLOT).slice().order(ByteOrder.LITTLE_ENDIAN);
            check.reset();
            check.update(bytes, at, CRC_AT);
            if (b.getInt(0) != MAGIC || b.getInt(CRC_AT) != (int) check.getValue()) {
                continue;
            }
            final long records = b.getLong(RECORDS_AT);
            if (records >= 0 && (best == null || records > best.records())) {
                best = ChainHead.of(records, bytes, at + HASH_AT, b.getLong(KEY_AT));
            }
        }
        if (best == null) {
            throw new IllegalStateException(file + ": the journal's chain head file holds no valid entry ("
                    + bytes.length + " bytes, expected two " + SLOT + "-byte slots with magic SLCH and a CRC32C)");
        }
        return best;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot close the journal's chain head file", e);
        }
    }
}
