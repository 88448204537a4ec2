package io.slicer.engine.core;

import io.slicer.engine.order.TacticChooser;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.strategy.RegisteredStrategy;

import java.util.List;

/**
 * The parts of one {@link SlicerCore} that its event handlers share, built once in dependency order: the
 * configuration and registered strategies, the {@link Outbox} (and the clock and throttle it owns), the market, the
 * order and child books, the order lifecycle, the {@link KillSwitch} and the
 * {@link ShadowCall}. A handler takes the context, as an Aeron
 * component takes its {@code Context}, and keeps in final fields the parts it uses.
 *
 * <p>Built on the thread that builds the core; used by the engine thread only.
 */
final class CoreContext {
    final EngineConfig config;
    final RegisteredStrategy[] strategies;
    /** Each strategy's own copy of its learned tactic chooser (an inference context is single-threaded); null: fixed. */
    final TacticChooser[] choosers;
    final MessageThrottle throttle;
    final Outbox outbox;
    final MarketState market;
    final OrderBook book;
    final ChildBook children;
    final OrderLifecycle lifecycle;
    final KillSwitch killSwitch;
    final TwapBenchmark benchmark;
    final ShadowCall shadow;
    final AbAllocation ab;

    CoreContext(final EngineConfig config, final List<RegisteredStrategy> strategies, final ChildOrderSink venue,
                final EngineJournal journal) {
        if (strategies.isEmpty()) {
            throw new IllegalArgumentException("the engine needs at least one registered strategy");
        }
        this.config = config;
        this.strategies = strategies.toArray(new RegisteredStrategy[0]);
        this.choosers = new TacticChooser[this.strategies.length];
        for (int i = 0; i < choosers.length; i++) {
            final TacticChooser chooser = this.strategies[i].factory().tacticChooser();
            choosers[i] = chooser == null ? null : chooser.copy();
        }
        this.throttle = new MessageThrottle(config.throttleMessages, config.throttleWindowNanos);
        this.outbox = new Outbox(venue, journal, new EngineClock(), throttle);
        this.market = new MarketState(config);
        this.book = new OrderBook(config);
        this.children = new ChildBook(config);
        this.lifecycle = new OrderLifecycle(outbox, market, book);
        this.killSwitch = new KillSwitch(config, outbox, book, lifecycle);
        this.benchmark = new TwapBenchmark(config);
        this.shadow = new ShadowCall(this);
        this.ab = new AbAllocation(config.abSeed, config.abWeights);
        if (config.abWeights != null && (config.abWeights.length > this.strategies.length
                || (config.shadowStrategy >= 0 && config.shadowStrategy < config.abWeights.length))) {
            throw new IllegalArgumentException("an A/B test's " + config.abWeights.length + " arms are the first "
                    + "registered strategies (" + this.strategies.length + " registered), and the shadow ("
                    + config.shadowStrategy + ") is none of them");
        }
    }
}
