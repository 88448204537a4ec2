package io.slicer.tools.sim.historical;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.SliceVolatilityEstimator;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.order.TacticChooser;
import io.slicer.engine.order.TacticFeatures;
import io.slicer.engine.order.TradeFlow;
import io.slicer.tools.marketdata.BarSeries;
import io.slicer.tools.marketdata.lobster.LobsterFormat;
import io.slicer.tools.marketdata.lobster.LobsterTape;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.queue.PassiveFills;
import io.slicer.tools.sim.queue.QueueReplay;

/**
 * One parent order over a window of a real day's bars; the price model is in {@link HistoricalScenario}. The
 * context's order-flow imbalance is the last completed bar's (buyer- minus seller-initiated volume) / volume, 0 when
 * it had no trades or before the day's first bar. Its volatility estimate is the live engine's
 * {@link SliceVolatilityEstimator} at its default decay, started from the day's calibrated sigma per slice and fed the
 * mid (our permanent impact included) at each slice start, from the order's arrival on: what the engine would
 * estimate trading this window. Allocation-free after construction. One thread.
 */
final class HistoricalEpisode implements Episode {
    private final HistoricalScenario scenario;
    private final BarSeries bars;
    private final int slices;
    private final int sign;
    private final double eta;
    private final double gamma;
    private final double tau;
    private final HistoricalImpact impact;
    private final double meanBarVolume;
    private final DecisionContext context = new DecisionContext();
    private final SliceVolatilityEstimator volatility = new SliceVolatilityEstimator();
    private final EpisodeResult result;
    /** The day's queue for passive children; null for bars without messages. */
    private final QueueReplay queue;
    private final LobsterTape tape;
    private ChildTactic tactic = ChildTactic.CROSS;
    /** Picks each child's tactic when set ({@code SPEC/learned:DIR}); null: {@link #tactic} for every child. */
    private TacticChooser chooser;
    /** Training only: told every child's features and what each candidate tactic would have cost it. */
    private final TacticSampleSink sink;
    private final ChildTactic[] candidates;
    private final double[] candidateCosts;
    private final float[] sinkFeatures;
    private final long tickUnits;
    /** The day's buyer- and seller-initiated volume over the chooser's window: the engine's {@link TradeFlow}. */
    private final TradeFlow flow = new TradeFlow(TradeFlow.DEFAULT_CAPACITY);
    /** The last tape row {@link #flow} has seen this episode; -1 before any. */
    private int flowRow = -1;

    private int startBar;
    private int slice;
    private long executed;
    /** Expected volume of the bars from the current one to the end of the window. */
    private double remainingExpectedVolume;
    private boolean started;
    private boolean done;

    HistoricalEpisode(final HistoricalScenario scenario) {
        this(scenario, null, new ChildTactic[0]);
    }

    HistoricalEpisode(final HistoricalScenario scenario, final TacticSampleSink sink, final ChildTactic[] candidates) {
        this.scenario = scenario;
        this.sink = sink;
        this.candidates = candidates.clone();
        this.candidateCosts = new double[candidates.length];
        this.sinkFeatures = new float[TacticFeatures.ALL.width()];
        this.tickUnits = Math.max(1, Math.round(scenario.terms().instrument().tickSize() * LobsterFormat.PRICE_SCALE));
        this.bars = scenario.bars();
        this.slices = scenario.slices();
        this.sign = scenario.side().sign();
        this.eta = scenario.temporaryImpact();
        this.gamma = scenario.permanentImpact();
        this.tau = scenario.sliceLength();
        this.impact = scenario.params().impact();
        this.meanBarVolume = scenario.calibration().meanBarVolume();
        this.result = new EpisodeResult(slices, scenario.terms().instrument().multiplier());
        this.queue = scenario.newQueueReplay();
        this.tape = scenario.tape();
    }

