package io.slicer.bench.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The floor for the 8->256->256->1 net: one pass of plain vector loads over as many bytes as its weight panels hold
 * (8 x 256 + 256 x 256 + 256 x 16 floats, 280 KB: more than L1, well inside L2), with nothing computed but sums to
 * keep the loads alive. The whole array is read on every call, as the kernel reads its weights, so after the first
 * call it streams from L2; the kernel can be no faster than the fastest of these loops. The array's data starts at the
 * same place in a cache line as the kernel's aligned panels (12 floats in, line-aligned under
 * {@code -XX:ObjectAlignmentInBytes=64}).
 *
 * <p>The loops differ only in how they walk the bytes, and C2 makes them differ by 40%: one stream with eight sums
 * (eight loads per iteration, {@link #oneStreamEightSums}, the floor this benchmark used to report) runs at about
 * 2.3-2.5 us of thread CPU time, one stream with four sums or two or four interleaved streams at about 1.7-1.85 us,
 * the same as a C loop of AVX-512 loads compiled with gcc -O2 on this VM
 * (docs/results/bench/kernel-variance-2026-12-05.md).
 * {@link #streamWeights} is the fastest of them, so it is the floor.
 *
 * <pre>
 *   java @jvm.options -jar benchmarks/target/benchmarks.jar L2StreamBenchmark -f 5 -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class L2StreamBenchmark {
    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    /** The IQL actor's weight panels as the vector kernel packs them (the last layer padded to one block). */
    static final int FLOATS = 8 * 256 + 256 * 256 + 256 * 16;
    private static final int START = 12;
    /** Half the floats, a whole number of eight-vector steps for every lane count up to 16. */
    private static final int HALF = FLOATS / 2;
    private static final int QUARTER = FLOATS / 4;

    private float[] weights;

    @Setup
    public void setUp() {
        weights = new float[START + FLOATS];
        final SplittableRandom rnd = new SplittableRandom(5);
        for (int i = START; i < weights.length; i++) {
            weights[i] = (float) rnd.nextDouble();
        }
    }

    /** The floor: two streams (the two halves of the bytes) read side by side, eight independent sums. */
    @Benchmark
    public float streamWeights() {
        final float[] w = weights;
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        final int end = START + HALF;
        for (int i = START; i < end; i += 4 * LANES) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, w, i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, w, i + HALF));
            s2 = s2.add(FloatVector.fromArray(SPECIES, w, i + LANES));
            s3 = s3.add(FloatVector.fromArray(SPECIES, w, i + HALF + LANES));
            s4 = s4.add(FloatVector.fromArray(SPECIES, w, i + 2 * LANES));
            s5 = s5.add(FloatVector.fromArray(SPECIES, w, i + HALF + 2 * LANES));
            s6 = s6.add(FloatVector.fromArray(SPECIES, w, i + 3 * LANES));
            s7 = s7.add(FloatVector.fromArray(SPECIES, w, i + HALF + 3 * LANES));
        }
        return s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7))).reduceLanes(VectorOperators.ADD);
    }

    /** Four streams (the four quarters of the bytes) side by side, two loads from each per step. */
    @Benchmark
    public float fourStreams() {
        final float[] w = weights;
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        final int end = START + QUARTER;
        for (int i = START; i < end; i += 2 * LANES) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, w, i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, w, i + QUARTER));
            s2 = s2.add(FloatVector.fromArray(SPECIES, w, i + 2 * QUARTER));
            s3 = s3.add(FloatVector.fromArray(SPECIES, w, i + 3 * QUARTER));
            s4 = s4.add(FloatVector.fromArray(SPECIES, w, i + LANES));
            s5 = s5.add(FloatVector.fromArray(SPECIES, w, i + QUARTER + LANES));
            s6 = s6.add(FloatVector.fromArray(SPECIES, w, i + 2 * QUARTER + LANES));
            s7 = s7.add(FloatVector.fromArray(SPECIES, w, i + 3 * QUARTER + LANES));
        }
        return s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7))).reduceLanes(VectorOperators.ADD);
    }

    /** One stream, four loads and four sums per step. */
    @Benchmark
    public float oneStreamFourSums() {
        final float[] w = weights;
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        final int end = START + FLOATS;
        for (int i = START; i < end; i += 4 * LANES) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, w, i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, w, i + LANES));
            s2 = s2.add(FloatVector.fromArray(SPECIES, w, i + 2 * LANES));
            s3 = s3.add(FloatVector.fromArray(SPECIES, w, i + 3 * LANES));
        }
        return s0.add(s1).add(s2.add(s3)).reduceLanes(VectorOperators.ADD);
    }

    /** One stream, eight loads and eight sums per step: the loop this benchmark's floor used to be. */
    @Benchmark
    public float oneStreamEightSums() {
        final float[] w = weights;
        FloatVector s0 = FloatVector.zero(SPECIES);
        FloatVector s1 = s0;
        FloatVector s2 = s0;
        FloatVector s3 = s0;
        FloatVector s4 = s0;
        FloatVector s5 = s0;
        FloatVector s6 = s0;
        FloatVector s7 = s0;
        final int end = START + FLOATS;
        for (int i = START; i < end; i += 8 * LANES) {
            s0 = s0.add(FloatVector.fromArray(SPECIES, w, i));
            s1 = s1.add(FloatVector.fromArray(SPECIES, w, i + LANES));
            s2 = s2.add(FloatVector.fromArray(SPECIES, w, i + 2 * LANES));
            s3 = s3.add(FloatVector.fromArray(SPECIES, w, i + 3 * LANES));
            s4 = s4.add(FloatVector.fromArray(SPECIES, w, i + 4 * LANES));
            s5 = s5.add(FloatVector.fromArray(SPECIES, w, i + 5 * LANES));
            s6 = s6.add(FloatVector.fromArray(SPECIES, w, i + 6 * LANES));
            s7 = s7.add(FloatVector.fromArray(SPECIES, w, i + 7 * LANES));
        }
        return s0.add(s1).add(s2.add(s3)).add(s4.add(s5).add(s6.add(s7))).reduceLanes(VectorOperators.ADD);
    }
}
