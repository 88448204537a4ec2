package io.slicer.bench.sim;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.Scenarios;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Companion to {@link SimulatorBenchmark} for a shared machine: simulated slices per second of this thread's CPU
 * time as well as of wall time, so that other processes competing for the cores do not hide the simulator's own
 * speed. Prints one line per scenario and strategy: the median of the measured rounds and the range.
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.sim.SimulatorThroughput [rounds]
 * </pre>
 */
public final class SimulatorThroughput {
    private static final long SLICES_PER_ROUND = 20_000_000L;

    private SimulatorThroughput() {
    }

    public static void main(final String[] args) {
        final int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf("%-22s %-10s %16s %16s %22s%n", "scenario", "strategy", "slices/cpu-s", "slices/wall-s",
                "cpu-s range");
        for (final String scenarioName : new String[] {"liquid-stock", "stochastic-liquidity", "ac-2000"}) {
            for (final String spec : new String[] {"twap", "ac:1e-6"}) {
                final Scenario scenario = Scenarios.byName(scenarioName);
                final Episode episode = scenario.newEpisode();
                final SliceStrategy strategy = StrategyRegistry.standard().factory(spec).create(scenario.terms());
                final SliceDecision decision = new SliceDecision();
                final long episodes = SLICES_PER_ROUND / scenario.terms().slices();
                double sink = 0;
                long index = 0;
                for (int i = 0; i < episodes / 4; i++) {
                    sink += EpisodeRunner.run(episode, strategy, decision, 1, index++).isCost();
                }
                final double[] cpu = new double[rounds];
                final double[] wall = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    final long cpu0 = mx.getCurrentThreadCpuTime();
                    final long wall0 = System.nanoTime();
                    for (long i = 0; i < episodes; i++) {
                        sink += EpisodeRunner.run(episode, strategy, decision, 1, index++).isCost();
                    }
                    final long slices = episodes * scenario.terms().slices();
                    cpu[r] = slices / ((mx.getCurrentThreadCpuTime() - cpu0) * 1e-9);
                    wall[r] = slices / ((System.nanoTime() - wall0) * 1e-9);
                }
                java.util.Arrays.sort(cpu);
                java.util.Arrays.sort(wall);
                System.out.printf("%-22s %-10s %16.0f %16.0f %10.0f..%-10.0f%s%n", scenarioName, spec,
                        cpu[rounds / 2], wall[rounds / 2], cpu[0], cpu[rounds - 1], sink == 42 ? " " : "");
            }
        }
    }
}