    @Override
    public void tactic(final ChildTactic childTactic) {
        if (childTactic.passive() && queue == null) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "' cannot work tactic '"
                    + childTactic.spec() + "': its bars carry no messages to queue in (only LOBSTER days do); "
                    + "use cross here");
        }
        this.tactic = childTactic;
    }

    @Override
    public void tacticChooser(final TacticChooser childChooser) {
        if (childChooser != null && queue == null) {
            throw new IllegalArgumentException("scenario '" + scenario.name() + "' cannot work tactic '"
                    + childChooser.spec() + "': its bars carry no messages to queue in (only LOBSTER days do); "
                    + "use cross here");
        }
        this.chooser = childChooser;
    }

    @Override
    public Scenario scenario() {
        return scenario;
    }

    /** The seed is unused: the path is the recorded day. {@code episodeIndex} picks the start bar. */
    @Override
    public void reset(final long seed, final long episodeIndex) {
        startBar = scenario.startBar(episodeIndex);
        slice = 0;
        executed = 0;
        started = true;
        done = false;
        flow.clear();
        flowRow = -1;
        final double arrival = bars.midAtStart(startBar);
        context.beginOrder(scenario.side(), scenario.quantity(), arrival, slices, scenario.sigmaPerSlice());
        volatility.start(scenario.sigmaPerSlice()).onBoundary(arrival);
        context.market(arrival, bars.spreadAtStart(startBar), volatility.estimate());
        remainingExpectedVolume = 0;
        for (int k = 0; k < slices; k++) {
            remainingExpectedVolume += scenario.expectedVolume(startBar + k);
        }
        context.expectedSliceVolume(scenario.expectedVolume(startBar)).expectedRemainingVolume(remainingExpectedVolume)
                .participationLimit(scenario.participationCap());
        context.orderFlowImbalance(startBar > 0 ? imbalance(startBar - 1) : 0.0);
        result.begin(scenario.side(), scenario.quantity(), arrival, scenario.participationCap());
    }

    /** The bar this episode started at. */
    int startBar() {
        return startBar;
    }

    @Override
    public boolean done() {
        return !started || done;
    }

    @Override
    public DecisionContext context() {
        return context;
    }

    @Override
    public void step(final SliceDecision decision) {
        if (done()) {
            throw new IllegalStateException(scenario.name() + (started
                    ? ": step() after the episode ended (slice " + slice + " of " + slices + ", "
                    + context.remaining() + " shares left); call reset() first"
                    : ": step() before reset(seed, episodeIndex)"));
        }
        final int bar = startBar + slice;
        final long volume = bars.volume(bar);
        final long remaining = context.remaining();
        final long n = Episode.fillable(decision, volume, remaining, slice == slices - 1);
        final double unaffected = bars.midAtStart(bar);
        final double mid = unaffected + sign * gamma * executed;
        ChildTactic childTactic = tactic;
        if (n > 0 && (chooser != null || sink != null) && queue != null) {
            childTactic = chooseAndObserve(bar, n, volume, remaining, mid);
        }
        final double price;
        if (n > 0 && childTactic.passive()) {
            price = worked(bar, n, volume, childTactic, true) / n;
        } else {
            final double temporary = eta * n / tau * impact.scale(volume, meanBarVolume);
            price = mid + sign * (bars.spreadAtStart(bar) / 2 + temporary);
            result.recordTactic(0, -n * temporary, 0, 0);
        }
        result.record(n, price, mid, unaffected, volume, scenario.marketPrice(bar));
        executed += n;
        slice++;
        context.endSlice(n, volume, scenario.expectedVolume(bar));
        remainingExpectedVolume = Math.max(0.0, remainingExpectedVolume - scenario.expectedVolume(bar));
        context.expectedRemainingVolume(slice < slices ? remainingExpectedVolume : 0.0);
        context.orderFlowImbalance(imbalance(bar));
        final double nextUnaffected = bars.midAtEnd(bar);
        final double nextMid = nextUnaffected + sign * gamma * executed;
        volatility.onBoundary(nextMid);
        if (slice < slices && context.remaining() > 0) {
            final int next = bar + 1;
            context.market(nextMid, bars.spreadAtStart(next), volatility.estimate());
            context.expectedSliceVolume(scenario.expectedVolume(next));
        } else {
            // Finished: the last slice, or everything filled early (then the order stops, as in the simulator).
            done = true;
            context.market(nextMid, bars.spreadAtStart(Math.min(bar + 1, bars.size() - 1)), volatility.estimate());
            context.expectedSliceVolume(0);
            result.finish(nextMid);
        }
    }

    /**
     * Works {@code n} shares of bar {@code bar}'s slice with the passive tactic in the day's queue until the
     * tactic's deadline ({@link ChildTactic#DEADLINE_FRACTION} of the slice, as the engine does), crosses what it
     * left then, records how it worked and returns the slice's notional. Every price carries our own
     * permanent shift {@code gamma * executed} at the time of the fill.
     */
    private double worked(final int bar, final long n, final long volume, final ChildTactic childTactic,
                          final boolean record) {
        final long start = bars.startNanos(bar);
        // The engine's deadline: the child rests for the first 90% of its slice and the rest crosses inside it.
        final long deadline = start + (long) ((bars.endNanos(bar) - start) * ChildTactic.DEADLINE_FRACTION);
        final PassiveFills f = queue.work(sign, n, childTactic, start, deadline);
        final double shift = sign * gamma * executed;
        final double passiveNotional = f.notional() + f.shares() * shift;
        double capture = f.shares() > 0 ? sign * (f.shares() * (f.farTouchAtSubmission() + shift) - passiveNotional)
                : 0.0;
        final long leftover = f.leftover();
        double crossNotional = 0;
        if (leftover > 0) {
            final int row = f.crossRow();
            final boolean quoted = row >= 0 && tape.twoSided(row);
            final double crossMid = (quoted ? tape.mid(row) : bars.midAtEnd(bar))
                    + sign * gamma * (executed + f.shares());
            final double crossSpread = quoted ? tape.spread(row) : bars.spreadAtStart(bar);
            final double temporary = eta * leftover / tau * impact.scale(volume, meanBarVolume);
            crossNotional = leftover * (crossMid + sign * (crossSpread / 2 + temporary));
            capture -= leftover * temporary;
        }
        if (record) {
            result.recordTactic(f.shares(), capture, f.adverse(0), f.adverse(1));
        }
        return passiveNotional + crossNotional;
    }

    /**
     * The tactic for bar {@code bar}'s child of {@code n} shares, from the book the child is sent on (the last row
     * stamped before the slice starts) through {@link TacticFeatures}; when training, also replays every candidate
     * tactic on the same slice and tells the sink what each would have cost (bps of the slice's mid: the child's
     * shortfall against arrival less what the slice's start already owes, which is the same for every candidate).
     */
    private ChildTactic chooseAndObserve(final int bar, final long n, final long volume, final long remaining,
                                         final double mid) {
        final long start = bars.startNanos(bar);
        final int row = tape.firstAtOrAfter(start) - 1;
        if (row < 0 || !tape.twoSided(row)) {
            return ChildTactic.CROSS;
        }
        // The tape's executions up to the child's row, fed once each as the engine is fed its trades; rows before
        // the window are skipped (the window would drop them).
        for (int r = Math.max(flowRow + 1, tape.firstAtOrAfter(start - TacticFeatures.FLOW_WINDOW_NANOS)); r <= row;
             r++) {
            if (tape.type(r) == LobsterFormat.TYPE_VISIBLE_EXECUTION || tape.type(r) == LobsterFormat.TYPE_HIDDEN_EXECUTION) {
                // The direction is the resting order's: a sell order executed means a buyer crossed.
                flow.record(tape.time(r), tape.direction(r) < 0 ? 1 : -1, tape.size(r));
            }
        }
        flowRow = Math.max(flowRow, row);
        flow.window(start);
        final long buyVolume = flow.buyVolume();
        final long sellVolume = flow.sellVolume();
        final long bid = tape.bidTicks(row) / tickUnits;
        final long ask = tape.askTicks(row) / tickUnits;
        final double inventory = (double) remaining / scenario.quantity();
        if (sink != null) {
            TacticFeatures.ALL.compute(sign, bid, ask, tape.bidSize(row), tape.askSize(row), n, 1.0, inventory,
                    buyVolume, sellVolume, sinkFeatures);
            for (int a = 0; a < candidates.length; a++) {
                final double notional;
                if (candidates[a].passive()) {
                    notional = worked(bar, n, volume, candidates[a], false);
                } else {
                    final double temporary = eta * n / tau * impact.scale(volume, meanBarVolume);
                    notional = n * (mid + sign * (bars.spreadAtStart(bar) / 2 + temporary));
                }
                candidateCosts[a] = sign * (notional / n - mid) / mid * 1e4;
            }
            sink.child(sinkFeatures, candidateCosts);
        }
        if (chooser == null) {
            return tactic;
        }
        return chooser.choose(sign, bid, ask, tape.bidSize(row), tape.askSize(row), n, 1.0, inventory, buyVolume,
                sellVolume);
    }

    private double imbalance(final int bar) {
        final long volume = bars.volume(bar);
        return volume > 0 ? (double) bars.signedVolume(bar) / volume : 0.0;
    }

    @Override
    public EpisodeResult result() {
        return result;
    }
}
