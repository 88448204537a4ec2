package io.slicer.tools.example;

import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.port.EngineJournal;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.engine.testing.DemoModels;
import io.slicer.tools.sim.MarketParams;
import io.slicer.tools.sim.presets.LiquidStock;

/**
 * A small fake OMS: it embeds the engine, hands it a 500,000-share parent order (the {@code liquid-stock} scenario:
 * a $100 large cap, 26 fifteen-minute slices), streams a simulated day of quotes and trades, ticks a timer every
 * second, and lets a simulated venue fill the child orders on the simulator's impact model. Prints progress every
 * slice. Run, after {@code mvn -q -B -DskipTests package -pl tools -am}: {@code java @jvm.options -cp
 * "tools/target/test-classes:engine/target/test-classes:tools/target/slicer-tools.jar:tools/target/lib/*"
 * io.slicer.tools.example.FakeOmsExample [twap|vwap|pov|ac|dqn-demo]}. With {@code pov} the IS kill switch halts the
 * order at its first check (README, "Using the engine from an OMS"): this venue fills a child at once on the whole
 * slice's impact curve, and POV's one child per slice walks it to its marketable limit.
 */
public final class FakeOmsExample {
    private static final long SECOND = 1_000_000_000L;
    private static final int SECONDS_PER_SLICE = 900;
    private static final int SYMBOL = 0;
    private static final long ORDER_ID = 1;

    private FakeOmsExample() {
    }

    public static void main(final String[] args) {
        final String strategy = args.length > 0 ? args[0] : "twap";
        final OrderProgress progress = run(strategy, 1, true);
        System.out.println("final: " + progress);
    }

    /** Runs the day with {@code strategy}; returns the order's final progress. */
    public static OrderProgress run(final String strategy, final long seed, final boolean print) {
        return run(strategy, seed, print, io.slicer.engine.port.EngineJournal.NONE);
    }

    /** As {@link #run(String, long, boolean)}, journaling into {@code journal}. */
    public static OrderProgress run(final String strategy, final long seed, final boolean print,
                                    final io.slicer.engine.port.EngineJournal journal) {
        final MarketParams params = LiquidStock.params();
        final SimulatedMarket market = new SimulatedMarket(params, seed, SECONDS_PER_SLICE);
        final SimulatedVenue venue = new SimulatedVenue();
        final OrderProgress progress = new OrderProgress();
        try (SlicerEngine engine = SlicerEngine.builder()
                .strategy("twap")
                .strategy("vwap")
                .strategy("pov")
                .strategy("ac", StrategyRegistry.standard().factory("ac:1e-6", 0))
                .model("dqn-demo", DemoModels.randomDqn(seed))
                .config(c -> c
                        .impact(params.eta(), params.gamma(), params.sliceLength())
                        .participationCap(0.25)
                        .marketableOffsetBps(10)
                        .maxChild(250_000)
                        .staleAfterNanos(10 * SECOND))
                .sink(venue)
                .journal(journal)
                .build()) {
            long t = 0;
            engine.quote(t, SYMBOL, market.bid(), market.ask(), 1_000, 1_000);
            final double expectedPerSlice = params.expectedTotalVolume() / params.slices();
            engine.newOrder(t, NewOrder.of(ORDER_ID, SYMBOL, Side.BUY, LiquidStock.SHARES, 0,
                    (long) params.slices() * SECONDS_PER_SLICE * SECOND, params.slices(),
                    engine.strategyIndex(strategy), params.sigmaPerSlice(), expectedPerSlice));
            while (market.step()) {
                t = market.second() * SECOND;
                engine.quote(t, SYMBOL, market.bid(), market.ask(), 1_000, 1_000);
                engine.trade(t, SYMBOL, market.mid(), market.tradedThisSecond(), 0);
                engine.timer(t);
                engine.flush();
                venue.answer(engine, market, t);
                engine.flush();
                if (print && market.second() % SECONDS_PER_SLICE == 0 && engine.progress(ORDER_ID, progress)) {
                    System.out.println("t=" + market.second() / 60 + "min " + progress);
                }
            }
            t += SECOND;
            engine.timer(t);
            engine.flush();
            venue.answer(engine, market, t);
            engine.flush();
            engine.progress(ORDER_ID, progress);
            if (engine.failure() != null) {
                throw new IllegalStateException("engine failed", engine.failure());
            }
            engine.halt(t, HaltScope.ALL, 0);
        }
        return progress;
    }
}
