package io.slicer.bench.sim;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Simulator throughput in slices per second, one thread: whole episodes of a 26-slice scenario (reset, strategy
 * begin, 26 decide + step), so one operation is one simulated slice including the strategy's decision and the
 * result's accounting.
 *
 * <pre>
 *   mvn -B -o -pl benchmarks -am package -DskipTests
 *   java @jvm.options -jar benchmarks/target/benchmarks.jar SimulatorBenchmark
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsPrepend = {"-Xmx1g"})
@Threads(1)
public class SimulatorBenchmark {
    private static final int SLICES = 26;

    @Param({"liquid-stock", "stochastic-liquidity"})
    public String scenario;

    @Param({"twap", "ac:1e-6"})
    public String strategy;

    private Episode episode;
    private SliceStrategy slicer;
    private final SliceDecision decision = new SliceDecision();
    private long index;

    @Setup
    public void setUp() {
        final Scenario s = Scenarios.byName(scenario);
        if (s.terms().slices() != SLICES) {
            throw new IllegalStateException(scenario + " has " + s.terms().slices() + " slices, the benchmark counts "
                    + SLICES);
        }
        episode = s.newEpisode();
        slicer = StrategyRegistry.standard().factory(strategy).create(s.terms());
    }

    /** One full episode of 26 slices (schedules never finish early). */
    @Benchmark
    @OperationsPerInvocation(SLICES)
    public double episode() {
        return EpisodeRunner.run(episode, slicer, decision, 42, index++).isCost();
    }
}
