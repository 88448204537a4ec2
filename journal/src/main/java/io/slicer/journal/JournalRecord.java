package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import io.slicer.journal.sbe.MessageHeaderEncoder;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * One journal record as read from (or about to be written to) the queue: the raw bytes of its frame and its SBE
 * message ({@link JournalFrame}), in a buffer the generated codecs wrap. A flyweight: the reader refills the same
 * instance for every record.
 *
 * <p>Allocation-free after construction.
 */
public final class JournalRecord {
    private final byte[] bytes = new byte[JournalFrame.MAX_RECORD_LENGTH];
    private final UnsafeBuffer buffer = new UnsafeBuffer(bytes);
    /** The message header of the bytes in the buffer, read in place. */
    private final MessageHeaderDecoder header = new MessageHeaderDecoder().wrap(buffer, JournalFrame.MESSAGE_OFFSET);
    private int templateId;
    private long sequence;
    private int length;

    byte[] bytes() {
        return bytes;
    }

    /** The record's bytes, for the generated codecs: the message starts at {@link JournalFrame#MESSAGE_OFFSET}. */
    public UnsafeBuffer buffer() {
        return buffer;
    }

    void set(final int template, final long journalSequence, final int recordLength) {
        this.templateId = template;
        this.sequence = journalSequence;
        this.length = recordLength;
    }

    /**
     * Writes the frame around a message of {@code messageLength} bytes already in place (its header included): magic,
     * sequence, the chain hash (moving {@code chain}'s head on), checksum last.
     */
    void frame(final long journalSequence, final int messageLength, final CRC32C crc, final JournalChain chain) {
        final int recordLength = JournalFrame.LENGTH + messageLength;
        buffer.putInt(JournalFrame.MAGIC_OFFSET, JournalFrame.MAGIC, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(JournalFrame.SEQUENCE_OFFSET, journalSequence, ByteOrder.LITTLE_ENDIAN);
        chain.link(bytes, recordLength);
        buffer.putInt(JournalFrame.CRC_OFFSET, checksum(recordLength, crc), ByteOrder.LITTLE_ENDIAN);
        set(header.templateId(), journalSequence, recordLength);
    }

    /** A record a replay produced, not written anywhere: no frame, sequence -1. */
    void captured(final int messageLength) {
        set(header.templateId(), -1, JournalFrame.LENGTH + messageLength);
    }

    /** CRC32C of bytes {@code [SEQUENCE_OFFSET, recordLength)} as they are in the buffer. */
    int checksum(final int recordLength, final CRC32C crc) {
        crc.reset();
        crc.update(bytes, JournalFrame.SEQUENCE_OFFSET, recordLength - JournalFrame.SEQUENCE_OFFSET);
        return (int) crc.getValue();
    }

    /** The SBE message header of the bytes in the buffer (before {@link #set}: of the bytes just read). */
    MessageHeaderDecoder header() {
        return header;
    }

    int frameInt(final int offset) {
        return buffer.getInt(offset, ByteOrder.LITTLE_ENDIAN);
    }

    long frameLong(final int offset) {
        return buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN);
    }

    /** What the record is, from its template id. */
    public RecordType type() {
        return RecordType.ofTemplate(templateId);
    }

    /** The SBE template id of the record's message: which message it is. */
    public int templateId() {
        return templateId;
    }

    /** Journal sequence: dense record count from 0. */
    public long sequence() {
        return sequence;
    }

    /** Frame plus message length. */
    public int length() {
        return length;
    }

    /**
     * Offset, from the start of the message, of the first message byte that differs from {@code other}'s, or -1 when
     * the messages are equal bit for bit (frames aside: they carry the sequence, chain hash and checksum).
     */
    public int firstMessageDifference(final JournalRecord other) {
        final int from = JournalFrame.MESSAGE_OFFSET;
        return Arrays.mismatch(bytes, from, length, other.bytes, from, other.length);
    }

    /**
     * Rewrites this record's message (of this build's schema version) as schema version {@code version} writes it:
     * the fields added since are cut from the end of its block, the header says the older block length and version.
     * How replay compares an output of this build with one journaled in format 4. No change for this build's version.
     */
    public void downgradeMessage(final int version) {
        final int block = header.blockLength();
        final int older = RecordType.blockLength(header.templateId(), version);
        if (version == header.version() || older < 0) {
            return;
        }
        if (older != block) {
            final int tail = JournalFrame.BODY_OFFSET + block;
            System.arraycopy(bytes, tail, bytes, JournalFrame.BODY_OFFSET + older, length - tail);
            length -= block - older;
        }
        new MessageHeaderEncoder().wrap(buffer, JournalFrame.MESSAGE_OFFSET).blockLength(older).version(version);
    }

    /** The schema version the record's message header gives. */
    public int messageVersion() {
        return header.version();
    }

    /** Copies type, sequence and bytes from {@code other}. */
    public void copyFrom(final JournalRecord other) {
        System.arraycopy(other.bytes, 0, bytes, 0, other.length);
        set(other.templateId, other.sequence, other.length);
    }
}
