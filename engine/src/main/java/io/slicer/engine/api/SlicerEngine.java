package io.slicer.engine.api;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.slicer.engine.core.EngineConfig;
import io.slicer.engine.core.SlicerCore;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.risk.ControlReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.OperatorRole;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.seal.ModelApprovals;
import io.slicer.policy.seal.ModelTrust;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The engine an OMS embeds: one Disruptor ring of preallocated {@link EngineEvent}s (multi-producer by default so an
 * operator can press the kill switch from any thread; single-producer with {@link Builder#singlePublisher()}) and one
 * consumer thread running a {@link SlicerCore}. Child orders come out through the {@link ChildOrderSink} the OMS supplies.
 *
 * <pre>
 * try (SlicerEngine engine = SlicerEngine.builder()
 *         .strategy("twap", twapFactory)
 *         .sink(oms)
 *         .build()) {
 *     engine.quote(t, symbol, bid, ask, bidSize, askSize);
 *     engine.newOrder(t, NewOrder.of(...));
 *     engine.timer(t);                        // slice boundaries are decided on timer events
 *     engine.fill(t, orderId, childId, execId, qty, price);
 * }
 * </pre>
 *
 * <h2>Threading contract</h2>
 * <ul>
 *   <li><b>One consumer thread</b> runs the core; it is the only thread that touches engine state.</li>
 *   <li><b>Publishing</b> (every method that takes a timestamp): by default any thread may publish, and the manual
 *       kill switch ({@link #halt}) is meant to be pressed from an operator thread while the OMS thread streams
 *       market data. The ring's sequencer is then multi-producer: a publisher claims its slot with one CAS and
 *       events from one thread keep their order; a halt is ordered after everything claimed before it. Why not a
 *       single-producer sequencer behind a lock: the Disruptor's single-producer sequencer is only correct when
 *       one thread ever claims (it asserts so), and a kill switch that must wait for the market-data thread is
 *       not one.</li>
 *   <li>{@link Builder#singlePublisher()} switches to the single-producer sequencer (no CAS) for a deployment in
 *       which <b>one thread publishes everything, halts included</b>: any other publishing thread then corrupts the
 *       ring. The latency harness uses it.</li>
 *   <li>Publishing never allocates and blocks only while the ring is full.</li>
 *   <li><b>Never publish from inside a {@link ChildOrderSink} callback</b>: those run on the consumer thread, and a
 *       full ring would then deadlock. Queue venue work to another thread.</li>
 *   <li>{@link #halt}, {@link #pause} and {@link #resume} return a {@link ControlAck}: it completes once the consumer
 *       has processed the control, and a journaling engine journals and forces a control input to disk before it
 *       processes it, so an acknowledged halt survives a crash.</li>
 *   <li>{@link #progress} may be called from any thread at any time.</li>
 *   <li>Timestamps must be event time in nanoseconds, non-decreasing across all publishers. The engine reads no
 *       clock: the same published events give the same child orders.</li>
 * </ul>
 * If processing an event throws (a sink or journal bug), the engine fails closed: everything halts with reason
 * ENGINE_FAULT, working children are cancelled, and venue reports keep being applied; {@link #failure()} tells why.
 */
public final class SlicerEngine implements AutoCloseable {
    private final SlicerCore core;
    private final Disruptor<EngineEvent> disruptor;
    private final RingBuffer<EngineEvent> ring;
    private final List<String> strategyNames;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    /** Ring sequence of the last control input processed; written by the consumer thread only (release). */
    private final AtomicLong controlsProcessed = new AtomicLong(-1);
    /** Ring sequence of the last event the consumer processed, updated at each batch's end (release). */
    private final AtomicLong processed = new AtomicLong(-1);
    private final long drainNanos;
    private final LatencySamples decisionLatency = new LatencySamples();
    private volatile boolean closed;
    private volatile boolean consumerStopped;
    private volatile long droppedAtClose;

    private SlicerEngine(final Builder b) {
        if (b.prepared != null) {
            this.core = b.prepared;
            final List<String> names = new ArrayList<>();
            for (final RegisteredStrategy s : core.strategies()) {
                names.add(s.name());
            }
            this.strategyNames = List.copyOf(names);
        } else {
            this.strategyNames = List.copyOf(b.names);
            final EngineConfig config = b.config.build();
            final List<RegisteredStrategy> strategies = new ArrayList<>();
            for (final java.util.function.Function<EngineConfig, RegisteredStrategy> s : b.strategies) {
                strategies.add(s.apply(config));
            }
            this.core = new SlicerCore(config, strategies, b.sink, b.journal);
        }
        this.disruptor = new Disruptor<>(EngineEvent::new, b.ringSize, runnable -> {
            final Thread t = new Thread(runnable, b.threadName);
            t.setDaemon(true);
            return t;
        }, b.singlePublisher ? ProducerType.SINGLE : ProducerType.MULTI, b.waitStrategy);
        this.drainNanos = b.drainNanos;
        final EventHandler<EngineEvent> handler = new EventHandler<>() {
            @Override
            public void onEvent(final EngineEvent event, final long sequence, final boolean endOfBatch) {
                if (event.type() == EventType.TIMER) {
                    // Decisions happen on timers: their processing time is the decision latency a monitor charts.
                    // These clock reads only time the call for monitors (LatencySamples): nothing read here reaches
                    // the core, the journal or a decision, so replay stays bit-exact.
                    final long start = System.nanoTime();
                    core.onEvent(event);
                    decisionLatency.record(System.nanoTime() - start);
                } else {
                    core.onEvent(event);
                }
                if (event.isControl()) {
                    controlsProcessed.setRelease(sequence);
                }
                if (endOfBatch) {
                    processed.setRelease(sequence);
                }
            }

            @Override
            public void onShutdown() {
                consumerStopped = true;
            }
        };
        disruptor.handleEventsWith(handler);
        disruptor.setDefaultExceptionHandler(new FailClosed());
        this.ring = disruptor.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Index of a registered strategy, for {@link NewOrder#strategy()}. */
    public int strategyIndex(final String name) {
        final int i = strategyNames.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("no strategy named '" + name + "'; registered: " + strategyNames);
        }
        return i;
    }

    // ---------------------------------------------------------------- publishing

    private long claim() {
        if (closed) {
            throw new IllegalStateException("engine is closed");
        }
        return ring.next();
    }

    public void quote(final long t, final int symbol, final double bid, final double ask, final long bidSize,
                      final long askSize) {
        final long seq = claim();
        try {
            ring.get(seq).quote(t, symbol, bid, ask, bidSize, askSize);
        } finally {
            ring.publish(seq);
        }
    }

    /** A print: {@code aggressor} +1 buyer-initiated, -1 seller-initiated, 0 unknown ({@link EngineEvent#trade}). */
    public void trade(final long t, final int symbol, final double price, final long size, final int aggressor) {
        final long seq = claim();
        try {
            ring.get(seq).trade(t, symbol, price, size, aggressor);
        } finally {
            ring.publish(seq);
        }
    }

    /** Slice boundaries, order expiry and market-data staleness are evaluated at timer events. */
    public void timer(final long t) {
        final long seq = claim();
        try {
            ring.get(seq).timer(t);
        } finally {
            ring.publish(seq);
        }
    }

    public void newOrder(final long t, final NewOrder o) {
        final long seq = claim();
        try {
            ring.get(seq).newOrder(t, o.orderId(), o.symbol(), o.side(), o.quantity(), o.startTime(),
                    o.endTime(), o.slices(), o.strategy(), o.limitPrice(), o.wouldPrice(), o.urgency(),
                    o.referenceVolatility(), o.expectedVolumePerSlice(), o.expectedRemainingVolume());
        } finally {
            ring.publish(seq);
        }
    }

    public void cancelOrder(final long t, final long orderId) {
        final long seq = claim();
        try {
            ring.get(seq).cancelOrder(t, orderId);
        } finally {
            ring.publish(seq);
        }
    }

    /** NaN leaves a field unchanged. */
    public void amendOrder(final long t, final long orderId, final double limitPrice, final double urgency) {
        amendOrder(t, orderId, limitPrice, urgency, Double.NaN);
    }

    /**
     * NaN leaves a field unchanged. {@code expectedVolumePerSlice} replaces the order's expected market volume per
     * slice from the current slice (the one containing {@code t}) on: the volume the slice's realised volume is
     * compared with at the next boundary, and the slice volume a decision in this slice expects.
     */
    public void amendOrder(final long t, final long orderId, final double limitPrice, final double urgency,
                           final double expectedVolumePerSlice) {
        amendOrder(t, orderId, limitPrice, urgency, expectedVolumePerSlice, Double.NaN);
    }

    /**
     * As {@link #amendOrder(long, long, double, double, double)}, plus the market volume the OMS expects from the
     * current slice (the one containing {@code t}) to the order's end, in shares (NaN: unchanged). A decision in
     * that slice tells the strategy exactly this; later slices without a new value subtract the per-slice
     * expectation of the slices passed since (see {@code SlicerCore}). To reach the decision of slice k, send it
     * at or after slice k's start and before the timer that decides it.
     */
    public void amendOrder(final long t, final long orderId, final double limitPrice, final double urgency,
                           final double expectedVolumePerSlice, final double expectedRemainingVolume) {
        amendOrder(t, orderId, limitPrice, urgency, expectedVolumePerSlice, expectedRemainingVolume,
                EngineEvent.UNCHANGED, EngineEvent.UNCHANGED);
    }

    /**
     * Amends the order's quantity (down only) and/or the end of its horizon ({@code EngineEvent.UNCHANGED}, 0,
     * leaves either as it is). The engine refuses the whole amend, and changes nothing, when the quantity would go up
     * or below what is filled plus working, or the end would not be after {@code t} and the order's start; the
     * refusal is journaled and readable in {@link #progress} ({@code lastAmendRefusal}). Applied, the order keeps its
     * fills, children and decided slices; its remaining slices share the remaining horizon, and its strategy is
     * re-made from the amended terms.
     */
    public void amendOrder(final long t, final long orderId, final long quantity, final long endTime) {
        amendOrder(t, orderId, Double.NaN, Double.NaN, Double.NaN, Double.NaN, quantity, endTime);
    }

    /** Every amendable field at once: NaN leaves a price, urgency or volume unchanged, 0 the quantity or end. */
    public void amendOrder(final long t, final long orderId, final double limitPrice, final double urgency,
                           final double expectedVolumePerSlice, final double expectedRemainingVolume,
                           final long quantity, final long endTime) {
        final long seq = claim();
        try {
            ring.get(seq).amendOrder(t, orderId, limitPrice, urgency, expectedVolumePerSlice,
                    expectedRemainingVolume, quantity, endTime);
        } finally {
            ring.publish(seq);
        }
    }

    /** Stops sending children for an order, a symbol or everything (id ignored for ALL); the OMS's own control. */
    public ControlAck pause(final long t, final HaltScope scope, final long id) {
        return control(EventType.PAUSE, t, scope, id, OperatorRole.OMS, ControlReason.UNSPECIFIED);
    }

    /** Pause by {@code role} for {@code reason} (journaled with the control). */
    public ControlAck pause(final long t, final HaltScope scope, final long id, final OperatorRole role,
                            final ControlReason reason) {
        return control(EventType.PAUSE, t, scope, id, role, reason);
    }

    /** Undoes a pause (a halt is never resumed); the OMS's own control. */
    public ControlAck resume(final long t, final HaltScope scope, final long id) {
        return control(EventType.RESUME, t, scope, id, OperatorRole.OMS, ControlReason.UNSPECIFIED);
    }

    /** Resume by {@code role} for {@code reason} (journaled with the control). */
    public ControlAck resume(final long t, final HaltScope scope, final long id, final OperatorRole role,
                             final ControlReason reason) {
        return control(EventType.RESUME, t, scope, id, role, reason);
    }

    /**
     * The manual kill switch: halts an order, a symbol or everything (id ignored for ALL). Any thread. The halt has
     * taken effect, and with a journal is on disk, once the returned acknowledgement completes.
     */
    public ControlAck halt(final long t, final HaltScope scope, final long id) {
        return control(EventType.HALT, t, scope, id, OperatorRole.OMS, ControlReason.UNSPECIFIED);
    }

    /** Halt by {@code role} for {@code reason} (journaled with the control; the halt reason is OPERATOR). */
    public ControlAck halt(final long t, final HaltScope scope, final long id, final OperatorRole role,
                           final ControlReason reason) {
        return control(EventType.HALT, t, scope, id, role, reason);
    }

    private ControlAck control(final EventType type, final long t, final HaltScope scope, final long id,
                               final OperatorRole role, final ControlReason reason) {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(reason, "reason");
        final long seq = claim();
        try {
            ring.get(seq).control(type, t, scope, id, role, reason);
        } finally {
            ring.publish(seq);
        }
        return new ControlAck(this, seq);
    }

    /** True once the consumer processed the control input published at ring sequence {@code sequence}. */
    boolean controlAcknowledged(final long sequence) {
        return controlsProcessed.getAcquire() >= sequence;
    }

    /** True once the consumer thread has stopped (after {@link #close()}). */
    boolean consumerStopped() {
        return consumerStopped;
    }

    public void childAck(final long t, final long orderId, final long childId) {
        final long seq = claim();
        try {
            ring.get(seq).childAck(t, orderId, childId);
        } finally {
            ring.publish(seq);
        }
    }

    public void fill(final long t, final long orderId, final long childId, final long execId, final long quantity,
                     final double price) {
        final long seq = claim();
        try {
            ring.get(seq).fill(t, orderId, childId, execId, quantity, price);
        } finally {
            ring.publish(seq);
        }
    }

    public void childReject(final long t, final long orderId, final long childId) {
        final long seq = claim();
        try {
            ring.get(seq).childReject(t, orderId, childId);
        } finally {
            ring.publish(seq);
        }
    }

    public void childCancelled(final long t, final long orderId, final long childId, final long cumQuantity) {
        final long seq = claim();
        try {
            ring.get(seq).childCancelled(t, orderId, childId, cumQuantity);
        } finally {
            ring.publish(seq);
        }
    }

    /** Publishes a copy of {@code event} (replays, bridges that already hold events). */
    public void publish(final EngineEvent event) {
        final long seq = claim();
        try {
            ring.get(seq).copyFrom(event);
        } finally {
            ring.publish(seq);
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Waits until the consumer has processed every event published before this call. Any thread; for tests,
     * end-of-day and orderly shutdown, not for the hot path.
     */
    public void flush() {
        final long target = ring.getCursor();
        while (ring.getMinimumGatingSequence() < target) {
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Any thread: a consistent snapshot of an order's progress; false if the engine holds no such order. */
    public boolean progress(final long orderId, final OrderProgress out) {
        return core.progress(orderId, out);
    }

    /**
     * Events published but not yet processed by the consumer (as of its last batch): the ring's backlog, for
     * monitoring. Any thread.
     */
    public long backlog() {
        return Math.max(0, ring.getCursor() - processed.getAcquire());
    }

    /** The consumer's processing time of each TIMER event (the slice decisions), for one monitoring thread. */
    public LatencySamples decisionLatency() {
        return decisionLatency;
    }

    /** Events still in the ring when {@link #close()} gave up draining it (0 when it drained everything). */
    public long droppedAtClose() {
        return droppedAtClose;
    }

    /** Why the engine failed closed, or null. */
    public Throwable failure() {
        return failure.get();
    }

    /**
     * The core, for the consumer thread (e.g. a sink reading {@link SlicerCore#now()}) and for inspection after
     * {@link #flush()} or {@link #close()}. Calling its mutators from another thread breaks the engine.
     */
    public SlicerCore core() {
        return core;
    }

    /**
     * Processes what is already in the ring, then stops the consumer thread. Drains for as long as the consumer keeps
     * making progress; only when it makes none for {@link Builder#drainTimeout} (a sink or journal stuck) does it
     * stop the consumer anyway, and then it says what it dropped: {@link #droppedAtClose()} holds the count and the
     * call throws {@link IllegalStateException} naming the ring sequences left unprocessed.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        final long target = ring.getCursor();
        long last = ring.getMinimumGatingSequence();
        // The wall clock here only bounds how long close() waits for a stuck consumer; no event carries it.
        long progressAt = System.nanoTime();
        while (last < target) {
            LockSupport.parkNanos(100_000);
            final long now = ring.getMinimumGatingSequence();
            if (now != last) {
                last = now;
                progressAt = System.nanoTime();
            } else if (System.nanoTime() - progressAt > drainNanos) {
                break;
            }
        }
        disruptor.halt();
        final long left = target - ring.getMinimumGatingSequence();
        if (left > 0) {
            droppedAtClose = left;
            throw new IllegalStateException("engine closed with " + left + " event(s) unprocessed (ring sequences "
                    + (target - left + 1) + ".." + target + "): the consumer made no progress for "
                    + drainNanos / 1_000_000 + " ms");
        }
    }

    private final class FailClosed implements ExceptionHandler<EngineEvent> {
        @Override
        public void handleEventException(final Throwable ex, final long sequence, final EngineEvent event) {
            failure.compareAndSet(null, new IllegalStateException("engine failed closed processing ring sequence "
                    + sequence + ": " + event, ex));
            try {
                core.failClosed();
            } catch (final RuntimeException nested) {
                ex.addSuppressed(nested);
            }
        }

        @Override
        public void handleOnStartException(final Throwable ex) {
            failure.compareAndSet(null, ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex) {
            failure.compareAndSet(null, ex);
        }
    }

    /** Builds an engine; every setting has a default except the strategies. */
    public static final class Builder {
        private final EngineConfig.Builder config = EngineConfig.builder();
        private final List<java.util.function.Function<EngineConfig, RegisteredStrategy>> strategies =
                new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private ChildOrderSink sink = ChildOrderSink.NONE;
        private EngineJournal journal = EngineJournal.NONE;
        private ModelTrust modelTrust = ModelTrust.live();
        private StrategyRegistry registry;
        private int ringSize = 1 << 16;
        private WaitStrategy waitStrategy = new BlockingWaitStrategy();
        private String threadName = "slicer-engine";
        private long drainNanos = 10_000_000_000L;
        private boolean singlePublisher;
        private SlicerCore prepared;
        private boolean preparedTaken;
        private boolean engineSetUp;
        private boolean shadowSet;
        private ModelApprovals approvals;

        /** Sizing, risk limits, kill-switch thresholds, impact model: see {@link EngineConfig.Builder}. */
        public Builder config(final java.util.function.Consumer<EngineConfig.Builder> settings) {
            settingUp("config");
            settings.accept(config);
            return this;
        }

        /**
         * Registers a strategy under {@code name}; orders refer to it by {@link SlicerEngine#strategyIndex(String)}. A
         * learned policy ({@link PolicyStrategy#factory}) joins as {@link RegisteredStrategy#of} says: its features
         * must be the engine's, its card must give their training domain (the kill switch halts an order whose
         * features leave it by more than the configured number of standard deviations, default 3), and its kernel is
         * warmed up here. A learned tactic chooser ({@code SPEC/learned:DIR}, {@link StrategyFactory#tacticChooser})
         * picks each slice's child's tactic in the engine, through its own copy; under {@link #approvals} it needs
         * an approval of its own, as a policy model does.
         */
        public Builder strategy(final String name, final StrategyFactory factory) {
            if (approvals != null) {
                // A policy model and a learned tactic chooser trade under the same approval rules: each by identity.
                if (factory.modelIdentity() != null) {
                    approvals.requireLive(name, factory.modelIdentity());
                }
                if (factory.tacticChooser() != null) {
                    approvals.requireLive(name + " (tactic " + factory.tacticChooser().spec() + ")",
                            factory.tacticChooser().model().identity());
                }
            }
            return register(name, config -> RegisteredStrategy.of(name, factory, config.domainSigmas()));
        }

        /**
         * Live mode with approvals: every learned model registered to trade after this call ({@link #strategy},
         * {@link #model}, {@link #modelFile}) must have its identity approved in {@code approved}, else it is refused
         * with one line naming its identity. A {@link #shadow} needs no approval: it sends nothing.
         */
        public Builder approvals(final ModelApprovals approved) {
            this.approvals = Objects.requireNonNull(approved, "approvals");
            return this;
        }

        /** Registers {@code spec} ({@code twap}, {@code pov:0.1}, {@code dqn:DIR}, ...) resolved by {@link #registry}. */
        public Builder strategy(final String spec) {
            final StrategyRegistry strategies = registry != null ? registry : StrategyRegistry.standard(modelTrust);
            return strategy(spec, strategies.factory(spec));
        }

        /**
         * What a model loaded by {@link #modelFile} or a {@code dqn:DIR}/{@code iql:DIR} spec must satisfy (default
         * {@link ModelTrust#live()}: sealed with a trusted key; a broken seal is refused whatever the trust).
         */
        public Builder modelTrust(final ModelTrust trust) {
            this.modelTrust = Objects.requireNonNull(trust, "modelTrust");
            return this;
        }

        /**
         * The registry {@link #strategy(String)} resolves specs with (default {@link StrategyRegistry#standard(
         * ModelTrust)} with {@link #modelTrust}).
         */
        public Builder registry(final StrategyRegistry strategies) {
            this.registry = Objects.requireNonNull(strategies, "registry");
            return this;
        }

        /**
         * Runs {@code factory} in shadow under {@code name}: registered like any strategy (last so far), it decides
         * every slice of every order beside the order's own strategy, from the same features, and is journaled; it
         * sends nothing, and a shadow that throws or returns NaN never touches the live order. Its training domain is
         * not screened (a shadow has no order to halt). One shadow per engine.
         */
        public Builder shadow(final String name, final StrategyFactory factory) {
            if (shadowSet) {
                throw new IllegalArgumentException("one shadow strategy per engine; '" + name + "' would be a second");
            }
            shadowSet = true;
            final int index = names.size();
            register(name, c -> {
                factory.warmUp();
                return RegisteredStrategy.schedule(name, factory);
            });
            config.shadowStrategy(index);
            return this;
        }

        /** {@link #shadow(String, StrategyFactory)} for {@code spec}, resolved by {@link #registry}. */
        public Builder shadow(final String spec) {
            final StrategyRegistry strategies = registry != null ? registry : StrategyRegistry.standard(modelTrust);
            return shadow(spec, strategies.factory(spec));
        }

        /** Registers a strategy exactly as given (its training domain too). */
        public Builder register(final RegisteredStrategy strategy) {
            return register(strategy.name(), config -> strategy);
        }

        /** Registers a learned model (DQN or IQL); a model whose feature schema is not the engine's is refused here. */
        public Builder model(final String name, final PolicyModel model) {
            return strategy(name, PolicyStrategy.factory(name, model));
        }

        /**
         * Loads a model directory ({@code model.safetensors} + {@code model.json}) and registers it as
         * {@link #model(String, PolicyModel)} does; a corrupt, mismatched or wrong-schema model is refused here.
         */
        public Builder modelFile(final String name, final java.nio.file.Path dir) {
            return model(name, PolicyModel.load(dir, modelTrust));
        }

        private Builder register(final String name,
                                 final java.util.function.Function<EngineConfig, RegisteredStrategy> registration) {
            settingUp("strategy '" + name + "'");
            if (names.contains(name)) {
                throw new IllegalArgumentException("strategy '" + name + "' registered twice");
            }
            strategies.add(registration);
            names.add(name);
            return this;
        }

        public Builder sink(final ChildOrderSink sink) {
            settingUp("sink");
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        public Builder journal(final EngineJournal journal) {
            settingUp("journal");
            this.journal = Objects.requireNonNull(journal, "journal");
            return this;
        }

        /** Ring slots, a power of two (default 65536). */
        public Builder ringSize(final int size) {
            if (size <= 0 || Integer.bitCount(size) != 1) {
                throw new IllegalArgumentException("ring size must be a power of two, got " + size);
            }
            this.ringSize = size;
            return this;
        }

        /**
         * How the consumer waits for events. Default: blocking (calm on shared machines). For latency use
         * {@code new BusySpinWaitStrategy()} with a core to spare, or {@code YieldingWaitStrategy}.
         */
        public Builder waitStrategy(final WaitStrategy waitStrategy) {
            this.waitStrategy = Objects.requireNonNull(waitStrategy, "waitStrategy");
            return this;
        }

        /**
         * Promise that exactly one thread publishes every event (halts included) for the engine's life: the ring then
         * uses the single-producer sequencer. Break the promise and events are lost or corrupted.
         */
        public Builder singlePublisher() {
            this.singlePublisher = true;
            return this;
        }

        /**
         * How long {@link SlicerEngine#close()} waits for a consumer that makes no progress before it gives up on the
         * events left in the ring and reports them (default 10 s).
         */
        public Builder drainTimeout(final java.time.Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("drain timeout must be positive, got " + timeout);
            }
            this.drainNanos = timeout.toNanos();
            return this;
        }

        public Builder threadName(final String name) {
            this.threadName = Objects.requireNonNull(name, "threadName");
            return this;
        }

        /**
         * Runs {@code core} on the ring instead of building one: a core prepared before the ring starts, e.g. one a
         * journal recovery has brought to the state a crash left (replayed inputs, input sequence, children sent), so
         * the consumer thread carries on from there. The core brings its own configuration, strategies, sink and
         * journal, so this builder refuses {@link #config}, strategies, {@link #sink} and {@link #journal} alongside
         * it; the ring settings (size, wait strategy, publishers, thread name) still apply. The thread that prepared
         * the core hands it over at {@link #build()} and must not touch it afterwards.
         */
        public Builder core(final SlicerCore core) {
            if (engineSetUp) {
                throw new IllegalStateException("a prepared core brings its own configuration, strategies, sink and "
                        + "journal: this builder was already given some");
            }
            this.prepared = Objects.requireNonNull(core, "core");
            return this;
        }

        private void settingUp(final String what) {
            if (prepared != null) {
                throw new IllegalStateException("this builder runs a prepared core, which brings its own " + what
                        + ": set it up when building the core");
            }
            engineSetUp = true;
        }

        /**
         * Starts the engine. A builder holding a prepared {@link #core} builds once: a second engine would run the
         * same core on a second consumer thread.
         */
        public SlicerEngine build() {
            if (prepared != null && preparedTaken) {
                throw new IllegalStateException("this builder's prepared core already runs on an engine; a core has one "
                        + "consumer thread: prepare another core for another engine");
            }
            preparedTaken = prepared != null;
            return new SlicerEngine(this);
        }
    }
}
