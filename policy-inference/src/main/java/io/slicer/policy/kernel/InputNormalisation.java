package io.slicer.policy.kernel;

/**
 * The model card's input normalisation, {@code x' = (x - mean) / scale} per feature in float32: the first stage of
 * every kernel, written once so the scalar and the vector kernel cannot drift apart on it (they differ only in how
 * they multiply). Immutable; allocation-free after construction.
 */
final class InputNormalisation {
    private final float[] mean;
    private final float[] scale;

    InputNormalisation(final DenseNetwork network) {
        mean = network.mean();
        scale = network.scale();
    }

    /** Writes the normalised {@code input} into the first {@code width} entries of {@code out}. */
    void apply(final float[] input, final float[] out) {
        apply(input, out, 0);
    }

    /** Writes the normalised {@code input} into {@code out[at, at + width)}. */
    void apply(final float[] input, final float[] out, final int at) {
        final int width = mean.length;
        for (int i = 0; i < width; i++) {
            out[at + i] = (input[i] - mean[i]) / scale[i];
        }
    }
}
