package io.slicer.journal;

import io.slicer.journal.format.JournalRecordDescriptor;
import io.slicer.journal.format.RecordType;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * One journal record as read from (or about to be written to) the queue: the raw bytes of header and payload, with
 * little-endian accessors at {@link JournalRecordDescriptor} payload offsets. A flyweight: the reader refills the same
 * instance for every record. Allocation-free after construction, except the string accessor.
 */
public final class JournalRecord {
    private final byte[] bytes = new byte[JournalRecordDescriptor.HEADER_LENGTH
            + JournalRecordDescriptor.MAX_PAYLOAD_LENGTH];
    private final ByteBuffer whole = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    private RecordType type;
    private long sequence;
    private long queueIndex = -1;
    private int payloadLength;

    byte[] buffer() {
        return bytes;
    }

    void set(final RecordType type, final long sequence, final long queueIndex, final int payloadLength) {
        this.type = type;
        this.sequence = sequence;
        this.queueIndex = queueIndex;
        this.payloadLength = payloadLength;
    }

    /** Writes the header for a payload of {@code payloadLength} bytes already in place, checksum included. */
    void seal(final RecordType type, final long sequence, final int payloadLength, final CRC32C crc) {
        whole.putInt(JournalRecordDescriptor.MAGIC_OFFSET, JournalRecordDescriptor.MAGIC);
        whole.putShort(JournalRecordDescriptor.TYPE_OFFSET, type.code);
        whole.putShort(JournalRecordDescriptor.LAYOUT_OFFSET, JournalRecordDescriptor.LAYOUT_VERSION);
        whole.putInt(JournalRecordDescriptor.LENGTH_OFFSET, payloadLength);
        whole.putLong(JournalRecordDescriptor.SEQUENCE_OFFSET, sequence);
        whole.putInt(JournalRecordDescriptor.CRC_OFFSET, checksum(payloadLength, crc));
        set(type, sequence, -1, payloadLength);
    }

    /** CRC32C of the header (its own field aside) and {@code payloadLength} payload bytes as they are in the buffer. */
    int checksum(final int payloadLength, final CRC32C crc) {
        crc.reset();
        crc.update(bytes, 0, JournalRecordDescriptor.CRC_OFFSET);
        crc.update(bytes, JournalRecordDescriptor.SEQUENCE_OFFSET,
                JournalRecordDescriptor.HEADER_LENGTH - JournalRecordDescriptor.SEQUENCE_OFFSET + payloadLength);
        return (int) crc.getValue();
    }

    int headerInt(final int offset) {
        return whole.getInt(offset);
    }

    short headerShort(final int offset) {
        return whole.getShort(offset);
    }

    long headerLong(final int offset) {
        return whole.getLong(offset);
    }

    public RecordType type() {
        return type;
    }

    /** Journal sequence: dense record count from 0. */
    public long sequence() {
        return sequence;
    }

    /** Chronicle Queue index of this record's document. */
    public long queueIndex() {
        return queueIndex;
    }

    public int payloadLength() {
        return payloadLength;
    }

    /** Header plus payload length. */
    public int length() {
        return JournalRecordDescriptor.HEADER_LENGTH + payloadLength;
    }

    public long getLong(final int payloadOffset) {
        return whole.getLong(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset);
    }

    public int getInt(final int payloadOffset) {
        return whole.getInt(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset);
    }

    public double getDouble(final int payloadOffset) {
        return whole.getDouble(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset);
    }

    public float getFloat(final int payloadOffset) {
        return whole.getFloat(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset);
    }

    /** The string at {@code payloadOffset} (u16 length + UTF-8). */
    public String getString(final int payloadOffset) {
        final int length = Short.toUnsignedInt(whole.getShort(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset));
        return new String(bytes, JournalRecordDescriptor.HEADER_LENGTH + payloadOffset
                + JournalRecordDescriptor.STRING_LENGTH_BYTES, length, StandardCharsets.UTF_8);
    }

    /** Offset just past the string at {@code payloadOffset}. */
    public int skipString(final int payloadOffset) {
        return payloadOffset + JournalRecordDescriptor.STRING_LENGTH_BYTES
                + Short.toUnsignedInt(whole.getShort(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset));
    }

    public JournalRecord putLong(final int payloadOffset, final long value) {
        whole.putLong(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset, value);
        return this;
    }

    public JournalRecord putInt(final int payloadOffset, final int value) {
        whole.putInt(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset, value);
        return this;
    }

    public JournalRecord putDouble(final int payloadOffset, final double value) {
        whole.putDouble(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset, value);
        return this;
    }

    public JournalRecord putFloat(final int payloadOffset, final float value) {
        whole.putFloat(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset, value);
        return this;
    }

    /** Writes {@code value} as u16 length + UTF-8 and returns the offset just past it. Allocates: not for hot paths. */
    public int putString(final int payloadOffset, final String value) {
        final byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > JournalRecordDescriptor.MAX_STRING_BYTES) {
            throw new IllegalArgumentException("journal string of " + utf8.length + " UTF-8 bytes exceeds "
                    + JournalRecordDescriptor.MAX_STRING_BYTES + ": " + value.substring(0, 60) + "...");
        }
        return putBytes(putShortLength(payloadOffset, utf8.length), utf8);
    }

    /** Writes raw bytes and returns the offset just past them. */
    public int putBytes(final int payloadOffset, final byte[] value) {
        final int at = JournalRecordDescriptor.HEADER_LENGTH + payloadOffset;
        if (at + value.length > bytes.length) {
            throw new IllegalArgumentException("journal record payload would exceed "
                    + JournalRecordDescriptor.MAX_PAYLOAD_LENGTH + " bytes");
        }
        System.arraycopy(value, 0, bytes, at, value.length);
        return payloadOffset + value.length;
    }

    private int putShortLength(final int payloadOffset, final int length) {
        whole.putShort(JournalRecordDescriptor.HEADER_LENGTH + payloadOffset, (short) length);
        return payloadOffset + JournalRecordDescriptor.STRING_LENGTH_BYTES;
    }

    /** Copies {@code length} payload bytes starting at {@code payloadOffset}. */
    public byte[] getBytes(final int payloadOffset, final int length) {
        final int from = JournalRecordDescriptor.HEADER_LENGTH + payloadOffset;
        return Arrays.copyOfRange(bytes, from, from + length);
    }

    /** The payload byte at {@code payloadOffset}. */
    public byte payloadByte(final int payloadOffset) {
        return bytes[JournalRecordDescriptor.HEADER_LENGTH + payloadOffset];
    }

    /** Payload bytes of this record equal {@code other}'s, bit for bit (header sequence and CRC aside). */
    public boolean samePayload(final JournalRecord other) {
        return type == other.type && firstPayloadDifference(other) < 0;
    }

    /** Offset of the first payload byte that differs from {@code other}'s, or -1 when the payloads are equal. */
    public int firstPayloadDifference(final JournalRecord other) {
        final int from = JournalRecordDescriptor.HEADER_LENGTH;
        final int mismatch = Arrays.mismatch(bytes, from, from + payloadLength,
                other.bytes, from, from + other.payloadLength);
        return mismatch;
    }

    /** Copies type, sequence and bytes from {@code other}. */
    public void copyFrom(final JournalRecord other) {
        System.arraycopy(other.bytes, 0, bytes, 0, other.length());
        set(other.type, other.sequence, other.queueIndex, other.payloadLength);
    }
}
