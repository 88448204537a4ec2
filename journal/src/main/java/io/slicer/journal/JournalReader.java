package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.JournalLayout;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.ApprovalDecoder;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.SessionDecoder;
import io.slicer.journal.sbe.StrategyChoiceDecoder;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.zip.CRC32C;

/**
 * Reads a journal's records in order and validates each one: magic (a journal of an older format is refused by
 * name), length (a truncated record), CRC32C, the journal sequence (dense from 0, so a lost or duplicated record
 * shows), the chain hash (an edited, reordered or inserted record breaks it even with its CRC recomputed), the SBE
 * schema id and version, the template (a known message) and its block length. At the record the chain head file
 * names, the chain must give the hash it recorded (a rewritten chain); at the end, the journal must hold at least the
 * records it recorded (a cut journal). The first problem throws {@link JournalCorruptException} saying where; every
 * record before it has been returned and checked, so the valid prefix stays usable.
 *
 * <p>Allocation-free after construction.
 */
public final class JournalReader implements AutoCloseable {
    private static final int MIN_RECORD = JournalFrame.BODY_OFFSET;

    private final String where;
    private final SingleChronicleQueue queue;
    private final ExcerptTailer tailer;
    private final CRC32C crc = new CRC32C();
    private final JournalKey key;
    private final JournalChain chain;
    /** The chain head file's entry as opened: null when the queue has none. */
    private final ChainHead recordedHead;
    private final byte[] recordedHash;
    private final SessionDecoder session = new SessionDecoder();
    private final DecisionDecoder decision = new DecisionDecoder();
    private final ApprovalDecoder approval = new ApprovalDecoder();
    private final StrategyChoiceDecoder choice = new StrategyChoiceDecoder();
    private long validRecords;
    private long queueIndex = -1;
    private boolean ended;

    private JournalReader(final Path queueDir, final SingleChronicleQueue queue, final ExcerptTailer tailer,
                          final JournalKey key, final ChainHead recordedHead) {
        this.where = queueDir.toString();
        this.queue = queue;
        this.tailer = tailer;
        this.key = key;
        this.chain = new JournalChain(key, ChainHead.GENESIS);
        this.recordedHead = recordedHead;
        this.recordedHash = recordedHead == null ? null : recordedHead.hashBytes();
    }

    /** Opens the journal queue in {@code queueDir} read-only, chained with the configured key. */
    public static JournalReader open(final Path queueDir) {
        return open(queueDir, JournalKey.configured());
    }

