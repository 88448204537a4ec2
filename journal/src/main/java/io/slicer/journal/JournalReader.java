package io.slicer.journal;

import io.slicer.journal.format.JournalRecordDescriptor;
import io.slicer.journal.format.RecordType;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.zip.CRC32C;

/**
 * Reads a journal's records in order and validates each one: magic, layout version, record type, length against the
 * document's size (a truncated record), CRC32C, and the journal sequence (dense from 0, so a lost or duplicated record
 * shows). The first bad record throws {@link JournalCorruptException} saying where; every record before it has been
 * returned and checked, so the valid prefix stays usable.
 *
 * <p>Allocation-free after construction.
 */
public final class JournalReader implements AutoCloseable {
    private final String where;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final CRC32C crc = new CRC32C();
    private long validRecords;

    private JournalReader(final Path queueDir, final SingleChronicleQueue queue) {
        this.where = queueDir.toString();
        this.queue = queue;
        this.tailer = queue.createTailer();
    }

    /** Opens the journal queue in {@code queueDir} read-only; the directory must hold one. */
    public static JournalReader open(final Path queueDir) {
        return new JournalReader(queueDir, JournalQueues.openForReading(queueDir));
    }

    /**
     * Reads the next record into {@code into}. Returns false at the end of the journal.
     *
     * @throws JournalCorruptException when the next record is not valid; {@link #validRecords()} stays at the count of
     *                                 good records before it
     */
    public boolean next(final JournalRecord into) {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                return false;
            }
            final long index = dc.index();
            final Bytes<?> bytes = dc.wire().bytes();
            final long available = bytes.readRemaining();
            if (available < JournalRecordDescriptor.HEADER_LENGTH) {
                throw corrupt(index, "is truncated: it holds " + available + " bytes, a record header needs "
                        + JournalRecordDescriptor.HEADER_LENGTH);
            }
            final int toRead = (int) Math.min(available, into.buffer().length);
            bytes.read(into.buffer(), 0, toRead);
            validate(into, index, available);
            validRecords++;
            return true;
        }
    }

    private void validate(final JournalRecord record, final long index, final long available) {
        final int magic = record.headerInt(JournalRecordDescriptor.MAGIC_OFFSET);
        if (magic != JournalRecordDescriptor.MAGIC) {
            throw corrupt(index, String.format("has magic 0x%08x, expected 0x%08x (\"SLJ1\")", magic,
                    JournalRecordDescriptor.MAGIC));
        }
        final short layout = record.headerShort(JournalRecordDescriptor.LAYOUT_OFFSET);
        if (layout != JournalRecordDescriptor.LAYOUT_VERSION) {
            final boolean older = layout > 0 && layout < JournalRecordDescriptor.LAYOUT_VERSION;
            throw corrupt(index, "has layout version " + layout + ", this reader knows "
                    + JournalRecordDescriptor.LAYOUT_VERSION
                    + (older ? " (written by an older build: replay it with that build)" : ""));
        }
        final int length = record.headerInt(JournalRecordDescriptor.LENGTH_OFFSET);
        if (length < 0 || length > JournalRecordDescriptor.MAX_PAYLOAD_LENGTH) {
            throw corrupt(index, "announces a payload of " + length + " bytes, expected 0.."
                    + JournalRecordDescriptor.MAX_PAYLOAD_LENGTH);
        }
        final long needed = JournalRecordDescriptor.HEADER_LENGTH + (long) length;
        if (available < needed) {
            throw corrupt(index, "is truncated: its header announces " + needed + " bytes, the queue holds "
                    + available);
        }
        if (available > needed) {
            throw corrupt(index, "holds " + available + " bytes, its header announces " + needed);
        }
        final int stored = record.headerInt(JournalRecordDescriptor.CRC_OFFSET);
        final int computed = record.checksum(length, crc);
        if (stored != computed) {
            throw corrupt(index, String.format("fails its checksum: CRC32C of its bytes is 0x%08x, the record says"
                    + " 0x%08x", computed, stored));
        }
        final long sequence = record.headerLong(JournalRecordDescriptor.SEQUENCE_OFFSET);
        if (sequence != validRecords) {
            throw corrupt(index, "carries journal sequence " + sequence + (sequence > validRecords
                    ? " (records are missing before it)" : " (a record is repeated)"));
        }
        final short typeCode = record.headerShort(JournalRecordDescriptor.TYPE_OFFSET);
        final RecordType type = RecordType.ofCode(typeCode);
        if (type == null) {
            throw corrupt(index, "has unknown record type " + typeCode);
        }
        record.set(type, sequence, index, length);
    }

    private JournalCorruptException corrupt(final long index, final String problem) {
        return new JournalCorruptException(where, index, validRecords, validRecords, problem);
    }

    /** Records read and validated so far. */
    public long validRecords() {
        return validRecords;
    }

    @Override
    public void close() {
        tailer.close();
        queue.close();
    }
}
