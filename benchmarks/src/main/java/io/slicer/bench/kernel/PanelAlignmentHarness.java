package io.slicer.bench.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Why the vector kernel's 64->32 layer costs what it costs: the same weight panel, the same loop as
 * {@code VectorKernel.twoBlocks}, read from eight start offsets 8 bytes apart inside one array. The JVM places a
 * {@code float[]}'s data at an 8-byte boundary it chooses, so exactly one of the eight offsets puts every 64-byte
 * vector load on a cache-line boundary; at the seven others every load straddles two lines. The array is allocated
 * once and nothing allocates while timing, so it does not move between offsets.
 *
 * <p>A timing loop rather than JMH on purpose: JMH would give each offset its own trial (a fresh array at a fresh
 * address), which is the very thing this must hold fixed. The loop makes each layer call depend on the previous
 * one's output, so it measures a decision's latency, as the kernel is used. It prints the median over rounds per
 * offset; the fastest offset is the aligned one.
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.kernel.PanelAlignmentHarness [rounds]
 * </pre>
 */
public final class PanelAlignmentHarness {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final int PAIR = 2 * LANES;
    private static final int INPUTS = 64;
    private static final int CALLS = 2_000_000;

    private PanelAlignmentHarness() {
    }

    public static void main(final String[] args) {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        final SplittableRandom rnd = new SplittableRandom(3);
        final int panel = INPUTS * PAIR;
        final float[] weights = new float[panel + 16];
        final float[] bias = new float[PAIR];
        final float[] x = new float[INPUTS];
        final float[] y = new float[PAIR];
        for (int i = 0; i < panel; i++) {
            weights[i] = (float) ((rnd.nextDouble() * 2 - 1) / 8);
        }
        for (int i = 0; i < INPUTS; i++) {
            x[i] = (float) rnd.nextDouble();
        }
        final float[] block = Arrays.copyOf(weights, panel);
        final double[][] ns = new double[8][rounds];
        float sink = 0;
        for (int round = -3; round < rounds; round++) { // three rounds of warm-up
            for (int k = 0; k < 8; k++) {
                final int offset = 2 * k;
                Arrays.fill(weights, 0f);
                System.arraycopy(block, 0, weights, offset, panel);
                final long begin = System.nanoTime();
                for (int n = 0; n < CALLS; n++) {
                    x[n & (INPUTS - 1)] += y[n & (PAIR - 1)] * 1e-9f; // next call depends on this one
                    twoBlocks(weights, offset, bias, x, y);
                }
                final long elapsed = System.nanoTime() - begin;
                if (round >= 0) {
                    ns[k][round] = elapsed / (double) CALLS;
                }
                sink += y[0];
            }
        }
        System.out.printf(Locale.ROOT, "64->32 layer (%d lanes, %d FMAs per call), median of %d rounds x %d calls:%n",
                LANES, INPUTS * PAIR / LANES, rounds, CALLS);
        for (int k = 0; k < 8; k++) {
            Arrays.sort(ns[k]);
            System.out.printf(Locale.ROOT, "  panel starts %2d bytes into the array: %6.1f ns per layer%n", 8 * k,
                    ns[k][rounds / 2]);
        }
        System.out.println("(checksum " + sink + ")");
    }

    /** {@code VectorKernel.twoBlocks} for one pair of output blocks: four input phases, ReLU. */
    private static void twoBlocks(final float[] wp, final int at, final float[] bias, final float[] x,
                                  final float[] y) {
        final FloatVector zero = FloatVector.zero(SPECIES);
        FloatVector a0 = FloatVector.fromArray(SPECIES, bias, 0);
        FloatVector b0 = FloatVector.fromArray(SPECIES, bias, LANES);
        FloatVector a1 = zero;
        FloatVector b1 = zero;
        FloatVector a2 = zero;
        FloatVector b2 = zero;
        FloatVector a3 = zero;
        FloatVector b3 = zero;
        for (int i = 0; i < INPUTS; i += 4) {
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
        final FloatVector a = a0.add(a1).add(a2.add(a3));
        final FloatVector b = b0.add(b1).add(b2.add(b3));
        zero.blend(a, a.compare(VectorOperators.GT, 0f)).intoArray(y, 0);
        zero.blend(b, b.compare(VectorOperators.GT, 0f)).intoArray(y, LANES);
    }
}
