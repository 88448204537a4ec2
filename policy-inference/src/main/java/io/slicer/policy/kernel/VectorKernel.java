package io.slicer.policy.kernel;

import io.slicer.policy.model.Activation;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Forward pass on the Vector API: SIMD lanes run across outputs. Each layer's weights are transposed and packed into
 * panels of four, two or one blocks of outputs (outputs padded with zeros to a whole number of lanes), so one input
 * value broadcasts against a contiguous run of outputs and a fused multiply-add accumulates it, and the loads walk a
 * panel with a constant stride (see {@link #pack}). Four-block panels (with 512-bit vectors, whose 32 registers hold
 * their 16 sums) load each broadcast input once for 64 outputs: on a wide layer (256 -> 256) the loop is then bound by
 * streaming the weights from L2, not by the broadcasts. Where the JVM line-aligns objects, each panel starts on a
 * 64-byte line ({@link PanelLayout}), so no vector load straddles two lines.
 *
 * <p>A fused multiply-add has a latency of several cycles; one accumulator per block would stall on it. Each block
 * therefore keeps four partial sums over inputs i = 0, 1, 2, 3 (mod 4), combined at the end as
 * {@code (s0 + s1) + (s2 + s3)}. That order is fixed and every lane computes the same sequence of IEEE operations,
 * so the bits do not depend on the run, nor on the lane count of the machine. They do differ from
 * {@link ScalarKernel} in the last bits (fused rounding, another summation order); both stay within 1e-5 of the
 * double-precision reference.
 *
 * <p>Each block method applies a ReLU to its sums before it stores them (the same as the scalar kernel's
 * {@code x > 0 ? x : 0}: -0.0 and NaN become +0.0, which a max() would not do), so a layer's outputs are written once
 * and not read back for a pass of their own. Each branch on {@code relu} stores its own vectors: a branch that
 * re-assigned the sums and stored them after it merged two vectors in a phi, which C2 boxed in some JVM launches
 * (192 B and about 10 ns per DQN forward in one JMH fork of five, -prof gc, 2026-12-05).
 * The activations live in the scratch buffers from index
 * {@code scratchStart} on, on a 64-byte line where the JVM line-aligns objects (the same index as the panels): the
 * vector stores of one layer and the scalar loads of the next then stay inside one line each instead of straddling
 * two (about 5% of the 4->64->32->5 net's thread CPU time, docs/results/bench/kernel-variance-2026-12-05.md).
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
    private static final int QUAD = 4 * LANES;
    /**
     * Four-block panels need 16 accumulators, 4 broadcasts and a load in registers: AVX-512 has 32 vector registers,
     * AVX2 16, where they would spill. Narrower vectors use pairs only.
     */
    private static final boolean QUADS = SPECIES.vectorBitSize() >= 512;

    private final InputNormalisation normalisation;
    private final PanelLayout layout;
    private final int[] inputs;
    private final int[] outputs;
    private final int[] strides;
    private final boolean[] relu;
    private final Activation[] activations;
    private final float[][] packed;
    private final int[][] panelStarts;
    private final float[][] biases;
    private final int biasStart;
    /** Where the activations start in the scratch buffers: on a line under the line-aligned layout, else 0. */
    private final int scratchStart;
    private final int scratchWidth;

    public VectorKernel(final DenseNetwork network) {
        this(network, PanelLayout.detected());
    }

    VectorKernel(final DenseNetwork network, final PanelLayout layout) {
        this.layout = layout;
        normalisation = new InputNormalisation(network);
        inputs = network.inputs();
        outputs = network.outputs();
        activations = network.activations();
        final int n = network.layerCount();
        strides = new int[n];
        relu = new boolean[n];
        packed = new float[n][];
        panelStarts = new int[n][];
        biases = new float[n][];
        biasStart = layout.panelStart(0);
        int widest = roundUp(network.inputWidth());
        for (int k = 0; k < n; k++) {
            strides[k] = roundUp(outputs[k]);
            relu[k] = activations[k] == Activation.RELU;
            panelStarts[k] = panelStarts(layout, network.inputs(k), strides[k]);
            packed[k] = pack(network, k, strides[k], panelStarts[k]);
            biases[k] = new float[biasStart + strides[k]];
            System.arraycopy(network.bias(k), 0, biases[k], biasStart, outputs[k]);
            widest = Math.max(widest, strides[k]);
        }
        scratchStart = biasStart;
        scratchWidth = scratchStart + widest;
    }

    /** Output widths of a layer's panels, in the order {@link #layer} runs them: fours, then a pair, then a one. */
    private static int[] panelWidths(final int stride) {
        final int quads = QUADS ? stride / QUAD : 0;
        final int rest = stride - quads * QUAD;
        final int pairs = rest / PAIR;
        final int ones = (rest - pairs * PAIR) / LANES;
        final int[] widths = new int[quads + pairs + ones];
        int p = 0;
        for (int q = 0; q < quads; q++) {
            widths[p++] = QUAD;
        }
        for (int q = 0; q < pairs; q++) {
            widths[p++] = PAIR;
        }
        for (int q = 0; q < ones; q++) {
            widths[p++] = LANES;
        }
        return widths;
    }

    /** Where each panel starts in the layer's array: back to back, each moved up to its layout's next start. */
    private static int[] panelStarts(final PanelLayout layout, final int in, final int stride) {
        final int[] widths = panelWidths(stride);
        final int[] starts = new int[widths.length];
        int at = 0;
        for (int p = 0; p < widths.length; p++) {
            starts[p] = layout.panelStart(at);
            at = starts[p] + in * widths[p];
        }
        return starts;
    }

    /**
     * One layer's weights in the order the loops read them: for each panel of w outputs starting at output ob, an
     * [inputs][w] block at the panel's start. Outputs past the layer's width, and the gaps the layout leaves before a
     * panel, are zero. Every load in a panel is at panelStart + i * w + constant, which the JIT can prove in bounds
     * once per loop.
     */
    private static float[] pack(final DenseNetwork network, final int layer, final int stride, final int[] starts) {
        final int in = network.inputs(layer);
        final int out = network.outputs(layer);
        final int[] widths = panelWidths(stride);
        final int last = widths.length - 1;
        final float[] p = new float[starts[last] + in * widths[last]];
        int ob = 0;
        for (int q = 0; q < widths.length; q++) {
            final int width = widths[q];
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < width && ob + j < out; j++) {
                    p[starts[q] + i * width + j] = network.weight(layer, ob + j, i);
                }
            }
            ob += width;
        }
        return p;
    }

    private static int roundUp(final int width) {
        return (width + LANES - 1) / LANES * LANES;
    }

    @Override
    public String name() {
        return "vector";
    }

    /** How the weight panels lie in their arrays (line-aligned or packed). */
    public String layout() {
        return layout.toString();
    }

    @Override
    public int scratchWidth() {
        return scratchWidth;
    }

    @Override
    public void forward(final float[] input, final float[] scratchA, final float[] scratchB, final float[] output) {
        final int s = scratchStart;
        normalisation.apply(input, scratchA, s);
        float[] x = scratchA;
        float[] y = scratchB;
        final int n = inputs.length;
        for (int k = 0; k < n; k++) {
            layer(packed[k], panelStarts[k], biases[k], biasStart, inputs[k], strides[k], relu[k], x, y, s);
            final Activation activation = activations[k];
            if (activation == Activation.TANH || activation == Activation.SIGMOID) {
                for (int o = 0; o < outputs[k]; o++) {
                    y[s + o] = activation.apply(y[s + o]);
                }
            }
            final float[] t = x;
            x = y;
            y = t;
        }
        System.arraycopy(x, s, output, 0, output.length);
    }

    /**
     * One layer: reads activations from {@code x[s..]}, writes them to {@code y[s..]} ({@code s} the scratch start, so
     * that the vector stores and the scalar loads of the next layer stay inside one line each).
     */
    private static void layer(final float[] wp, final int[] starts, final float[] bias, final int biasStart,
                              final int in, final int stride, final boolean relu, final float[] x, final float[] y,
                              final int s) {
        int ob = 0;
        int p = 0;
        if (QUADS) {
            for (; ob + QUAD <= stride; ob += QUAD) {
                fourBlocks(wp, starts[p++], bias, biasStart + ob, in, x, s, y, s + ob, relu);
            }
        }
        for (; ob + PAIR <= stride; ob += PAIR) {
            twoBlocks(wp, starts[p++], bias, biasStart + ob, in, x, s, y, s + ob, relu);
        }
        if (ob < stride) {
            oneBlock(wp, starts[p], bias, biasStart + ob, in, x, s, y, s + ob, relu);
        }
    }

    /**
     * Outputs [ob, ob + 4 * LANES): sixteen accumulator chains (four blocks times four input phases). Each broadcast
     * input feeds four loads, so the loop streams weights rather than broadcasts. Per lane the operations are exactly
     * those of {@link #oneBlock}.
     */
    private static void fourBlocks(final float[] wp, final int at, final float[] bias, final int bo, final int in,
                                   final float[] x, final int xs, final float[] y, final int ob, final boolean relu) {
        final FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a0 = FloatVector.fromArray(SPECIES, bias, bo);
        FloatVector b0 = FloatVector.fromArray(SPECIES, bias, bo + LANES);
        FloatVector c0 = FloatVector.fromArray(SPECIES, bias, bo + 2 * LANES);
        FloatVector d0 = FloatVector.fromArray(SPECIES, bias, bo + 3 * LANES);
        FloatVector a1 = zero;
        FloatVector b1 = zero;
        FloatVector c1 = zero;
        FloatVector d1 = zero;
        FloatVector a2 = zero;
        FloatVector b2 = zero;
        FloatVector c2 = zero;
        FloatVector d2 = zero;
        FloatVector a3 = zero;
        FloatVector b3 = zero;
        FloatVector c3 = zero;
        FloatVector d3 = zero;
        final int in4 = in & ~3;
        int i = 0;
        for (; i < in4; i += 4) {
            final int row = at + i * QUAD;
            final FloatVector x0 = FloatVector.broadcast(SPECIES, x[xs + i]);
            final FloatVector x1 = FloatVector.broadcast(SPECIES, x[xs + i + 1]);
            final FloatVector x2 = FloatVector.broadcast(SPECIES, x[xs + i + 2]);
            final FloatVector x3 = FloatVector.broadcast(SPECIES, x[xs + i + 3]);
            // a0 and b0 come last on purpose. C2 emits the loads of the last two statements first (the last one
            // first) and the others in source order, so this order reads the iteration's 16 lines in ascending
            // address order, or nearly; in source order it read line 15 first and line 10 last, and streaming from
            // L2 is slower in that order on this machine: 1.59-1.65 us for 256 KB in a C loop that loads in
            // ascending order, 2.14-2.22 us in C2's old order. 8 -> 256 -> 256 -> 1 ran about 9% faster after this change
            // (docs/results/bench/kernel-variance-2026-12-05.md). Each chain still sees its inputs in the same order:
            // the same bits. The same rotation slowed the small net's two- and one-block loops (L1-resident), so
            // only this loop has it.
            c0 = FloatVector.fromArray(SPECIES, wp, row + 2 * LANES).fma(x0, c0);
            d0 = FloatVector.fromArray(SPECIES, wp, row + 3 * LANES).fma(x0, d0);
            a1 = FloatVector.fromArray(SPECIES, wp, row + QUAD).fma(x1, a1);
            b1 = FloatVector.fromArray(SPECIES, wp, row + QUAD + LANES).fma(x1, b1);
            c1 = FloatVector.fromArray(SPECIES, wp, row + QUAD + 2 * LANES).fma(x1, c1);
            d1 = FloatVector.fromArray(SPECIES, wp, row + QUAD + 3 * LANES).fma(x1, d1);
            a2 = FloatVector.fromArray(SPECIES, wp, row + 2 * QUAD).fma(x2, a2);
            b2 = FloatVector.fromArray(SPECIES, wp, row + 2 * QUAD + LANES).fma(x2, b2);
            c2 = FloatVector.fromArray(SPECIES, wp, row + 2 * QUAD + 2 * LANES).fma(x2, c2);
            d2 = FloatVector.fromArray(SPECIES, wp, row + 2 * QUAD + 3 * LANES).fma(x2, d2);
            a3 = FloatVector.fromArray(SPECIES, wp, row + 3 * QUAD).fma(x3, a3);
            b3 = FloatVector.fromArray(SPECIES, wp, row + 3 * QUAD + LANES).fma(x3, b3);
            c3 = FloatVector.fromArray(SPECIES, wp, row + 3 * QUAD + 2 * LANES).fma(x3, c3);
            d3 = FloatVector.fromArray(SPECIES, wp, row + 3 * QUAD + 3 * LANES).fma(x3, d3);
            b0 = FloatVector.fromArray(SPECIES, wp, row + LANES).fma(x0, b0);
            a0 = FloatVector.fromArray(SPECIES, wp, row).fma(x0, a0);
        }
        for (; i < in; i++) {
            final FloatVector xi = FloatVector.broadcast(SPECIES, x[xs + i]);
            final int row = at + i * QUAD;
            a0 = FloatVector.fromArray(SPECIES, wp, row).fma(xi, a0);
            b0 = FloatVector.fromArray(SPECIES, wp, row + LANES).fma(xi, b0);
            c0 = FloatVector.fromArray(SPECIES, wp, row + 2 * LANES).fma(xi, c0);
            d0 = FloatVector.fromArray(SPECIES, wp, row + 3 * LANES).fma(xi, d0);
        }
        final FloatVector a = a0.add(a1).add(a2.add(a3));
        final FloatVector b = b0.add(b1).add(b2.add(b3));
        final FloatVector c = c0.add(c1).add(c2.add(c3));
        final FloatVector d = d0.add(d1).add(d2.add(d3));
        if (relu) {
            zero.blend(a, a.compare(VectorOperators.GT, 0f)).intoArray(y, ob);
            zero.blend(b, b.compare(VectorOperators.GT, 0f)).intoArray(y, ob + LANES);
            zero.blend(c, c.compare(VectorOperators.GT, 0f)).intoArray(y, ob + 2 * LANES);
            zero.blend(d, d.compare(VectorOperators.GT, 0f)).intoArray(y, ob + 3 * LANES);
        } else {
            a.intoArray(y, ob);
            b.intoArray(y, ob + LANES);
            c.intoArray(y, ob + 2 * LANES);
            d.intoArray(y, ob + 3 * LANES);
        }
    }

    /**
     * Outputs [ob, ob + 2 * LANES): eight independent accumulator chains (two blocks times four input phases), enough
     * to keep both FMA units busy. Per lane the operations are exactly those of {@link #oneBlock}.
     */
    private static void twoBlocks(final float[] wp, final int at, final float[] bias, final int bo, final int in,
                                  final float[] x, final int xs, final float[] y, final int ob, final boolean relu) {
        final FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a0 = FloatVector.fromArray(SPECIES, bias, bo);
        FloatVector b0 = FloatVector.fromArray(SPECIES, bias, bo + LANES);
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
            final FloatVector x0 = FloatVector.broadcast(SPECIES, x[xs + i]);
            final FloatVector x1 = FloatVector.broadcast(SPECIES, x[xs + i + 1]);
            final FloatVector x2 = FloatVector.broadcast(SPECIES, x[xs + i + 2]);
            final FloatVector x3 = FloatVector.broadcast(SPECIES, x[xs + i + 3]);
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
            final FloatVector xi = FloatVector.broadcast(SPECIES, x[xs + i]);
            a0 = FloatVector.fromArray(SPECIES, wp, at + i * PAIR).fma(xi, a0);
            b0 = FloatVector.fromArray(SPECIES, wp, at + i * PAIR + LANES).fma(xi, b0);
        }
        final FloatVector a = a0.add(a1).add(a2.add(a3));
        final FloatVector b = b0.add(b1).add(b2.add(b3));
        if (relu) {
            zero.blend(a, a.compare(VectorOperators.GT, 0f)).intoArray(y, ob);
            zero.blend(b, b.compare(VectorOperators.GT, 0f)).intoArray(y, ob + LANES);
        } else {
            a.intoArray(y, ob);
            b.intoArray(y, ob + LANES);
        }
    }

    /** Outputs [ob, ob + LANES): four partial sums over inputs i = 0, 1, 2, 3 (mod 4), then (s0 + s1) + (s2 + s3). */
    private static void oneBlock(final float[] wp, final int at, final float[] bias, final int bo, final int in,
                                 final float[] x, final int xs, final float[] y, final int ob, final boolean relu) {
        final FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector s0 = FloatVector.fromArray(SPECIES, bias, bo);
        FloatVector s1 = zero;
        FloatVector s2 = zero;
        FloatVector s3 = zero;
        final int in4 = in & ~3;
        int i = 0;
        for (; i < in4; i += 4) {
            final int row = at + i * LANES;
            s0 = FloatVector.fromArray(SPECIES, wp, row).fma(FloatVector.broadcast(SPECIES, x[xs + i]), s0);
            s1 = FloatVector.fromArray(SPECIES, wp, row + LANES).fma(FloatVector.broadcast(SPECIES, x[xs + i + 1]), s1);
            s2 = FloatVector.fromArray(SPECIES, wp, row + 2 * LANES)
                    .fma(FloatVector.broadcast(SPECIES, x[xs + i + 2]), s2);
            s3 = FloatVector.fromArray(SPECIES, wp, row + 3 * LANES)
                    .fma(FloatVector.broadcast(SPECIES, x[xs + i + 3]), s3);
        }
        for (; i < in; i++) {
            s0 = FloatVector.fromArray(SPECIES, wp, at + i * LANES).fma(FloatVector.broadcast(SPECIES, x[xs + i]), s0);
        }
        final FloatVector sum = s0.add(s1).add(s2.add(s3));
        if (relu) {
            zero.blend(sum, sum.compare(VectorOperators.GT, 0f)).intoArray(y, ob);
        } else {
            sum.intoArray(y, ob);
        }
    }
}