    /** Opens the journal queue in {@code queueDir} read-only; the directory must hold one chained with {@code key}. */
    public static JournalReader open(final Path queueDir, final JournalKey key) {
        final SingleChronicleQueue queue = JournalQueues.openForReading(queueDir);
        try {
            final ChainHead recorded = ChainHeadFile.read(queueDir);
            final ExcerptTailer tailer;
            try {
                tailer = queue.createTailer();
            } catch (final Exception e) { // Chronicle throws checked exceptions (StreamCorruptedException) unchecked
                throw new IllegalStateException("cannot read the journal queue at " + queueDir + ": "
                        + JournalQueues.oneLine(e) + " (a damaged queue file header)", e);
            }
            return new JournalReader(queueDir, queue, tailer, key, recorded);
        } catch (final RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /**
     * Reads the next record into {@code into}. Returns false at the end of the journal.
     *
     * @throws JournalCorruptException when the next record is not valid, or the journal ends before its chain head
     *                                 file says it does; {@link #validRecords()} stays at the count of good records
     */
    public boolean next(final JournalRecord into) {
        try {
            return read(into);
        } catch (final JournalCorruptException e) {
            throw e;
        } catch (final Exception e) { // Chronicle throws checked exceptions (StreamCorruptedException) unchecked
            throw JournalCorruptException.afterRecords(where, validRecords, "Chronicle Queue cannot read the next"
                    + " document (" + JournalQueues.oneLine(e) + "): the queue file is damaged");
        }
    }

    private boolean read(final JournalRecord into) {
        try (DocumentContext dc = tailer.readingDocument()) {
            if (!dc.isPresent()) {
                checkEnd();
                return false;
            }
            final long index = dc.index();
            queueIndex = index;
            final Bytes<?> bytes = dc.wire().bytes();
            final long available = bytes.readRemaining();
            if (available < MIN_RECORD) {
                throw corrupt(index, "is truncated: it holds " + available + " bytes, a record's frame and message"
                        + " header need " + MIN_RECORD);
            }
            if (available > JournalFrame.MAX_RECORD_LENGTH) {
                throw corrupt(index, "holds " + available + " bytes, more than a record's "
                        + JournalFrame.MAX_RECORD_LENGTH);
            }
            bytes.read(into.bytes(), 0, (int) available);
            validate(into, index, (int) available);
            validRecords++;
            return true;
        }
    }

    private void validate(final JournalRecord record, final long index, final int length) {
        final int magic = record.frameInt(JournalFrame.MAGIC_OFFSET);
        if (magic == JournalFrame.MAGIC_FORMAT_3) {
            throw corrupt(index, "is in journal format 3 (magic \"SLJ3\", no hash chain), written by an older build;"
                    + " this build reads format " + JournalFrame.FORMAT + ": replay it with the build that wrote it");
        }
        if (magic == JournalFrame.MAGIC_FORMAT_1_AND_2) {
            throw corrupt(index, "is in journal format 1 or 2 (magic \"SLJ1\"), written by an older build; this"
                    + " build reads format " + JournalFrame.FORMAT + ": replay it with the build that wrote it");
        }
        if (magic != JournalFrame.MAGIC && magic != JournalFrame.MAGIC_FORMAT_4) {
            throw corrupt(index, String.format("has magic 0x%08x, expected 0x%08x (\"SLJ%d\", journal format %d)",
                    magic, JournalFrame.MAGIC, JournalFrame.FORMAT, JournalFrame.FORMAT));
        }
        if (recordedHead == null) {
            throw corrupt(index, "has no chain head file (" + ChainHeadFile.path(Path.of(where)) + ") beside it:"
                    + " it was removed, so a cut at the journal's end could not be seen; refusing the journal");
        }
        final MessageHeaderDecoder header = record.header();
        final int template = header.templateId();
        // A format-4 journal's records are all of schema version 4; this build's, of its own.
        final int version = magic == JournalFrame.MAGIC_FORMAT_4 ? JournalFrame.FORMAT_4 : JournalFrame.SCHEMA_VERSION;
        final int expected = RecordType.blockLength(template, version);
        if (expected >= 0 && length < JournalFrame.BODY_OFFSET + expected) {
            throw corrupt(index, "is truncated: a " + JournalLayout.message(template).name() + " record needs at least "
                    + (JournalFrame.BODY_OFFSET + expected) + " bytes, the queue holds " + length);
        }
        final int stored = record.frameInt(JournalFrame.CRC_OFFSET);
        final int computed = record.checksum(length, crc);
        if (stored != computed) {
            throw corrupt(index, String.format("fails its checksum: CRC32C of its bytes is 0x%08x, the record says"
                    + " 0x%08x", computed, stored));
        }
        final long sequence = record.frameLong(JournalFrame.SEQUENCE_OFFSET);
        if (sequence != validRecords) {
            throw corrupt(index, "carries journal sequence " + sequence + (sequence > validRecords
                    ? " (records are missing before it)" : " (a record is repeated)"));
        }
        final int schema = header.schemaId();
        if (schema != JournalFrame.SCHEMA_ID || header.version() != version) {
            throw corrupt(index, "is of schema " + schema + " version " + header.version() + ", this build reads"
                    + " schema " + JournalFrame.SCHEMA_ID + " version " + version + " in a journal of magic \"SLJ"
                    + version + "\"");
        }
        if (expected < 0) {
            throw corrupt(index, "has unknown message template " + template);
        }
        final int block = header.blockLength();
        if (block != expected || JournalFrame.BODY_OFFSET + block > length) {
            throw corrupt(index, "announces a " + JournalLayout.message(template).name() + " block of " + block
                    + " bytes in " + length + ", expected " + expected);
        }
        final int message = messageLength(record, template, block, version);
        if (JournalFrame.MESSAGE_OFFSET + message != length) {
            throw corrupt(index, "holds " + length + " bytes, its " + JournalLayout.message(template).name()
                    + " message ends at byte " + (JournalFrame.MESSAGE_OFFSET + message));
        }
        if (!chain.verify(record.bytes(), length)) {
            throw corrupt(index, "breaks the hash chain: " + key.algorithm() + " over the previous record's chain"
                    + " hash and this record gives " + hex(chain.expected(), 0) + ", the record carries "
                    + hex(record.bytes(), JournalFrame.CHAIN_OFFSET) + " (the record or one before it was edited,"
                    + " reordered or inserted" + keyHint() + ")");
        }
        if (recordedHead != null && chain.records() == recordedHead.records()
                && !Arrays.equals(chain.head(), recordedHash)) {
            throw corrupt(index, "ends the chain with " + hex(chain.head(), 0) + ", but the chain head file recorded "
                    + recordedHead.hash() + " for record #" + (recordedHead.records() - 1) + ": the chain was"
                    + " rewritten");
        }
        record.set(template, sequence, length);
    }

    /** The message's length as its header, groups and variable data say, or -1 when they run past the buffer. */
    private int messageLength(final JournalRecord record, final int template, final int block, final int version) {
        final int header = MessageHeaderDecoder.ENCODED_LENGTH;
        try {
            if (template == SessionDecoder.TEMPLATE_ID) {
                return header + session.wrap(record.buffer(), JournalFrame.BODY_OFFSET, block,
                        version).sbeDecodedLength();
            }
            if (template == DecisionDecoder.TEMPLATE_ID) {
                return header + decision.wrap(record.buffer(), JournalFrame.BODY_OFFSET, block,
                        version).sbeDecodedLength();
            }
            if (template == ApprovalDecoder.TEMPLATE_ID) {
                return header + approval.wrap(record.buffer(), JournalFrame.BODY_OFFSET, block,
                        version).sbeDecodedLength();
            }
            if (template == StrategyChoiceDecoder.TEMPLATE_ID) {
                return header + choice.wrap(record.buffer(), JournalFrame.BODY_OFFSET, block,
                        version).sbeDecodedLength();
            }
            return header + block;
        } catch (final IndexOutOfBoundsException e) {
            return -1;
        }
    }

    /** At the end of the queue: the chain head file must not name more records than the queue holds. */
    private void checkEnd() {
        if (ended) {
            return;
        }
        ended = true;
        if (recordedHead == null) {
            throw JournalCorruptException.afterRecords(where, validRecords, "the queue has no chain head file ("
                    + ChainHeadFile.path(Path.of(where)) + "): it was removed, or the queue was not written by"
                    + " this build; refusing the journal");
        }
        if (recordedHead.records() > validRecords) {
            throw JournalCorruptException.afterRecords(where, validRecords, "the queue ends, but its chain head file"
                    + " says " + recordedHead.records() + " records were forced to disk (the last with chain hash "
                    + recordedHead.hash() + "): records #" + validRecords + " to #" + (recordedHead.records() - 1)
                    + " were cut off");
        }
    }

    private String keyHint() {
        if (recordedHead == null || chain.records() > 0) {
            return "";
        }
        if (recordedHead.keyId() != 0 && !key.keyed()) {
            return "; or: the journal was chained with a key (key id "
                    + HexFormat.of().toHexDigits(recordedHead.keyId()) + ") and none is configured: set "
                    + JournalKey.ENV;
        }
        if (key.keyed() && recordedHead.keyId() != key.id()) {
            return "; or: the journal was chained " + (recordedHead.keyId() == 0 ? "without a key"
                    : "with key id " + HexFormat.of().toHexDigits(recordedHead.keyId())) + " and " + key.describe()
                    + " is configured";
        }
        return "";
    }

    private static String hex(final byte[] bytes, final int offset) {
        return HexFormat.of().formatHex(bytes, offset, offset + JournalFrame.CHAIN_LENGTH);
    }

    /** Chronicle Queue index of the last record read. */
    public long queueIndex() {
        return queueIndex;
    }

    /** The journal queue's directory, as messages name it. */
    public String where() {
        return where;
    }

    /** Where the chain stands after the records read so far (allocates). */
    public ChainHead chainHead() {
        return chain.snapshot();
    }

    /** The chain head file's entry when the reader opened, or null when there was none. */
    public ChainHead recordedHead() {
        return recordedHead;
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
