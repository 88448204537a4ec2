package io.slicer.policy.io;

/**
 * Layout of a safetensors file, the format PyTorch and most trainers write (see huggingface/safetensors):
 *
 * <pre>
 *   0               8                      8 + N                                  end of file
 *   +---------------+----------------------+-------------------------------------+
 *   | N: u64 LE     | header: N bytes JSON | data: tensors back to back, LE       |
 *   +---------------+----------------------+-------------------------------------+
 *
 *   header = {"__metadata__": {"format": "pt"},
 *             "net.0.bias":   {"dtype": "F32", "shape": [64],    "data_offsets": [0, 256]},
 *             "net.0.weight": {"dtype": "F32", "shape": [64, 4], "data_offsets": [256, 1280]}, ...}
 * </pre>
 *
 * {@code data_offsets} are [begin, end) byte offsets relative to the start of the data section. Slicer writes
 * {@code __metadata__} first, then tensors sorted by name, data in the same order, and pads the header with spaces to
 * a multiple of {@link #HEADER_ALIGNMENT} bytes (as the Python library does), so the same weights always give the
 * same bytes. Weights follow PyTorch {@code nn.Linear}: {@code weight} is [out, in], {@code bias} is [out]; an
 * {@code nn.Sequential} of Linear/activation pairs names them {@code net.0}, {@code net.2}, ... . Only F32 is read.
 */
public final class SafetensorsDescriptor {
    /** Offset of the little-endian u64 header length. */
    public static final int HEADER_LENGTH_OFFSET = 0;
    /** Size of the header length field. */
    public static final int HEADER_LENGTH_SIZE = 8;
    /** Offset of the JSON header. */
    public static final int HEADER_OFFSET = HEADER_LENGTH_OFFSET + HEADER_LENGTH_SIZE;
    /** Header bytes are padded with spaces to a multiple of this. */
    public static final int HEADER_ALIGNMENT = 8;
    /** Refuse headers larger than this (the Python library uses the same limit): a corrupt length field. */
    public static final long MAX_HEADER_LENGTH = 100L * 1024 * 1024;
    /** The reserved header key holding string-to-string metadata. */
    public static final String METADATA_KEY = "__metadata__";
    /** The only dtype Slicer reads and writes. */
    public static final String DTYPE_F32 = "F32";
    /** Bytes per F32 element. */
    public static final int F32_SIZE = 4;

    private SafetensorsDescriptor() {
    }
}
