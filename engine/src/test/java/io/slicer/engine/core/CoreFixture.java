package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.strategy.RegisteredStrategy;

import java.util.List;
import java.util.function.Consumer;

/**
 * A core with a recording sink and journal, and one-line helpers to feed it: the scaffolding of the kill-switch and
 * pre-trade tests. Symbol 0 quotes 99.99 / 100.01 unless a test moves it.
 */
final class CoreFixture {
    static final long SECOND = 1_000_000_000L;

    final RecordingSink sink = new RecordingSink();
    final RecordingJournal journal = new RecordingJournal();
    final SlicerCore core;
    private final EngineEvent e = new EngineEvent();
    private long execId = 1;
    private int filledUpTo;

    CoreFixture(final Consumer<EngineConfig.Builder> settings, final List<RegisteredStrategy> strategies) {
        final EngineConfig.Builder b = EngineConfig.builder();
        settings.accept(b);
        journal.sink = sink;
        core = new SlicerCore(b.build(), strategies, sink, journal);
    }

    CoreFixture(final Consumer<EngineConfig.Builder> settings) {
        this(settings, SlicerCoreDeterminismTest.strategies());
    }

    CoreFixture quote(final long t, final double bid, final double ask) {
        core.onEvent(e.quote(t, 0, bid, ask, 500, 500));
        return this;
    }

    CoreFixture trade(final long t, final double price, final long size) {
        core.onEvent(e.trade(t, 0, price, size, 0));
        return this;
    }

    /** A parent order of {@code slices} ten-second slices from t = 10 s. */
    CoreFixture order(final long id, final Side side, final long qty, final int slices, final int strategy,
                      final double limit) {
        core.onEvent(e.newOrder(0, id, 0, side, qty, 10 * SECOND, (10 + 10L * slices) * SECOND, slices, strategy,
                limit, Double.NaN, Double.NaN, 0.05, 100_000));
        return this;
    }

    CoreFixture order(final long id, final long qty, final int slices) {
        return order(id, Side.BUY, qty, slices, 0, Double.NaN);
    }

    CoreFixture timer(final long t) {
        core.onEvent(e.timer(t));
        return this;
    }

    /** Quote and timer at second {@code s}. */
    CoreFixture tick(final long s) {
        quote(s * SECOND, 99.99, 100.01);
        return timer(s * SECOND);
    }

    CoreFixture fillAll(final long t, final double price) {
        while (filledUpTo < sink.children.size()) {
            final RecordingSink.Child c = sink.children.get(filledUpTo++);
            core.onEvent(e.childAck(t, c.parentId(), c.childId()));
            core.onEvent(e.fill(t, c.parentId(), c.childId(), execId++, c.quantity(), price));
        }
        return this;
    }

    CoreFixture fill(final long t, final RecordingSink.Child c, final long qty, final double price) {
        core.onEvent(e.fill(t, c.parentId(), c.childId(), execId++, qty, price));
        return this;
    }

    CoreFixture control(final EventType type, final long t, final HaltScope scope, final long id) {
        core.onEvent(e.control(type, t, scope, id));
        return this;
    }

    OrderProgress progress(final long id) {
        final OrderProgress p = new OrderProgress();
        if (!core.progress(id, p)) {
            throw new AssertionError("no progress for order " + id);
        }
        return p;
    }

    RecordingJournal.DecisionRecordCopy lastDecision() {
        return journal.decisions.get(journal.decisions.size() - 1);
    }
}
