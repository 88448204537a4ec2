package io.slicer.policy.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.policy.model.ModelFormatException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import static io.slicer.policy.io.SafetensorsDescriptor.DTYPE_F32;
import static io.slicer.policy.io.SafetensorsDescriptor.F32_SIZE;
import static io.slicer.policy.io.SafetensorsDescriptor.HEADER_LENGTH_OFFSET;
import static io.slicer.policy.io.SafetensorsDescriptor.HEADER_LENGTH_SIZE;
import static io.slicer.policy.io.SafetensorsDescriptor.HEADER_OFFSET;
import static io.slicer.policy.io.SafetensorsDescriptor.MAX_HEADER_LENGTH;
import static io.slicer.policy.io.SafetensorsDescriptor.METADATA_KEY;

/**
 * Reads the F32 tensors of a safetensors file and believes nothing in it: the header length, every offset and every
 * shape is checked against the bytes actually present, and each error names the file and the tensor.
 */
public final class SafetensorsReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafetensorsReader() {
    }

    /** The tensors of a file, in header order, and its metadata. */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
    }

    /**
     * @param source the file name used in error messages
     */
    public static Contents read(final String source, final byte[] file) {
        if (file.length < HEADER_LENGTH_SIZE) {
            throw new ModelFormatException(source + ": truncated: " + file.length + " bytes, expected at least "
                    + HEADER_LENGTH_SIZE + " (the header length field)");
        }
        final ByteBuffer buf = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        final long headerLength = buf.getLong(HEADER_LENGTH_OFFSET);
        final long available = file.length - (long) HEADER_OFFSET;
        if (headerLength < 0 || headerLength > MAX_HEADER_LENGTH || headerLength > available) {
            throw new ModelFormatException(source + ": header length field says " + Long.toUnsignedString(headerLength)
                    + " bytes but only " + available + " bytes follow it (truncated file or not safetensors)");
        }
        final String headerText = new String(file, HEADER_OFFSET, (int) headerLength, StandardCharsets.UTF_8);
        final JsonNode header;
        try {
            header = JSON.readTree(headerText);
        } catch (final JsonProcessingException e) {
            throw new ModelFormatException(source + ": header is not valid JSON: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw new ModelFormatException(source + ": header is not a JSON object");
        }
        final int dataStart = HEADER_OFFSET + (int) headerLength;
        final long dataLength = file.length - (long) dataStart;
        final Map<String, Tensor> tensors = new LinkedHashMap<>();
        final Map<String, String> metadata = new TreeMap<>();
        final Iterator<Map.Entry<String, JsonNode>> fields = header.fields();
        while (fields.hasNext()) {
            final Map.Entry<String, JsonNode> field = fields.next();
            final String name = field.getKey();
            final JsonNode entry = field.getValue();
            if (METADATA_KEY.equals(name)) {
                readMetadata(source, entry, metadata);
                continue;
            }
            tensors.put(name, readTensor(source, name, entry, buf, dataStart, dataLength));
        }
        return new Contents(tensors, metadata);
    }

    private static void readMetadata(final String source, final JsonNode entry, final Map<String, String> into) {
        if (!entry.isObject()) {
            throw new ModelFormatException(source + ": " + METADATA_KEY + " must be an object of strings");
        }
        final Iterator<Map.Entry<String, JsonNode>> it = entry.fields();
        while (it.hasNext()) {
            final Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw new ModelFormatException(source + ": " + METADATA_KEY + " entry '" + e.getKey()
                        + "' must be a string, found " + e.getValue().getNodeType());
            }
            into.put(e.getKey(), e.getValue().asText());
        }
    }

    private static Tensor readTensor(final String source, final String name, final JsonNode entry,
                                     final ByteBuffer buf, final int dataStart, final long dataLength) {
        final String where = source + ": tensor '" + name + "'";
        if (!entry.isObject()) {
            throw new ModelFormatException(where + ": header entry must be an object with dtype, shape, data_offsets");
        }
        final JsonNode dtype = entry.get("dtype");
        if (dtype == null || !dtype.isTextual()) {
            throw new ModelFormatException(where + ": missing dtype");
        }
        if (!DTYPE_F32.equals(dtype.asText())) {
            throw new ModelFormatException(where + " has dtype " + dtype.asText() + ", only " + DTYPE_F32
                    + " (float32) is supported; convert with model.float() before saving");
        }
        final JsonNode shapeNode = entry.get("shape");
        if (shapeNode == null || !shapeNode.isArray()) {
            throw new ModelFormatException(where + ": missing shape");
        }
        final long[] shape = new long[shapeNode.size()];
        for (int d = 0; d < shape.length; d++) {
            final JsonNode dim = shapeNode.get(d);
            if (!dim.canConvertToLong() || !dim.isIntegralNumber() || dim.asLong() < 0) {
                throw new ModelFormatException(where + ": shape " + shapeNode + " has an invalid dimension at " + d);
            }
            shape[d] = dim.asLong();
        }
        final JsonNode offsets = entry.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2
                || !offsets.get(0).isIntegralNumber() || !offsets.get(1).isIntegralNumber()) {
            throw new ModelFormatException(where + ": data_offsets must be [begin, end]");
        }
        final long begin = offsets.get(0).asLong();
        final long end = offsets.get(1).asLong();
        if (begin < 0 || end < begin) {
            throw new ModelFormatException(where + ": data_offsets [" + begin + ", " + end + "] are not a range");
        }
        if (end > dataLength) {
            throw new ModelFormatException(where + ": data_offsets [" + begin + ", " + end
                    + "] lie beyond the file, whose data section has " + dataLength
                    + " bytes (truncated file or header lies)");
        }
        final long count;
        try {
            count = Tensor.elementCount(shape);
        } catch (final ArithmeticException e) {
            throw new ModelFormatException(where + ": shape " + shapeNode + " is too large");
        }
        if (count * F32_SIZE != end - begin) {
            throw new ModelFormatException(where + " has shape " + shapeNode + " (" + count + " floats = "
                    + count * F32_SIZE + " bytes) but data_offsets [" + begin + ", " + end + "] span "
                    + (end - begin) + " bytes");
        }
        final float[] values = new float[(int) count];
        final int base = dataStart + (int) begin;
        for (int i = 0; i < values.length; i++) {
            values[i] = buf.getFloat(base + i * F32_SIZE);
        }
        return new Tensor(name, shape, values);
    }

}
