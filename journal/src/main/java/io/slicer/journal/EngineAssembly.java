package io.slicer.journal;

import io.slicer.engine.core.EngineConfig;
import io.slicer.engine.core.SlicerCore;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.port.ShadowRecord;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.TradingState;
import io.slicer.engine.strategy.RegisteredStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@link SlicerCore} built from a journal SESSION (configuration and strategies), whose journal hook and child
 * sink can be re-pointed: a recovery first replays the journal into a capture and a recording sink, then points both
 * at the live journal and the OMS without rebuilding the core.
 */
public final class EngineAssembly {
    private final SlicerCore core;
    private final SessionRecord session;
    private final SwitchableJournal journal = new SwitchableJournal();
    private final SwitchableSink sink = new SwitchableSink();

    public EngineAssembly(final SessionRecord session, final ModelArchive archive) {
        this.session = session;
        final EngineConfig config = EngineSettings.parse(session.config()).toConfig();
        final List<RegisteredStrategy> strategies = new ArrayList<>();
        for (final String spec : session.strategies()) {
            strategies.add(StrategySpecs.resolve(spec, archive, config.domainSigmas()));
        }
        this.core = new SlicerCore(config, strategies, sink, journal);
    }

    public SlicerCore core() {
        return core;
    }

    public SessionRecord session() {
        return session;
    }

    public void journalTo(final EngineJournal target) {
        journal.target = target;
    }

    public void sendTo(final ChildOrderSink target) {
        sink.target = target;
    }

    private static final class SwitchableJournal implements EngineJournal {
        EngineJournal target = EngineJournal.NONE;

        @Override
        public void onInput(final long sequence, final EngineEvent event) {
            target.onInput(sequence, event);
        }

        @Override
        public void onDecision(final DecisionRecord record) {
            target.onDecision(record);
        }

        @Override
        public void onShadowDecision(final ShadowRecord record) {
            target.onShadowDecision(record);
        }

        @Override
        public void onTransition(final long sequence, final long timestamp, final HaltScope scope, final long id,
                                 final TradingState state, final boolean twapFallback, final HaltReason reason,
                                 final double detail, final int detailIndex) {
            target.onTransition(sequence, timestamp, scope, id, state, twapFallback, reason, detail, detailIndex);
        }

        @Override
        public void onAnomaly(final long sequence, final long timestamp, final InputAnomaly anomaly,
                              final long orderId, final long childId) {
            target.onAnomaly(sequence, timestamp, anomaly, orderId, childId);
        }

        @Override
        public void onChildCancel(final long sequence, final long timestamp, final long orderId, final long childId,
                                  final int symbol, final double limitPrice, final long openQuantity,
                                  final CancelReason reason, final HaltReason haltReason) {
            target.onChildCancel(sequence, timestamp, orderId, childId, symbol, limitPrice, openQuantity, reason,
                    haltReason);
        }
    }

    private static final class SwitchableSink implements ChildOrderSink {
        ChildOrderSink target = ChildOrderSink.NONE;

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            target.onNewChild(childId, parentId, symbol, side, quantity, limitPrice);
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
            target.onCancelChild(childId, parentId);
        }

        @Override
        public void onParentStatus(final long parentId, final OrderStatus status) {
            target.onParentStatus(parentId, status);
        }
    }
}
