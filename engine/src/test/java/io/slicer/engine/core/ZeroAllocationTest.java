package io.slicer.engine.core;

import com.lmax.disruptor.YieldingWaitStrategy;
import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.risk.TradingState;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.engine.strategy.Twap;
import io.slicer.engine.testing.AllocationMeter;
import io.slicer.engine.testing.DemoModels;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot path allocates nothing after warm-up: market events, timers, decisions (features, strategy, sizing,
 * checks, child order), acks and fills. Measured with the thread's allocation counter around the core called
 * directly, and on the ring's consumer thread.
 */
class ZeroAllocationTest {
    private static final long SECOND = 1_000_000_000L;
    private static final int SLICES = 2_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A sink that remembers children in preallocated arrays, so the venue can answer without allocating. */
    static final class ArraySink implements ChildOrderSink {
        final long[] childIds = new long[1 << 16];
        final long[] parents = new long[1 << 16];
        final long[] quantities = new long[1 << 16];
        final double[] prices = new double[1 << 16];
        volatile int count;
        volatile long consumerThreadId = -1;

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            final int i = count & (childIds.length - 1);
            childIds[i] = childId;
            parents[i] = parentId;
            quantities[i] = quantity;
            prices[i] = limitPrice;
            consumerThreadId = Thread.currentThread().getId();
            count = count + 1;
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
        }
    }

    private static List<RegisteredStrategy> twapAndDqn() {
        final StrategyFactory factory = scenario -> new Twap(scenario.slices());
        return List.of(RegisteredStrategy.schedule("twap", factory),
                RegisteredStrategy.of("dqn", PolicyStrategy.factory("dqn", DemoModels.randomDqn(7)), 3.0));
    }

    /** One simulated second of an order's life: venue answers, quote, trade, timer. Allocation-free. */
    private static int second(final SlicerCore core, final EngineEvent e, final ArraySink sink, final int answered,
                              final long t, final double mid) {
        int a = answered;
        while (a < sink.count) {
            final int i = a & (sink.childIds.length - 1);
            core.onEvent(e.childAck(t, sink.parents[i], sink.childIds[i]));
            final long half = sink.quantities[i] / 2;
            core.onEvent(e.fill(t, sink.parents[i], sink.childIds[i], 2L * a, half, sink.prices[i]));
            core.onEvent(e.fill(t, sink.parents[i], sink.childIds[i], 2L * a, half, sink.prices[i]));
            core.onEvent(e.fill(t, sink.parents[i], sink.childIds[i], 2L * a + 1, sink.quantities[i] - half,
                    sink.prices[i]));
            a++;
        }
        core.onEvent(e.quote(t, 0, mid - 0.01, mid + 0.01, 300, 500));
        core.onEvent(e.trade(t, 0, mid, 50_000, 0));
        core.onEvent(e.timer(t));
        return a;
    }

    private static long runOrder(final SlicerCore core, final EngineEvent e, final ArraySink sink, final long id,
                                 final long startSecond, final int strategy, final boolean measure) {
        core.onEvent(e.quote(startSecond * SECOND, 0, 99.99, 100.01, 300, 500));
        core.onEvent(e.newOrder(startSecond * SECOND, id, 0, Side.BUY, 5_000_000, (startSecond + 1) * SECOND,
                (startSecond + 1 + SLICES) * SECOND, SLICES, strategy, Double.NaN, Double.NaN, Double.NaN, 0.05, 50_000));
        int answered = sink.count;
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        for (long s = startSecond + 1; s <= startSecond + SLICES + 1; s++) {
            // The OMS re-states its volume expectations now and then: the amend path and the remaining-volume
            // bookkeeping the feasibility floor reads run inside the measured window too.
            if (s % 10 == 0) {
                core.onEvent(e.amendOrder(s * SECOND, id, Double.NaN, Double.NaN, 50_000,
                        50_000.0 * (startSecond + SLICES + 1 - s)));
            }
            // An OMS asking for more shares than the order holds is refused on the engine thread without
            // allocating (an applied amend of quantity or horizon re-makes terms and strategy, like a new order).
            if (s % 10 == 5) {
                core.onEvent(e.amendOrder(s * SECOND, id, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        6_000_000, EngineEvent.UNCHANGED));
            }
            answered = second(core, e, sink, answered, s * SECOND, 100 + (s % 7) * 0.01);
        }
        final long after = THREADS.getCurrentThreadAllocatedBytes();
        return measure ? after - before : 0;
    }

    /**
     * The fewest bytes any of {@link AllocationMeter#DEFAULT_WINDOWS} measured orders allocated: a deoptimisation on
     * a loaded machine rematerialises scalar-replaced objects once, a per-decision allocation shows in every order.
     */
    private static long fewestBytesPerOrder(final SlicerCore core, final EngineEvent e, final ArraySink sink,
                                            final int strategy) {
        long fewest = Long.MAX_VALUE;
        for (int w = 0; w < AllocationMeter.DEFAULT_WINDOWS; w++) {
            fewest = Math.min(fewest, runOrder(core, e, sink, 100 + w, (10 + w) * (SLICES + 10L), strategy, true));
        }
        return fewest;
    }

    @Test
    void theCoreAllocatesNothingPerMarketEventFillOrTwapDecisionAfterWarmUp() {
        final ArraySink sink = new ArraySink();
        final SlicerCore core = new SlicerCore(EngineConfig.builder().throttle(100_000, SECOND).build(),
                twapAndDqn(), sink, EngineJournal.NONE);
        final EngineEvent e = new EngineEvent();
        for (int warm = 0; warm < 5; warm++) {
            runOrder(core, e, sink, warm + 1, warm * (SLICES + 10L), 0, false);
        }
        final long decisionsBefore = core.decisions();
        final long childrenBefore = core.childrenSent();
        final long bytes = fewestBytesPerOrder(core, e, sink, 0);
        final int orders = AllocationMeter.DEFAULT_WINDOWS;
        assertTrue(core.decisions() - decisionsBefore >= (long) orders * SLICES, "measured " + SLICES + " decisions");
        assertEquals((long) orders * SLICES, core.childrenSent() - childrenBefore, "every decision sent a child");
        assertEquals(0, bytes, "bytes allocated by an order's " + SLICES + " decisions and " + 5 * SLICES
                + " events (fewest of " + orders + " orders)");
    }

    /** A venue for resting children: remembers children and cancels in preallocated arrays. */
    static final class RestingSink implements ChildOrderSink {
        final ArraySink children = new ArraySink();
        final long[] cancelled = new long[1 << 16];
        final long[] cancelledParents = new long[1 << 16];
        int cancels;

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            children.onNewChild(childId, parentId, symbol, side, quantity, limitPrice);
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
            final int i = cancels & (cancelled.length - 1);
            cancelled[i] = childId;
            cancelledParents[i] = parentId;
            cancels++;
        }
    }

    /**
     * One order of 200 ten-second slices worked by {@code twap/peg}: each second the venue acks new children and
     * fills half of each, confirms cancels with that half filled, and the bid moves, so the peg is cancelled and sent
     * again and, at each deadline, what it left crosses. Returns the bytes the measured seconds allocated.
     */
    private static long runRestingOrder(final SlicerCore core, final EngineEvent e, final RestingSink sink,
                                        final long id, final long startSecond) {
        final int slices = 200;
        core.onEvent(e.quote(startSecond * SECOND, 0, 99.99, 100.01, 300, 500));
        core.onEvent(e.newOrder(startSecond * SECOND, id, 0, Side.BUY, 2_000_000, (startSecond + 1) * SECOND,
                (startSecond + 1 + 10L * slices) * SECOND, slices, 0, Double.NaN, Double.NaN, Double.NaN, 0.05,
                50_000));
        int answered = sink.children.count;
        int confirmed = sink.cancels;
        final long before = THREADS.getCurrentThreadAllocatedBytes();
        for (long s = startSecond + 1; s <= startSecond + 10L * slices + 2; s++) {
            final long t = s * SECOND;
            final ArraySink c = sink.children;
            while (answered < c.count) {
                final int i = answered & (c.childIds.length - 1);
                core.onEvent(e.childAck(t, c.parents[i], c.childIds[i]));
                core.onEvent(e.fill(t, c.parents[i], c.childIds[i], 3L * answered, c.quantities[i] / 2, c.prices[i]));
                answered++;
            }
            while (confirmed < sink.cancels) {
                final int i = confirmed & (sink.cancelled.length - 1);
                core.onEvent(e.childCancelled(t, sink.cancelledParents[i], sink.cancelled[i], 0));
                confirmed++;
            }
            final double bid = 99.99 + (s % 3) * 0.01;
            // Sizes and aggressors that move: a learned chooser's book changes from slice to slice.
            core.onEvent(e.quote(t, 0, bid, bid + 0.02, 100 + (s % 7) * 100, 400));
            core.onEvent(e.trade(t, 0, bid + 0.01, 50_000, (int) (s % 3) - 1));
            core.onEvent(e.timer(t));
        }
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    @Test
    void theCoreAllocatesNothingPerRestingChildCancelAndCrossAfterWarmUp() {
        final RestingSink sink = new RestingSink();
        final long[] cancelRecords = new long[1];
        // Every cancel is journaled before it leaves: the record's call is on the measured path too.
        final EngineJournal cancels = new EngineJournal() {
            @Override
            public void onChildCancel(final long sequence, final long timestamp, final long orderId,
                                      final long childId, final int symbol, final double limitPrice,
                                      final long openQuantity, final io.slicer.engine.order.CancelReason reason,
                                      final io.slicer.engine.risk.HaltReason haltReason) {
                cancelRecords[0]++;
            }
        };
        final SlicerCore core = new SlicerCore(EngineConfig.builder().throttle(100_000, SECOND).build(),
                List.of(RegisteredStrategy.schedule("twap/peg",
                        StrategyRegistry.schedules().factory("twap/peg"))),
                sink, cancels);
        final EngineEvent e = new EngineEvent();
        for (int warm = 0; warm < 3; warm++) {
            runRestingOrder(core, e, sink, warm + 1, warm * 3_000L);
        }
        final long childrenBefore = core.childrenSent();
        final int cancelsBefore = sink.cancels;
        long fewest = Long.MAX_VALUE;
        for (int w = 0; w < AllocationMeter.DEFAULT_WINDOWS; w++) {
            fewest = Math.min(fewest, runRestingOrder(core, e, sink, 100 + w, (10 + w) * 3_000L));
        }
        final int orders = AllocationMeter.DEFAULT_WINDOWS;
        assertTrue(sink.cancels - cancelsBefore > orders * 200, "pegs cancelled: " + (sink.cancels - cancelsBefore));
        assertTrue(core.childrenSent() - childrenBefore > orders * 400L, "children sent again and crossed: "
                + (core.childrenSent() - childrenBefore));
        assertEquals(sink.cancels, cancelRecords[0], "one cancel record per cancel sent");
        assertEquals(0, fewest, "bytes allocated by a resting order's 2,000 seconds (fewest of " + orders + ")");
    }

    /** Counts decisions by the tactic they name, in a preallocated array. */
    static final class TacticCount implements EngineJournal {
        final long[] byTactic = new long[io.slicer.engine.order.ChildTactic.values().length];

        @Override
        public void onDecision(final io.slicer.engine.port.DecisionRecord record) {
            byTactic[record.tactic().ordinal()]++;
        }
    }

    @Test
    void theCoreAllocatesNothingPerLearnedTacticChoiceOrTradeFlowUpdateAfterWarmUp() {
        final RestingSink sink = new RestingSink();
        final TacticCount count = new TacticCount();
        final io.slicer.engine.order.TacticChooser chooser = io.slicer.engine.order.TacticChooser.of(
                "learned:imbalance", DemoModels.tacticRule("l1_imbalance"));
        final SlicerCore core = new SlicerCore(EngineConfig.builder().throttle(100_000, SECOND).build(),
                List.of(RegisteredStrategy.of("twap/learned:imbalance",
                        StrategyRegistry.schedules().factory("twap").withTacticChooser(chooser), 3.0)),
                sink, count);
        final EngineEvent e = new EngineEvent();
        for (int warm = 0; warm < 3; warm++) {
            runRestingOrder(core, e, sink, warm + 1, warm * 3_000L);
        }
        final long joinedBefore = count.byTactic[io.slicer.engine.order.ChildTactic.JOIN.ordinal()];
        final long crossedBefore = count.byTactic[io.slicer.engine.order.ChildTactic.CROSS.ordinal()];
        long fewest = Long.MAX_VALUE;
        for (int w = 0; w < AllocationMeter.DEFAULT_WINDOWS; w++) {
            fewest = Math.min(fewest, runRestingOrder(core, e, sink, 100 + w, (10 + w) * 3_000L));
        }
        final int orders = AllocationMeter.DEFAULT_WINDOWS;
        assertTrue(count.byTactic[io.slicer.engine.order.ChildTactic.JOIN.ordinal()] - joinedBefore > orders * 20L,
                "decisions of joining children: " + java.util.Arrays.toString(count.byTactic));
        assertTrue(count.byTactic[io.slicer.engine.order.ChildTactic.CROSS.ordinal()] - crossedBefore > orders * 20L,
                "decisions of crossing children: " + java.util.Arrays.toString(count.byTactic));
        assertEquals(0, fewest, "bytes allocated by a learned-tactic order's 2,000 seconds (fewest of " + orders
                + ")");
    }

    @Test
    void theCoreAllocatesNothingPerDqnDecisionAfterWarmUp() {
        final ArraySink sink = new ArraySink();
        final int[] haltCount = new int[1];
        final EngineJournal halts = new EngineJournal() {
            @Override
            public void onTransition(final long sequence, final long timestamp,
                                     final io.slicer.engine.risk.HaltScope scope, final long id,
                                     final io.slicer.engine.risk.TradingState state, final boolean twapFallback,
                                     final io.slicer.engine.risk.HaltReason reason, final double detail,
                                     final int detailIndex) {
                haltCount[0]++;
            }
        };
        // A soft participation limit: the DQN's feasibility floor works from it and the OMS's remaining volume.
        final SlicerCore core = new SlicerCore(EngineConfig.builder().throttle(100_000, SECOND)
                .policyParticipationLimit(0.5).build(), twapAndDqn(), sink, halts);
        final EngineEvent e = new EngineEvent();
        for (int warm = 0; warm < 5; warm++) {
            runOrder(core, e, sink, warm + 1, warm * (SLICES + 10L), 1, false);
        }
        final long decisionsBefore = core.decisions();
        final long bytes = fewestBytesPerOrder(core, e, sink, 1);
        assertEquals(0, haltCount[0], "the demo DQN stays inside its training domain");
        assertTrue(core.decisions() - decisionsBefore >= (long) AllocationMeter.DEFAULT_WINDOWS * SLICES,
                "measured " + SLICES + " DQN decisions per order");
        assertEquals(0, bytes, "bytes allocated by an order's " + SLICES + " DQN decisions (fewest of "
                + AllocationMeter.DEFAULT_WINDOWS + " orders)");
    }

    @Test
    void theCoreAllocatesNothingPerShadowDecisionAfterWarmUp() {
        final ArraySink sink = new ArraySink();
        final long[] shadows = new long[1];
        final EngineJournal counting = new EngineJournal() {
            @Override
            public void onShadowDecision(final io.slicer.engine.port.ShadowRecord record) {
                shadows[0]++;
            }
        };
        // TWAP trades live; the DQN decides every slice in shadow beside it.
        final SlicerCore core = new SlicerCore(EngineConfig.builder().throttle(100_000, SECOND)
                .policyParticipationLimit(0.5).shadowStrategy(1).build(), twapAndDqn(), sink, counting);
        final EngineEvent e = new EngineEvent();
        for (int warm = 0; warm < 5; warm++) {
            runOrder(core, e, sink, warm + 1, warm * (SLICES + 10L), 0, false);
        }
        final long shadowsBefore = shadows[0];
        final long bytes = fewestBytesPerOrder(core, e, sink, 0);
        assertTrue(shadows[0] - shadowsBefore >= (long) AllocationMeter.DEFAULT_WINDOWS * SLICES,
                "measured " + SLICES + " shadow decisions per order");
        assertEquals(0, bytes, "bytes allocated by an order's " + SLICES + " live and shadow decisions (fewest of "
                + AllocationMeter.DEFAULT_WINDOWS + " orders)");
    }

    private static final int ROUNDS = 10;
    private static final int WARM_UP_ROUNDS = 5;

    @Test
    void theRingConsumerThreadAllocatesNothingAfterWarmUp() throws Exception {
        final ArraySink sink = new ArraySink();
        try (SlicerEngine engine = SlicerEngine.builder()
                .strategy("twap", scenario -> new Twap(scenario.slices()))
                .config(b -> b.throttle(100_000, SECOND))
                .waitStrategy(new YieldingWaitStrategy())
                .sink(sink)
                .build()) {
            long t = 0;
            // The fewest bytes of any measured round: a JIT deoptimisation on a loaded machine rematerialises
            // scalar-replaced objects on the heap once (seen: 144 bytes); steady state must still reach 0.
            long bytes = Long.MAX_VALUE;
            for (int round = 0; round < ROUNDS; round++) {
                engine.quote(t, 0, 99.99, 100.01, 300, 500);
                engine.newOrder(t, NewOrder.of(round + 1, 0, Side.BUY, 5_000_000, t + SECOND,
                        t + (1 + SLICES) * SECOND, SLICES, 0, 0.05, 50_000));
                engine.flush();
                int answered = sink.count;
                long before = 0;
                for (int s = 1; s <= SLICES + 1; s++) {
                    t += SECOND;
                    engine.flush();
                    while (answered < sink.count) {
                        final int i = answered & (sink.childIds.length - 1);
                        engine.childAck(t, sink.parents[i], sink.childIds[i]);
                        engine.fill(t, sink.parents[i], sink.childIds[i], answered + 1L, sink.quantities[i],
                                sink.prices[i]);
                        answered++;
                    }
                    engine.quote(t, 0, 99.99 + (s % 5) * 0.01, 100.01 + (s % 5) * 0.01, 300, 500);
                    engine.trade(t, 0, 100.0, 2_000, 0);
                    engine.timer(t);
                    if (s == 1) {
                        engine.flush();
                        before = THREADS.getThreadAllocatedBytes(sink.consumerThreadId);
                    }
                }
                engine.flush();
                if (round >= WARM_UP_ROUNDS) {
                    bytes = Math.min(bytes, THREADS.getThreadAllocatedBytes(sink.consumerThreadId) - before);
                }
                t += 10 * SECOND;
            }
            assertEquals(0, bytes, "fewest bytes allocated on the consumer thread in a round of " + SLICES + " decisions");
            assertEquals((long) ROUNDS * SLICES, engine.core().childrenSent());
        }
    }
}
