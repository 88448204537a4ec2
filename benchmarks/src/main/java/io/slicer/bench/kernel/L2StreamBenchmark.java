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
 * (8 x 256 + 256 x 256 + 256 x 16 floats, 280 KB: more than L1, well inside L2), with nothing computed but a sum to
 * keep the loads alive. The whole array is read on every call, as the kernel reads its weights, so after the first
 * call it streams from L2; the kernel can be no faster than this. The array's data starts at the same place in a
 * cache line as the kernel's aligned panels (12 floats in, line-aligned under {@code -XX:ObjectAlignmentInBytes=64}).
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

    private float[] weights;

    @Setup
    public void setUp() {
        weights = new float[START + FLOATS];
        final SplittableRandom rnd = new SplittableRandom(5);
        for (int i = START; i < weights.length; i++) {
            weights[i] = (float) rnd.nextDouble();
        }
    }

    /** Eight independent sums, so the adds never wait on each other and only the loads set the pace. */
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
