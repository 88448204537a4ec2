package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.MessageHeaderDecoder;
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
    private RecordType type;
    private int templateId;
    private long sequence;
    private long queueIndex = -1;
    private int length;

    byte[] bytes() {
        return bytes;
    }

    /** The record's bytes, for the generated codecs: the message starts at {@link JournalFrame#MESSAGE_OFFSET}. */
    public UnsafeBuffer buffer() {
        return buffer;
    }

    void set(final RecordType recordType, final int template, final long journalSequence, final long index,
             final int recordLength) {
        this.type = recordType;
        this.templateId = template;
        this.sequence = journalSequence;
        this.queueIndex = index;
        this.length = recordLength;
    }

    /**
     * Writes the frame around a message of {@code messageLength} bytes already in place (its header included),
     * checksum last.
     */
    void seal(final long journalSequence, final int messageLength, final CRC32C crc) {
        final int recordLength = JournalFrame.LENGTH + messageLength;
        buffer.putInt(JournalFrame.MAGIC_OFFSET, JournalFrame.MAGIC, ByteOrder.LITTLE_ENDIAN);
        buffer.putLong(JournalFrame.SEQUENCE_OFFSET, journalSequence, ByteOrder.LITTLE_ENDIAN);
        buffer.putInt(JournalFrame.CRC_OFFSET, checksum(recordLength, crc), ByteOrder.LITTLE_ENDIAN);
        final int template = messageTemplate();
        set(RecordType.ofTemplate(template), template, journalSequence, -1, recordLength);
    }

    /** A record a replay produced, not written anywhere: no frame, sequence -1. */
    void captured(final int messageLength) {
        final int template = messageTemplate();
        set(RecordType.ofTemplate(template), template, -1, -1, JournalFrame.LENGTH + messageLength);
    }

    /** CRC32C of bytes {@code [SEQUENCE_OFFSET, recordLength)} as they are in the buffer. */
    int checksum(final int recordLength, final CRC32C crc) {
        crc.reset();
        crc.update(bytes, JournalFrame.SEQUENCE_OFFSET, recordLength - JournalFrame.SEQUENCE_OFFSET);
        return (int) crc.getValue();
    }

    /** The template id in the message header of the bytes in the buffer. */
    int messageTemplate() {
        return buffer.getShort(JournalFrame.MESSAGE_OFFSET + MessageHeaderDecoder.templateIdEncodingOffset(),
                ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    /** A message-header field ({@code MessageHeaderDecoder}'s offset) of the bytes in the buffer. */
    int messageHeaderShort(final int offset) {
        return buffer.getShort(JournalFrame.MESSAGE_OFFSET + offset, ByteOrder.LITTLE_ENDIAN) & 0xFFFF;
    }

    int frameInt(final int offset) {
        return buffer.getInt(offset, ByteOrder.LITTLE_ENDIAN);
    }

    long frameLong(final int offset) {
        return buffer.getLong(offset, ByteOrder.LITTLE_ENDIAN);
    }

    public RecordType type() {
        return type;
    }

    /** The SBE template id of the record's message: which message it is. */
    public int templateId() {
        return templateId;
    }

    /** Journal sequence: dense record count from 0. */
    public long sequence() {
        return sequence;
    }

    /** Chronicle Queue index of this record's document. */
    public long queueIndex() {
        return queueIndex;
    }

    /** Frame plus message length. */
    public int length() {
        return length;
    }

    /**
     * Offset, from the start of the message, of the first message byte that differs from {@code other}'s, or -1 when
     * the messages are equal bit for bit (frames aside: they carry the sequence and checksum).
     */
    public int firstMessageDifference(final JournalRecord other) {
        final int from = JournalFrame.MESSAGE_OFFSET;
        return Arrays.mismatch(bytes, from, length, other.bytes, from, other.length);
    }

    /** Copies type, sequence and bytes from {@code other}. */
    public void copyFrom(final JournalRecord other) {
        System.arraycopy(other.bytes, 0, bytes, 0, other.length);
        set(other.type, other.templateId, other.sequence, other.queueIndex, other.length);
    }
}
