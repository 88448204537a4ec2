package io.slicer.policy;

import io.slicer.policy.kernel.ForwardKernel;
import io.slicer.policy.model.ActionSpace;

/**
 * One thread's workspace for a {@link PolicyModel}: the input and output arrays and the kernel's scratch buffers.
 * Write raw features into {@link #input()}, call {@link #forward()}, then read {@link #output()} or use a head
 * ({@link #argmax()} or {@link #continuousAction()}). Not thread-safe: one context per thread.
 * Allocation-free after construction.
 */
public final class InferenceContext {
    private final ForwardKernel kernel;
    private final float[] input;
    private final float[] output;
    private final float[] scratchA;
    private final float[] scratchB;
    private final boolean continuous;
    private final double low;
    private final double high;

    InferenceContext(final ForwardKernel kernel, final int inputWidth, final int outputWidth,
                     final ActionSpace actionSpace) {
        this.kernel = kernel;
        input = new float[inputWidth];
        output = new float[outputWidth];
        scratchA = new float[kernel.scratchWidth()];
        scratchB = new float[kernel.scratchWidth()];
        if (actionSpace instanceof ActionSpace.Continuous c) {
            continuous = true;
            low = c.low();
            high = c.high();
        } else {
            continuous = false;
            low = Double.NaN;
            high = Double.NaN;
        }
    }

    /** Raw (unnormalised) features, in the model card's order; length = input width. */
    public float[] input() {
        return input;
    }

    /** After {@link #forward()}: Q-values (discrete) or the actor's pre-squash mean (continuous). */
    public float[] output() {
        return output;
    }

    /** "scalar" or "vector": which kernel this context runs. */
    public String kernelName() {
        return kernel.name();
    }

    /**
     * Runs the forward pass {@code passes} times on a zero input so the JIT compiles the kernel before the first real
     * decision (the Vector API kernel allocates until C2 has compiled it). The input is restored afterwards.
     */
    public void warmUp(final int passes) {
        final float[] saved = input.clone();
        java.util.Arrays.fill(input, 0f);
        for (int i = 0; i < passes; i++) {
            kernel.forward(input, scratchA, scratchB, output);
        }
        System.arraycopy(saved, 0, input, 0, input.length);
    }

    /** Normalises the input and runs every layer. */
    public void forward() {
        kernel.forward(input, scratchA, scratchB, output);
    }

    /**
     * Discrete head: the index of the largest output; the lowest index wins ties, so a decision never depends on
     * anything but the values. A NaN never wins (if every output is NaN the answer is 0).
     */
    public int argmax() {
        int best = 0;
        float bestValue = Float.NEGATIVE_INFINITY;
        boolean found = false;
        for (int i = 0; i < output.length; i++) {
            final float v = output[i];
            if (v > bestValue || (!found && v == Float.NEGATIVE_INFINITY)) {
                best = i;
                bestValue = v;
                found = true;
            }
        }
        return best;
    }

    /** Continuous head: {@code low + (tanh(output[0]) + 1) / 2 * (high - low)}, in the action space's unit. */
    public double continuousAction() {
        if (!continuous) {
            throw new IllegalStateException("continuousAction() needs a continuous action space; this model is discrete");
        }
        return low + (StrictMath.tanh(output[0]) + 1.0) / 2.0 * (high - low);
    }
}
