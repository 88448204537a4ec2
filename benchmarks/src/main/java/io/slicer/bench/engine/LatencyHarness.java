package io.slicer.bench.engine;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.TradingState;
import io.slicer.engine.risk.TrainingDomain;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.engine.testing.DemoModels;
import io.slicer.policy.PolicyModel;
import org.HdrHistogram.Histogram;

import java.util.Locale;
import java.util.concurrent.locks.LockSupport;

/**
 * Event-to-child-order latency of the live engine through its real ring, at a fixed publishing rate so that
 * coordinated omission cannot hide the tail: every event is stamped with the time it was <i>scheduled</i> to be
 * published, and the child order's latency is measured from the scheduled publish time of the timer event that
 * triggered the decision to the moment the {@link ChildOrderSink} receives it (on the consumer thread). A late
 * publisher therefore shows up as latency.
 *
 * <p>Stream: one event every {@code 1e9 / rate} ns; every tenth is a TIMER (a slice boundary: one decision and one
 * child order), the rest alternate quotes and trades. The publisher answers each child with an ack and a full fill
 * (extra, unscheduled events). One publisher thread ({@code singlePublisher()}), a busy-spinning consumer.
 *
 * <p>To show where a tail comes from, it also prints the publisher's lateness (actual minus scheduled publish time),
 * the latency from the actual publish to the child order (ring, consumer queueing, decision), and how long each of
 * the two threads sat runnable without a CPU ({@link RunQueueWait}). The publisher sleeps through gaps longer than
 * {@link #SPIN_LAST_NANOS} so that at low rates one vCPU is left to the OS; at 100k/s (10 us gaps) it always spins.
 *
 * <pre>
 *   java @jvm.options -cp benchmarks/target/benchmarks.jar io.slicer.bench.engine.LatencyHarness \
 *       [latency|throughput] [twap|dqn] [rate per second] [seconds] [spin|yield] [park|spin]
 * </pre>
 */
public final class LatencyHarness {
    private static final int SYMBOL = 0;
    private static final long ORDER = 1;
    private static final int TIMER_EVERY = 10;

