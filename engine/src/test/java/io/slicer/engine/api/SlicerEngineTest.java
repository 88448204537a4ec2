package io.slicer.engine.api;

import io.slicer.engine.core.EngineConfig;
import io.slicer.engine.core.SlicerCore;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.TradingState;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.Twap;
import io.slicer.engine.testing.DemoModels;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.ModelFormatException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlicerEngineTest {
    private static final long SECOND = 1_000_000_000L;

    private static final class Sink implements ChildOrderSink {
        final List<Long> children = Collections.synchronizedList(new ArrayList<>());
        final List<Long> cancels = Collections.synchronizedList(new ArrayList<>());
        volatile boolean explode;

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            if (explode) {
                throw new IllegalStateException("OMS gateway down");
            }
            children.add(childId);
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
            cancels.add(childId);
        }
    }

    private static SlicerEngine engine(final Sink sink) {
        return SlicerEngine.builder()
                .strategy("twap", scenario -> new Twap(scenario.slices()))
                .sink(sink)
                .build();
    }

    @Test
    void anOperatorThreadHaltsAnOrderThroughTheRingAndNoChildLeavesAfterwards() throws Exception {
        final Sink sink = new Sink();
        try (SlicerEngine engine = engine(sink)) {
            engine.quote(0, 0, 99.99, 100.01, 100, 100);
            engine.newOrder(0, NewOrder.of(1, 0, Side.BUY, 100_000, SECOND, 11 * SECOND, 10,
                    engine.strategyIndex("twap"), 0.05, 100_000));
            engine.timer(SECOND);
            engine.flush();
            assertEquals(1, sink.children.size());
            final Thread operator = new Thread(() -> engine.halt(SECOND + 1, HaltScope.ORDER, 1));
            operator.start();
            operator.join();
            for (long s = 2; s <= 12; s++) {
                engine.quote(s * SECOND, 0, 99.99, 100.01, 100, 100);
                engine.timer(s * SECOND);
            }
            engine.flush();
            final OrderProgress p = new OrderProgress();
            assertTrue(engine.progress(1, p));
            assertEquals(OrderStatus.HALTED, p.status());
            assertEquals(HaltReason.OPERATOR, p.haltReason());
            assertEquals(1, sink.children.size(), "no child after the halt");
            assertEquals(sink.children, sink.cancels, "the working child was cancelled");
        }
    }

    @Test
    void aHaltIsAcknowledgedOnlyOnceTheConsumerProcessedItAndTheJournalSawItFirst() throws Exception {
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final List<String> journaled = Collections.synchronizedList(new ArrayList<>());
        final EngineJournal slowJournal = new EngineJournal() {
            @Override
            public void onInput(final long sequence, final EngineEvent event) {
                if (event.isControl()) {
                    try {
                        release.await();
                    } catch (final InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    journaled.add(event.type() + " " + event.role() + " " + event.reason());
                }
            }
        };
        try (SlicerEngine engine = SlicerEngine.builder()
                .strategy("twap", scenario -> new Twap(scenario.slices()))
                .journal(slowJournal)
                .build()) {
            engine.quote(0, 0, 99.99, 100.01, 100, 100);
            engine.newOrder(0, NewOrder.of(1, 0, Side.BUY, 100_000, SECOND, 11 * SECOND, 10, 0, 0.05, 100_000));
            final ControlAck ack = engine.halt(SECOND, HaltScope.ORDER, 1,
                    io.slicer.engine.risk.OperatorRole.TRADER, io.slicer.engine.risk.ControlReason.CLIENT_REQUEST);
            assertEquals(false, ack.await(java.time.Duration.ofMillis(50)), "journal still writing: no ack");
            assertEquals(List.of(), journaled);
            release.countDown();
            assertTrue(ack.await(java.time.Duration.ofSeconds(30)));
            assertEquals(List.of("HALT TRADER CLIENT_REQUEST"), journaled);
            final OrderProgress p = new OrderProgress();
            assertTrue(engine.progress(1, p));
            assertEquals(OrderStatus.HALTED, p.status(), "acknowledged means processed");
            assertEquals(HaltReason.OPERATOR, p.haltReason());
        }
    }

    @Test
    void closeDrainsTheRingOrSaysHowManyEventsItDropped() throws Exception {
        final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        final EngineJournal stuck = new EngineJournal() {
            @Override
            public void onInput(final long sequence, final EngineEvent event) {
                if (sequence == 2) {
                    try {
                        release.await();
                    } catch (final InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        final SlicerEngine engine = SlicerEngine.builder()
                .strategy("twap", scenario -> new Twap(scenario.slices()))
                .journal(stuck)
                .drainTimeout(java.time.Duration.ofMillis(200))
                .build();
        engine.quote(0, 0, 99.99, 100.01, 100, 100);
        engine.quote(1, 0, 99.99, 100.01, 100, 100);
        engine.flush();
        for (int i = 2; i < 5; i++) {
            engine.quote(i, 0, 99.99, 100.01, 100, 100);
        }
        final IllegalStateException e = assertThrows(IllegalStateException.class, engine::close);
        release.countDown();
        assertEquals(3, engine.droppedAtClose(), e.getMessage());
        assertTrue(e.getMessage().contains("3 event(s) unprocessed (ring sequences 2..4)"), e.getMessage());

        try (SlicerEngine drained = engine(new Sink())) {
            for (int i = 0; i < 1_000; i++) {
                drained.quote(i, 0, 99.99, 100.01, 100, 100);
            }
            drained.close();
            assertEquals(0, drained.droppedAtClose());
            assertEquals(1_000, drained.core().sequence(), "every event processed before close returned");
        }
    }

    @Test
    void aSinkThatThrowsMakesTheEngineFailClosed() {
        final Sink sink = new Sink();
        try (SlicerEngine engine = engine(sink)) {
            sink.explode = true;
            engine.quote(0, 0, 99.99, 100.01, 100, 100);
            engine.newOrder(0, NewOrder.of(1, 0, Side.BUY, 100_000, SECOND, 11 * SECOND, 10, 0, 0.05, 100_000));
            engine.timer(SECOND);
            engine.flush();
            sink.explode = false;
            for (long s = 2; s <= 12; s++) {
                engine.quote(s * SECOND, 0, 99.99, 100.01, 100, 100);
                engine.timer(s * SECOND);
            }
            engine.flush();
            assertNotNull(engine.failure());
            assertTrue(engine.failure().getMessage().contains("failed closed"), engine.failure().getMessage());
            assertEquals(TradingState.HALTED, engine.core().killSwitchState(HaltScope.ALL, 0).state());
            assertEquals(HaltReason.ENGINE_FAULT, engine.core().killSwitchState(HaltScope.ALL, 0).reason());
            assertEquals(0, sink.children.size());
        }
    }

    @Test
    void aModelWhoseFeatureSchemaDiffersIsRefusedAtBuildTime() {
        final PolicyModel good = DemoModels.randomDqn(1);
        final List<FeatureSpec> renamed = new ArrayList<>(good.card().features());
        renamed.set(5, new FeatureSpec("spread_ticks", 0f, 1f));
        final ModelCard card = good.card();
        final List<FeatureDomain> domain = new ArrayList<>(card.trainingDomain());
        final FeatureDomain d = domain.get(5);
        domain.set(5, new FeatureDomain("spread_ticks", d.min(), d.max(), d.mean(), d.std()));
        final PolicyModel bad = PolicyModel.of(new ModelCard(card.featureSchemaId(), renamed, card.actionSpace(),
                List.of(), card.provenance(), null, domain), good.layers());
        final SlicerEngine.Builder builder = SlicerEngine.builder();
        final ModelFormatException e = assertThrows(ModelFormatException.class, () -> builder.model("bad", bad));
        assertTrue(e.getMessage().contains("spread_ticks") || e.getMessage().contains("spread_bps"), e.getMessage());
        builder.model("good", good);
        assertEquals(ExecutionFeatures.COUNT, good.inputWidth());
    }

    @Test
    void aSavedModelLoadsFromItsDirectoryAndTrades(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir) {
        DemoModels.randomDqn(3).save(dir.resolve("unsealed"));
        final IllegalArgumentException unsealed = assertThrows(IllegalArgumentException.class,
                () -> SlicerEngine.builder().modelFile("dqn", dir.resolve("unsealed")));
        assertTrue(unsealed.getMessage().contains("model is not sealed"), unsealed.getMessage());
        DemoModels.randomDqn(3).save(dir, io.slicer.policy.seal.ModelKeys.signingKey(
                io.slicer.policy.seal.ModelKeys.directory(), notice -> { }));
        final Sink sink = new Sink();
        try (SlicerEngine engine = SlicerEngine.builder().modelFile("dqn", dir).sink(sink).build()) {
            engine.quote(0, 0, 99.99, 100.01, 100, 100);
            engine.newOrder(0, NewOrder.of(1, 0, Side.BUY, 100_000, SECOND, 11 * SECOND, 10,
                    engine.strategyIndex("dqn"), 0.05, 100_000));
            for (long s = 1; s <= 12; s++) {
                engine.quote(s * SECOND, 0, 99.99, 100.01, 100, 100);
                engine.trade(s * SECOND, 0, 100.0, 10_000, 0);
                engine.timer(s * SECOND);
            }
            engine.flush();
            assertTrue(engine.core().decisions() >= 10, "one decision per slice: " + engine.core().decisions());
            assertEquals(null, engine.failure());
        }
    }

    @Test
    void anUnknownStrategyNameListsTheRegisteredOnes() {
        try (SlicerEngine engine = engine(new Sink())) {
            final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> engine.strategyIndex("vwap"));
            assertTrue(e.getMessage().contains("[twap]"), e.getMessage());
        }
    }

    private static SlicerCore twapCore(final ChildOrderSink sink) {
        return new SlicerCore(EngineConfig.builder().build(),
                List.of(RegisteredStrategy.schedule("twap", scenario -> new Twap(scenario.slices()))), sink,
                EngineJournal.NONE);
    }

    /** One order's day: quotes, prints and timers from second {@code from} to 12, the order at second 0. */
    private static void publishDay(final SlicerEngine engine, final long from) {
        for (long s = from; s <= 12; s++) {
            engine.quote(s * SECOND, 0, 99.99, 100.01, 100, 100);
            if (s == 0) {
                engine.newOrder(0, NewOrder.of(1, 0, Side.BUY, 100_000, SECOND, 11 * SECOND, 10, 0, 0.05,
                        100_000));
            }
            engine.trade(s * SECOND, 0, 100.0, 10_000, 0);
            engine.timer(s * SECOND);
        }
    }

    @Test
    void aPreparedCoreContinuesOnTheRingFromItsStateAndInputSequence() {
        final Sink uninterrupted = new Sink();
        final long inputs;
        try (SlicerEngine engine = engine(uninterrupted)) {
            publishDay(engine, 0);
            engine.flush();
            inputs = engine.core().sequence();
        }

        // A core handed to the builder fresh trades as the core the builder makes.
        final Sink sink = new Sink();
        try (SlicerEngine first = SlicerEngine.builder().core(twapCore(sink)).build()) {
            publishDay(first, 0);
            first.flush();
        }
        // The first six seconds go straight into a core, as a journal recovery replays them; the ring carries on.
        final Sink prepared = new Sink();
        final SlicerCore replayed = twapCore(prepared);
        final EngineEvent e = new EngineEvent();
        for (long s = 0; s <= 5; s++) {
            replayed.onEvent(e.quote(s * SECOND, 0, 99.99, 100.01, 100, 100));
            if (s == 0) {
                replayed.onEvent(e.newOrder(0, 1, 0, Side.BUY, 100_000, SECOND, 11 * SECOND, 10, 0, Double.NaN,
                        Double.NaN, Double.NaN, 0.05, 100_000));
            }
            replayed.onEvent(e.trade(s * SECOND, 0, 100.0, 10_000, 0));
            replayed.onEvent(e.timer(s * SECOND));
        }
        final long replayedInputs = replayed.sequence();
        final int replayedChildren = prepared.children.size();
        try (SlicerEngine engine = SlicerEngine.builder().core(replayed).ringSize(64).build()) {
            assertEquals(0, engine.strategyIndex("twap"), "strategies come from the prepared core");
            publishDay(engine, 6);
            engine.flush();
            assertSame(replayed, engine.core(), "the ring runs the prepared core");
            assertEquals(inputs, replayed.sequence(), "input sequence continued from " + replayedInputs);
        }
        assertTrue(replayedChildren > 0 && prepared.children.size() > replayedChildren,
                replayedChildren + " then " + prepared.children.size());
        assertEquals(uninterrupted.children, prepared.children);
        assertEquals(uninterrupted.children, sink.children);
    }

    @Test
    void aBuilderRunningAPreparedCoreRefusesEngineSetUpAndViceVersa() {
        final SlicerCore core = twapCore(ChildOrderSink.NONE);
        final IllegalStateException sink = assertThrows(IllegalStateException.class,
                () -> SlicerEngine.builder().core(core).sink(new Sink()));
        assertTrue(sink.getMessage().contains("prepared core, which brings its own sink"), sink.getMessage());
        final IllegalStateException strategy = assertThrows(IllegalStateException.class,
                () -> SlicerEngine.builder().core(core).strategy("vwap", scenario -> new Twap(scenario.slices())));
        assertTrue(strategy.getMessage().contains("its own strategy 'vwap'"), strategy.getMessage());
        final IllegalStateException late = assertThrows(IllegalStateException.class,
                () -> SlicerEngine.builder().config(c -> c.maxOrders(8)).core(core));
        assertTrue(late.getMessage().contains("already given some"), late.getMessage());
    }

    @Test
    void aPreparedCoreRunsOnOneEngineOnly() {
        final SlicerEngine.Builder builder = SlicerEngine.builder().core(twapCore(ChildOrderSink.NONE));
        try (SlicerEngine first = builder.build()) {
            final IllegalStateException second = assertThrows(IllegalStateException.class, builder::build);
            assertTrue(second.getMessage().contains("already runs on an engine"), second.getMessage());
            assertTrue(first.core() != null);
        }
    }
}
