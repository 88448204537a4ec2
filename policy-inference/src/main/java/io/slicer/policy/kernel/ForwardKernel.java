package io.slicer.policy.kernel;

/**
 * One implementation of the forward pass over one {@link DenseNetwork}. A kernel is immutable and shared by every
 * {@link io.slicer.policy.InferenceContext} of a model; the context owns the buffers, so a forward pass allocates
 * nothing. Each kernel fixes its summation order, so the same input gives the same bits on every run.
 */
public interface ForwardKernel {

    /** "scalar" or "vector". */
    String name();

    /** Length each of the two scratch buffers passed to {@link #forward} must have at least. */
    int scratchWidth();

    /**
     * Normalises {@code input}, runs every layer and writes the last layer's outputs into {@code output}.
     * Allocation-free.
     *
     * @param input    raw features, length = input width
     * @param scratchA ping buffer of length {@link #scratchWidth()}
     * @param scratchB pong buffer of length {@link #scratchWidth()}
     * @param output   receives the outputs, length = output width
     */
    void forward(float[] input, float[] scratchA, float[] scratchB, float[] output);
}