    /**
     * Records latency on the consumer thread and hands the child to the publisher through a single-slot-per-index
     * ring. Two histograms split the event-to-child-order latency: {@link #histogram} from the TIMER's scheduled
     * publish time (what the issue asks for, coordinated-omission-safe), {@link #afterPublish} from the moment the
     * publisher actually published it (ring hand-off, consumer queueing and the decision itself). Their difference is
     * the publisher's lateness, recorded separately by the publisher.
     *
     * <p>Warm-up and measurement record alike, into histogram 0 and 1 picked without a branch from the event time: a
     * {@code if (recording)} that first turns true when measuring starts is a branch C2 compiled as never taken, and
     * taking it deoptimises the whole inlined decision path (core, pre-trade checks, sink) and the publisher loop,
     * so the first seconds of the measurement would run interpreted and C1 code while C2 recompiles.
     */
    static final class LatencySink implements ChildOrderSink {
        final Histogram[] histogram = {new Histogram(10_000_000_000L, 3), new Histogram(10_000_000_000L, 3)};
        final Histogram[] afterPublish = {new Histogram(10_000_000_000L, 3), new Histogram(10_000_000_000L, 3)};
        final long[] childIds = new long[1 << 16];
        final long[] quantities = new long[1 << 16];
        final double[] prices = new double[1 << 16];
        /**
         * Actual publish time of each slice's TIMER, indexed by slice number. Written by the publisher before it
         * publishes the TIMER, so the ring's publish/consume ordering makes the value visible to the consumer.
         */
        final long[] timerPublishedAt = new long[1 << 16];
        long firstSlice;
        long sliceLength = 1;
        long measureFrom;
        volatile long published;
        volatile SlicerEngine engine;

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            final long now = System.nanoTime();
            // The core's clock is the triggering event's timestamp, i.e. its scheduled publish time; the sink runs on
            // the consumer thread, the only thread that writes it.
            final long eventTime = engine.core().now();
            final int phase = phase(eventTime, measureFrom);
            histogram[phase].recordValue(Math.max(0, now - eventTime));
            final int slice = (int) (((eventTime - firstSlice) / sliceLength) & (timerPublishedAt.length - 1));
            afterPublish[phase].recordValue(Math.max(0, now - timerPublishedAt[slice]));
            final int i = (int) (published & (childIds.length - 1));
            childIds[i] = childId;
            quantities[i] = quantity;
            prices[i] = limitPrice;
            published = published + 1;
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
        }
    }

    /** 0 before {@code measureFrom} (warm-up), 1 from it on (measurement), without a branch. */
    static int phase(final long time, final long measureFrom) {
        return (int) ((measureFrom - 1 - time) >>> 63);
    }

    /** Publisher sleeps through long gaps (sixth argument {@code park}, the default) or spins through them ({@code spin}). */
    private static boolean publisherParks;

    /** Consumer waits by yielding instead of spinning (fifth argument {@code yield}): kinder to a shared machine. */
    private static boolean yielding;

    private LatencyHarness() {
    }

    public static void main(final String[] args) {
        final String mode = args.length > 0 ? args[0] : "latency";
        final String policy = args.length > 1 ? args[1] : "dqn";
        final long rate = args.length > 2 ? Long.parseLong(args[2]) : 100_000;
        final int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        yielding = args.length > 4 && args[4].equals("yield");
        publisherParks = !(args.length > 5 && args[5].equals("spin"));
        if (mode.equals("throughput")) {
            throughput(seconds);
        } else {
            // A thread of our own: the launcher's main thread keeps the OS name "java", so its schedstat could not be
            // told apart from the launcher's.
            final Thread publisher = new Thread(() -> latency(policy, rate, seconds), "publisher");
            publisher.start();
            try {
                publisher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Remembers the first halt so a run that stopped deciding says why. */
    static final class HaltWatch implements EngineJournal {
        volatile String firstHalt;
        final float[] lastFeatures = new float[ExecutionFeatures.COUNT];

        @Override
        public void onDecision(final io.slicer.engine.port.DecisionRecord r) {
            System.arraycopy(r.features(), 0, lastFeatures, 0, lastFeatures.length);
            lastChildQuantity = r.childQuantity();
            lastAction = r.actionValue();
            lastVerdict = r.verdict().toString();
        }

        long lastChildQuantity;
        double lastAction;
        String lastVerdict;

        @Override
        public void onTransition(final long sequence, final long timestamp, final HaltScope scope, final long id,
                                 final TradingState state, final boolean twapFallback, final HaltReason reason,
                                 final double detail, final int detailIndex) {
            if (firstHalt == null && state == TradingState.HALTED) {
                firstHalt = reason + " at sequence " + sequence + " detail " + detail
                        + (detailIndex >= 0 ? " feature " + ExecutionFeatures.NAMES.get(detailIndex) : "")
                        + " previous decision's features " + java.util.Arrays.toString(lastFeatures)
                        + " child " + lastChildQuantity + " action " + lastAction + " " + lastVerdict;
            }
        }
    }

    private static final HaltWatch HALTS = new HaltWatch();

    /**
     * The demo DQN with a training domain too wide to trip: the harness measures the decision path (the domain check
     * included), and an overloaded machine's fill backlog must not halt the order half-way through the run.
     */
    static RegisteredStrategy wideDqn() {
        final PolicyModel model = DemoModels.randomDqn(1);
        final double[] mean = new double[ExecutionFeatures.COUNT];
        final double[] std = new double[ExecutionFeatures.COUNT];
        java.util.Arrays.fill(std, 1e6);
        final StrategyFactory dqn = PolicyStrategy.factory("dqn", model);
        dqn.warmUp();
        return new RegisteredStrategy("dqn", dqn, new TrainingDomain(mean, std, 3.0));
    }

    private static SlicerEngine engine(final ChildOrderSink sink) {
        return SlicerEngine.builder()
                .journal(HALTS)
                .strategy("twap")
                .register(wideDqn())
                .config(c -> c.throttle(1_000_000, 1_000_000_000L).defaultInstrument(Instrument.equity("BENCH", 0.01, 1, "USD")).minChild(1)
                        .maxSlices(100_000_000).staleAfterNanos(1_000_000_000L)
                        .maxLiveChildrenPerOrder(1_024).maxLiveChildren(65_536))
                .waitStrategy(yielding ? new YieldingWaitStrategy() : new BusySpinWaitStrategy())
                .singlePublisher()
                .sink(sink)
                .build();
    }

    /**
     * The publisher sleeps ({@code parkNanos}) while the next scheduled time is more than this far away and spins only
     * the last stretch: at rates whose gap exceeds it the publisher leaves its vCPU to the OS between events instead of
     * competing with it. Linux's default timer slack (50 us) makes a park overshoot by up to that much, hence the margin.
     */
    static final long SPIN_LAST_NANOS = 80_000;
    /** Warm-up covers at least this many decisions, so C2 has compiled the decision path before measuring. */
    static final long WARM_UP_DECISIONS = 30_000;

    static void latency(final String policy, final long rate, final int seconds) {
        final LatencySink sink = new LatencySink();
        final Histogram[] lateness = {new Histogram(10_000_000_000L, 3), new Histogram(10_000_000_000L, 3)};
        final long interval = 1_000_000_000L / rate;
        final long sliceLength = interval * TIMER_EVERY;
        final int warmupSeconds = (int) Math.max(Math.max(5, seconds / 4),
                (WARM_UP_DECISIONS * sliceLength + 999_999_999L) / 1_000_000_000L);
        final long totalSlices = (long) (warmupSeconds + seconds + 1) * 1_000_000_000L / sliceLength;
        try (SlicerEngine engine = engine(sink)) {
            sink.engine = engine;
            long t = System.nanoTime();
            engine.quote(t, SYMBOL, 99.99, 100.01, 500, 500);
            final long start = t + 1_000_000;
            sink.firstSlice = start;
            sink.sliceLength = sliceLength;
            engine.newOrder(t, NewOrder.of(ORDER, SYMBOL, Side.BUY, 100 * totalSlices, start,
                    start + totalSlices * sliceLength, (int) totalSlices, engine.strategyIndex(policy), 0.01,
                    8_000));
            long answered = 0;
            long execId = 1;
            final long[] parks = new long[2];
            final long measureFrom = start + warmupSeconds * 1_000_000_000L;
            final long end = measureFrom + seconds * 1_000_000_000L;
            sink.measureFrom = measureFrom;
            final RunQueueWait runQueue = new RunQueueWait(measureFrom, end, "publisher", "slicer-engine");
            long scheduled = start;
            long i = 0;
            while (scheduled < end) {
                final int phase = phase(scheduled, measureFrom);
                long now;
                while ((now = System.nanoTime()) < scheduled) {
                    if (publisherParks && scheduled - now > SPIN_LAST_NANOS) {
                        LockSupport.parkNanos(scheduled - now - SPIN_LAST_NANOS);
                        parks[phase]++;
                    } else {
                        Thread.onSpinWait();
                    }
                }
                lateness[phase].recordValue(now - scheduled);
                if (i % TIMER_EVERY == 0) {
                    sink.timerPublishedAt[(int) ((i / TIMER_EVERY) & (sink.timerPublishedAt.length - 1))] = now;
                    engine.timer(scheduled);
                } else if ((i & 1) == 0) {
                    final double mid = 100 + 0.01 * ((i / TIMER_EVERY) % 5);
                    engine.quote(scheduled, SYMBOL, mid - 0.01, mid + 0.01, 500, 500);
                } else {
                    engine.trade(scheduled, SYMBOL, 100.0, 1_000, 0);
                }
                final long published = sink.published;
                while (answered < published) {
                    final int k = (int) (answered & (sink.childIds.length - 1));
                    engine.childAck(scheduled, ORDER, sink.childIds[k]);
                    engine.fill(scheduled, ORDER, sink.childIds[k], execId++, sink.quantities[k], sink.prices[k]);
                    answered++;
                }
                i++;
                scheduled = start + i * interval;
            }
            engine.flush();
            final OrderProgress progress = new OrderProgress();
            engine.progress(ORDER, progress);
            final Histogram h = sink.histogram[1];
            System.out.printf(Locale.ROOT, "latency policy=%s rate=%d/s wait=%s events=%d decisions-with-child=%d "
                            + "(%ds after %ds warm-up) publisher=%s parks=%d%n", policy, rate,
                    yielding ? "yield" : "busy-spin", i, h.getTotalCount(), seconds, warmupSeconds,
                    publisherParks ? "park" : "spin", parks[1]);
            print("event-to-child-order   ", h);
            print("publisher lateness     ", lateness[1]);
            print("publish-to-child-order ", sink.afterPublish[1]);
            System.out.println(runQueue.report());
            System.out.println("order: " + progress);
            if (HALTS.firstHalt != null) {
                System.out.println("first halt: " + HALTS.firstHalt);
            }
        }
    }

    private static void print(final String what, final Histogram h) {
        System.out.printf(Locale.ROOT, "%s ns: p50=%d p90=%d p99=%d p99.9=%d p99.99=%d max=%d mean=%.0f%n", what,
                h.getValueAtPercentile(50), h.getValueAtPercentile(90), h.getValueAtPercentile(99),
                h.getValueAtPercentile(99.9), h.getValueAtPercentile(99.99), h.getMaxValue(), h.getMean());
    }

    /** Market events (quotes and trades alternating) as fast as one publisher can push them through the ring. */
    static void throughput(final int seconds) {
        final LatencySink sink = new LatencySink();
        try (SlicerEngine engine = engine(sink)) {
            sink.engine = engine;
            engine.quote(0, SYMBOL, 99.99, 100.01, 500, 500);
            engine.newOrder(0, NewOrder.of(ORDER, SYMBOL, Side.BUY, 1_000_000_000L, 1, Long.MAX_VALUE / 2, 1_000,
                    engine.strategyIndex("twap"), 0.01, 8_000));
            for (int round = 0; round < 2; round++) {
                final long events = 10_000_000L * Math.max(1, seconds / 2);
                final long begin = System.nanoTime();
                long t = 1 + round * events;
                for (long i = 0; i < events; i++) {
                    t++;
                    if ((i & 1) == 0) {
                        engine.quote(t, SYMBOL, 99.99, 100.01, 500, 500);
                    } else {
                        engine.trade(t, SYMBOL, 100.0, 100, 0);
                    }
                }
                engine.flush();
                final long elapsed = System.nanoTime() - begin;
                System.out.printf(Locale.ROOT, "throughput round %d: %d market events in %.3f s = %.2f million "
                        + "events/s (ring + market state)%n", round, events, elapsed / 1e9, events * 1e3 / elapsed);
            }
        }
    }
}
