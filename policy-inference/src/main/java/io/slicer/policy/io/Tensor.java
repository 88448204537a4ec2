package io.slicer.policy.io;

import java.util.Arrays;

/** A named float32 tensor as stored in a weights file: shape (outermost first) and row-major values. */
public record Tensor(String name, long[] shape, float[] values) {

    public int rank() {
        return shape.length;
    }

    public long dim(final int axis) {
        return shape[axis];
    }

    /** "[32, 64]", as error messages print shapes. */
    public String shapeText() {
        return Arrays.toString(shape);
    }

    /** "[3, 17]" for flat index 209 of a [32, 64] tensor: where a bad value sits, in the tensor's own coordinates. */
    public String indexText(final int flatIndex) {
        final long[] idx = new long[shape.length];
        long rest = flatIndex;
        for (int axis = shape.length - 1; axis >= 0; axis--) {
            final long d = Math.max(1, shape[axis]);
            idx[axis] = rest % d;
            rest /= d;
        }
        return Arrays.toString(idx);
    }

    public static long elementCount(final long[] shape) {
        long n = 1;
        for (final long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }
}
