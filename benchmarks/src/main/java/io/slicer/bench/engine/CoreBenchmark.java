package io.slicer.bench.engine;

import io.slicer.engine.core.EngineConfig;
import io.slicer.engine.core.SlicerCore;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.engine.testing.DemoModels;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's single-threaded core without the ring: one market event, and one decision (a TIMER crossing a slice
 * boundary: features, policy, sizing, checks, child order) followed by the child's fill. Run with {@code -prof gc}:
 * {@code gc.alloc.rate.norm} is the bytes allocated per operation.
 *
 * <pre>java @jvm.options -jar benchmarks/target/benchmarks.jar CoreBenchmark -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx3g"})
public class CoreBenchmark {
    private static final long SLICE = 1_000L;
    private static final int SLICES = 40_000_000;

    @Param({"twap", "dqn"})
    public String policy;

    private SlicerCore core;
    private final EngineEvent event = new EngineEvent();
    private long t;
    private long execId;
    private long lastChild;
    private long lastQuantity;
    private double lastPrice;
    private long tick;

    /**
     * One core and one order for the whole trial (setup allocation would otherwise be counted per iteration by
     * {@code -prof gc}); the order has enough slices for the default warm-up and measurement.
     */
    @Setup(Level.Trial)
    public void setUp() {
        final ChildOrderSink sink = new ChildOrderSink() {
            @Override
            public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                                   final long quantity, final double limitPrice) {
                lastChild = childId;
                lastQuantity = quantity;
                lastPrice = limitPrice;
            }

            @Override
            public void onCancelChild(final long childId, final long parentId) {
            }
        };
        core = new SlicerCore(EngineConfig.builder().throttle(1_000_000, 1_000L).defaultInstrument(Instrument.equity("BENCH", 0.01, 1, "USD")).minChild(1)
                .maxSlices(SLICES).duplicateWindowNanos(0).build(),
                List.of(RegisteredStrategy.schedule("twap", StrategyRegistry.standard().factory("twap", 0)),
                        RegisteredStrategy.of("dqn", PolicyStrategy.factory("dqn", DemoModels.randomDqn(1)), 3.0)),
                sink, EngineJournal.NONE);
        core.onEvent(event.quote(0, 0, 99.99, 100.01, 500, 500));
        core.onEvent(event.newOrder(0, 1, 0, Side.BUY, 100L * SLICES, SLICE, SLICE * (SLICES + 1), SLICES,
                policy.equals("dqn") ? 1 : 0, Double.NaN, Double.NaN, Double.NaN, 0.01, 8_000));
        t = SLICE;
    }

    /**
     * Shows that the order was still trading at the end of every iteration, and fails the run when it was not: an
     * expired or halted order makes {@link #decisionAndFill} a few-nanosecond no-op, and an average over such
     * iterations is not the decision's cost. (At the default 3 + 5 one-second iterations a 40M-slice order lasts
     * while a decision takes more than 200 ns; longer runs need fewer iterations, not a bigger order: TWAP's plan is
     * two arrays of one long per slice.)
     */
    @TearDown(Level.Iteration)
    public void report() {
        System.out.println("order " + core.order(1).status() + " halt=" + core.order(1).haltReason() + " decisions="
                + core.decisions() + " children=" + core.childrenSent());
        if (core.order(1).status() != OrderStatus.OPEN) {
            throw new IllegalStateException("the benchmark's order stopped trading (" + core.order(1).status()
                    + ") after " + core.decisions() + " decisions: the iteration did not measure a decision");
        }
    }

    /** A quote or a trade: market state only. */
    @Benchmark
    public long marketEvent() {
        t++;
        if ((++tick & 1) == 0) {
            core.onEvent(event.quote(t, 0, 99.99, 100.01 + (tick & 3) * 0.01, 500, 500));
        } else {
            core.onEvent(event.trade(t, 0, 100.0, 100, 0));
        }
        return core.sequence();
    }

    /** A slice boundary: the whole decision pipeline and a child order, then the venue's fill of it. */
    @Benchmark
    public long decisionAndFill() {
        t = (t / SLICE + 1) * SLICE;
        core.onEvent(event.trade(t, 0, 100.0, 8_000, 0));
        core.onEvent(event.timer(t));
        core.onEvent(event.fill(t, 1, lastChild, ++execId, lastQuantity, lastPrice));
        return lastChild;
    }
}
