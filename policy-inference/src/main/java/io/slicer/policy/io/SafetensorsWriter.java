package io.slicer.policy.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.slicer.policy.io.SafetensorsDescriptor.DTYPE_F32;
import static io.slicer.policy.io.SafetensorsDescriptor.F32_SIZE;
import static io.slicer.policy.io.SafetensorsDescriptor.HEADER_ALIGNMENT;
import static io.slicer.policy.io.SafetensorsDescriptor.HEADER_LENGTH_SIZE;
import static io.slicer.policy.io.SafetensorsDescriptor.METADATA_KEY;

/** Writes F32 tensors as safetensors bytes, byte-deterministically (see {@link SafetensorsDescriptor}). */
public final class SafetensorsWriter {

    private SafetensorsWriter() {
    }

    /**
     * @param tensors  written sorted by name, whatever their order here
     * @param metadata written in key order (pass a sorted map)
     */
    public static byte[] write(final List<Tensor> tensors, final Map<String, String> metadata) {
        final List<Tensor> sorted = tensors.stream().sorted(Comparator.comparing(Tensor::name)).toList();
        final StringBuilder header = new StringBuilder(256);
        header.append('{');
        boolean first = true;
        if (!metadata.isEmpty()) {
            header.append(jsonString(METADATA_KEY)).append(":{");
            boolean firstEntry = true;
            for (final Map.Entry<String, String> e : new java.util.TreeMap<>(metadata).entrySet()) {
                if (!firstEntry) {
                    header.append(',');
                }
                header.append(jsonString(e.getKey())).append(':').append(jsonString(e.getValue()));
                firstEntry = false;
            }
            header.append('}');
            first = false;
        }
        long offset = 0;
        for (final Tensor t : sorted) {
            if (!first) {
                header.append(',');
            }
            first = false;
            final long bytes = (long) t.values().length * F32_SIZE;
            header.append(jsonString(t.name())).append(":{\"dtype\":\"").append(DTYPE_F32).append("\",\"shape\":[");
            for (int d = 0; d < t.shape().length; d++) {
                if (d > 0) {
                    header.append(',');
                }
                header.append(t.shape()[d]);
            }
            header.append("],\"data_offsets\":[").append(offset).append(',').append(offset + bytes).append("]}");
            offset += bytes;
        }
        header.append('}');
        final byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
        final int padded = (headerBytes.length + HEADER_ALIGNMENT - 1) / HEADER_ALIGNMENT * HEADER_ALIGNMENT;
        final ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(HEADER_LENGTH_SIZE + padded + offset))
                .order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(padded);
        out.put(headerBytes);
        for (int i = headerBytes.length; i < padded; i++) {
            out.put((byte) ' ');
        }
        for (final Tensor t : sorted) {
            for (final float v : t.values()) {
                out.putFloat(v);
            }
        }
        return out.array();
    }

    static String jsonString(final String s) {
        final StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            final char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
