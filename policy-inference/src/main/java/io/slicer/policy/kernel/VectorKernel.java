package io.slicer.policy.kernel;

import io.slicer.policy.model.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Forward pass on the Vector API: SIMD lanes run across outputs. Each layer's weights are transposed and packed into
 * panels of one or two blocks of outputs (outputs padded with zeros to a whole number of lanes), so one input value
 * broadcasts against a contiguous block of outputs and a fused multiply-add accumulates it, and the loads walk a
 * panel with a constant stride (see {@link #pack}).
 *
 * <p>A fused multiply-add has a latency of several cycles; one accumulator per block would stall on it. Each block
 * therefore keeps four partial sums over inputs i = 0, 1, 2, 3 (mod 4), combined at the end as
 * {@code (s0 + s1) + (s2 + s3)}. That order is fixed and every lane computes the same sequence of IEEE operations,
 * so the bits do not depend on the run, nor on the lane count of the machine. They do differ from
 * {@link ScalarKernel} in the last bits (fused rounding, another summation order); both stay within 1e-5 of the
 * double-precision reference.
 *
 * <p>Loaded reflectively by {@link Kernels} only when {@code jdk.incubator.vector} is present.
 * Allocation-free after construction (once the JIT has compiled the loop; the interpreter boxes vectors).
 *
 * <p>No {@code FloatVector} crosses a method boundary of this class: every vector is born and dies inside one method.
 * C2 keeps a vector in a register only when every method it passes through is inlined, and whether a small helper is
 * inlined depends on what was compiled first (a helper already compiled on its own into a large body is not inlined
 * again): a vector handed to such a helper is boxed, 96 bytes per call with 16 lanes, on some runs and not others.
 * Methods that take and return only arrays and ints allocate nothing whichever way the JIT decides.
 */
public final class VectorKernel implements ForwardKernel {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int PAIR = 2 * LANES;

    private final InputNormalisation normalisation;
    private final int[] inputs;
    private final int[] outputs;
    private final int[] strides;
    private final boolean[] relu;
    private final Activation[] activations;
    private final float[][] packed;
    private final float[][] biases;
    private final int scratchWidth;

    public VectorKernel(final DenseNetwork network) {
        normalisation = new InputNormalisation(network);
        inputs = network.inputs();
        outputs = network.outputs();
        activations = network.activations();
        final int n = network.layerCount();
        strides = new int[n];
        relu = new boolean[n];
        packed = new float[n][];
        biases = new float[n][];
        int widest = roundUp(network.inputWidth());
        for (int k = 0; k < n; k++) {
            strides[k] = roundUp(outputs[k]);
            relu[k] = activations[k] == Activation.RELU;
            packed[k] = pack(network, k, strides[k]);
            biases[k] = new float[strides[k]];
            System.arraycopy(network.bias(k), 0, biases[k], 0, outputs[k]);
            widest = Math.max(widest, strides[k]);
        }
        scratchWidth = widest;
    }

    /**
     * One layer's weights in the order the loops read them: for each pair of output blocks
     * [ob, ob + 2 * LANES) a panel [inputs][2 * LANES], then, if the block count is odd, a panel [inputs][LANES]
     * for the last block. Outputs past the layer's width are zero. Every load in a panel is at
     * panelStart + i * panelWidth + constant, which the JIT can prove in bounds once per loop.
     */
    private static float[] pack(final DenseNetwork network, final int layer, final int stride) {
        final int in = network.inputs(layer);
        final int out = network.outputs(layer);
        final float[] p = new float[in * stride];
        int at = 0;
        int ob = 0;
        for (; ob + PAIR <= stride; ob += PAIR) {
            at = panel(network, layer, in, out, ob, PAIR, p, at);
        }
        for (; ob < stride; ob += LANES) {
            at = panel(network, layer, in, out, ob, LANES, p, at);
        }
        return p;
    }

    private static int panel(final DenseNetwork network, final int layer, final int in, final int out, final int ob,
                             final int width, final float[] p, final int at) {
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < width && ob + j < out; j++) {
                p[at + i * width + j] = network.weight(layer, ob + j, i);
            }
        }
        return at + in * width;
    }

    private static int roundUp(final int width) {
        return (width + LANES - 1) / LANES * LANES;
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public int scratchWidth() {
        return scratchWidth;
    }

    @Override
    public void forward(final float[] input, final float[] scratchA, final float[] scratchB, final float[] output) {
        normalisation.apply(input, scratchA);
        float[] x = scratchA;
        float[] y = scratchB;
        final int n = inputs.length;
        for (int k = 0; k < n; k++) {
            layer(packed[k], biases[k], inputs[k], strides[k], relu[k], x, y);
            final Activation activation = activations[k];
            if (activation == Activation.TANH || activation == Activation.SIGMOID) {
                for (int o = 0; o < outputs[k]; o++) {
                    y[o] = activation.apply(y[o]);
                }
            }
            final float[] t = x;
            x = y;
            y = t;
        }
        System.arraycopy(x, 0, output, 0, output.length);
    }

    private static void layer(final float[] wp, final float[] bias, final int in, final int stride,
                              final boolean relu, final float[] x, final float[] y) {
        int ob = 0;
        int at = 0;
        for (; ob + PAIR <= stride; ob += PAIR) {
            twoBlocks(wp, at, bias, in, x, y, ob);
            at += in * PAIR;
        }
        if (ob < stride) {
            oneBlock(wp, at, bias, in, x, y, ob);
        }
        if (relu) {
            // Same as the scalar kernel's x > 0 ? x : 0: -0.0 and NaN become +0.0 (a max() would keep NaN). A pass of
            // its own, so the sums need not be handed to a helper (see the class comment).
            final FloatVector zero = FloatVector.zero(SPECIES);
            for (int o = 0; o < stride; o += LANES) {
                final FloatVector v = FloatVector.fromArray(SPECIES, y, o);
                zero.blend(v, v.compare(VectorOperators.GT, 0f)).intoArray(y, o);
            }
        }
    }

    /**
     * Outputs [ob, ob + 2 * LANES): eight independent accumulator chains (two blocks times four input phases), enough
     * to keep both FMA units busy. Per lane the operations are exactly those of {@link #oneBlock}.
     */
    private static void twoBlocks(final float[] wp, final int at, final float[] bias, final int in,
                                  final float[] x, final float[] y, final int ob) {
        final FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a0 = FloatVector.fromArray(SPECIES, bias, ob);
        FloatVector b0 = FloatVector.fromArray(SPECIES, bias, ob + LANES);
        FloatVector a1 = zero;
        FloatVector b1 = zero;
        FloatVector a2 = zero;
        FloatVector b2 = zero;
        FloatVector a3 = zero;
        FloatVector b3 = zero;
        final int in4 = in & ~3;
        int i = 0;
        for (; i < in4; i += 4) {
            final int row = at + i * PAIR;
            final FloatVector x0 = FloatVector.broadcast(SPECIES, x[i]);
            final FloatVector x1 = FloatVector.broadcast(SPECIES, x[i + 1]);
            final FloatVector x2 = FloatVector.broadcast(SPECIES, x[i + 2]);
            final FloatVector x3 = FloatVector.broadcast(SPECIES, x[i + 3]);
            a0 = FloatVector.fromArray(SPECIES, wp, row).fma(x0, a0);
            b0 = FloatVector.fromArray(SPECIES, wp, row + LANES).fma(x0, b0);
            a1 = FloatVector.fromArray(SPECIES, wp, row + PAIR).fma(x1, a1);
            b1 = FloatVector.fromArray(SPECIES, wp, row + PAIR + LANES).fma(x1, b1);
            a2 = FloatVector.fromArray(SPECIES, wp, row + 2 * PAIR).fma(x2, a2);
            b2 = FloatVector.fromArray(SPECIES, wp, row + 2 * PAIR + LANES).fma(x2, b2);
            a3 = FloatVector.fromArray(SPECIES, wp, row + 3 * PAIR).fma(x3, a3);
            b3 = FloatVector.fromArray(SPECIES, wp, row + 3 * PAIR + LANES).fma(x3, b3);
        }
        for (; i < in; i++) {
            final FloatVector xi = FloatVector.broadcast(SPECIES, x[i]);
            a0 = FloatVector.fromArray(SPECIES, wp, at + i * PAIR).fma(xi, a0);
            b0 = FloatVector.fromArray(SPECIES, wp, at + i * PAIR + LANES).fma(xi, b0);
        }
        a0.add(a1).add(a2.add(a3)).intoArray(y, ob);
        b0.add(b1).add(b2.add(b3)).intoArray(y, ob + LANES);
    }

    /** Outputs [ob, ob + LANES): four partial sums over inputs i = 0, 1, 2, 3 (mod 4), then (s0 + s1) + (s2 + s3). */
    private static void oneBlock(final float[] wp, final int at, final float[] bias, final int in,
                                 final float[] x, final float[] y, final int ob) {
        final FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector s0 = FloatVector.fromArray(SPECIES, bias, ob);
        FloatVector s1 = zero;
        FloatVector s2 = zero;
        FloatVector s3 = zero;
        final int in4 = in & ~3;
        int i = 0;
        for (; i < in4; i += 4) {
            final int row = at + i * LANES;
            s0 = FloatVector.fromArray(SPECIES, wp, row).fma(FloatVector.broadcast(SPECIES, x[i]), s0);
            s1 = FloatVector.fromArray(SPECIES, wp, row + LANES).fma(FloatVector.broadcast(SPECIES, x[i + 1]), s1);
            s2 = FloatVector.fromArray(SPECIES, wp, row + 2 * LANES).fma(FloatVector.broadcast(SPECIES, x[i + 2]), s2);
            s3 = FloatVector.fromArray(SPECIES, wp, row + 3 * LANES).fma(FloatVector.broadcast(SPECIES, x[i + 3]), s3);
        }
        for (; i < in; i++) {
            s0 = FloatVector.fromArray(SPECIES, wp, at + i * LANES).fma(FloatVector.broadcast(SPECIES, x[i]), s0);
        }
        s0.add(s1).add(s2.add(s3)).intoArray(y, ob);
    }
}
