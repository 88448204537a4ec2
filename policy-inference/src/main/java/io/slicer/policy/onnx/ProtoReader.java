package io.slicer.policy.onnx;

import java.nio.charset.StandardCharsets;

/**
 * Reads protobuf fields from a byte range, checking every length against the bytes present: a truncated or corrupt
 * ONNX file ends in a {@link ProtoException} that says where, never in an index out of bounds.
 */
final class ProtoReader {
    private final byte[] buf;
    private int pos;
    private final int limit;
    private int wireType;

    ProtoReader(final byte[] buf) {
        this(buf, 0, buf.length);
    }

    private ProtoReader(final byte[] buf, final int offset, final int limit) {
        this.buf = buf;
        this.pos = offset;
        this.limit = limit;
    }

    /** The next field number, or -1 at the end of this message. */
    int next() {
        if (pos >= limit) {
            return -1;
        }
        final long tag = varint();
        wireType = (int) (tag & 7);
        final long field = tag >>> 3;
        if (field <= 0 || field > Integer.MAX_VALUE) {
            throw new ProtoException("invalid field number " + field + " at byte " + pos);
        }
        return (int) field;
    }

    long varint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= limit) {
                throw new ProtoException("truncated varint at byte " + pos);
            }
            final byte b = buf[pos++];
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new ProtoException("malformed varint at byte " + pos);
    }

    float fixed32Float() {
        expect(ProtoWriter.FIXED32);
        need(4);
        final int bits = (buf[pos] & 0xFF) | (buf[pos + 1] & 0xFF) << 8 | (buf[pos + 2] & 0xFF) << 16
                | (buf[pos + 3] & 0xFF) << 24;
        pos += 4;
        return Float.intBitsToFloat(bits);
    }

    long varintField() {
        expect(ProtoWriter.VARINT);
        return varint();
    }

    byte[] bytes() {
        expect(ProtoWriter.LENGTH_DELIMITED);
        final int length = length();
        final byte[] out = new byte[length];
        System.arraycopy(buf, pos, out, 0, length);
        pos += length;
        return out;
    }

    String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    ProtoReader message() {
        expect(ProtoWriter.LENGTH_DELIMITED);
        final int length = length();
        final ProtoReader sub = new ProtoReader(buf, pos, pos + length);
        pos += length;
        return sub;
    }

    /** A repeated int64 written either packed or one varint per field. */
    void int64s(final java.util.List<Long> into) {
        if (wireType == ProtoWriter.LENGTH_DELIMITED) {
            final ProtoReader packed = message();
            while (packed.pos < packed.limit) {
                into.add(packed.varint());
            }
        } else {
            into.add(varintField());
        }
    }

    /** A repeated float written either packed or one fixed32 per field. */
    void floats(final FloatList into) {
        if (wireType == ProtoWriter.LENGTH_DELIMITED) {
            final ProtoReader packed = message();
            if ((packed.limit - packed.pos) % 4 != 0) {
                throw new ProtoException("packed floats of " + (packed.limit - packed.pos) + " bytes");
            }
            while (packed.pos < packed.limit) {
                packed.wireType = ProtoWriter.FIXED32;
                into.add(packed.fixed32Float());
            }
        } else {
            into.add(fixed32Float());
        }
    }

    void skip() {
        switch (wireType) {
            case ProtoWriter.VARINT -> varint();
            case ProtoWriter.FIXED64 -> {
                need(8);
                pos += 8;
            }
            case ProtoWriter.LENGTH_DELIMITED -> {
                final int length = length();
                pos += length;
            }
            case ProtoWriter.FIXED32 -> {
                need(4);
                pos += 4;
            }
            default -> throw new ProtoException("unsupported wire type " + wireType + " at byte " + pos);
        }
    }

    private int length() {
        final long length = varint();
        if (length < 0 || length > limit - pos) {
            throw new ProtoException("field length " + length + " at byte " + pos + " runs past the end ("
                    + (limit - pos) + " bytes left): truncated file");
        }
        return (int) length;
    }

    private void need(final int n) {
        if (limit - pos < n) {
            throw new ProtoException("truncated: need " + n + " bytes at byte " + pos + ", " + (limit - pos) + " left");
        }
    }

    private void expect(final int type) {
        if (wireType != type) {
            throw new ProtoException("wire type " + wireType + " where " + type + " was expected at byte " + pos);
        }
    }

    /** A growable float array, so reading float_data does not box. */
    static final class FloatList {
        private float[] values = new float[16];
        private int size;

        void add(final float v) {
            if (size == values.length) {
                values = java.util.Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
