package io.slicer.tools.day;

import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.order.OrderTerms;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.engine.strategy.Twap;
import io.slicer.journal.EngineSettings;
import io.slicer.journal.RingJournal;
import io.slicer.journal.StrategySpecs;
import io.slicer.policy.PolicyModel;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.ScenarioTerms;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One episode of a simulator {@link Scenario} traded through the real engine: the scenario's parent order is sent to a
 * {@link SlicerEngine} (Disruptor ring, policy, risk checks, journal) and the market is the scenario's own
 * {@link Episode}, driven with the engine's child orders as its decisions. So our own impact lies over the path
 * exactly as in the simulator, and the day's IS is directly comparable with the simulator's on the same episode.
 *
 * <p>Event time only, no clock: slice k starts at {@link #DAY_START} + k x (6.5 hours / N). At each slice start
 * the market quotes the episode's mid +/- half its spread, the OMS tells the engine the market volume expected in
 * slice k and from slice k to the end (the numbers the episode's own context gives a policy in slice k: the
 * scenario's volume curve and its exact remaining sum), and the timer ticks (the engine decides slice k, the
 * expectation of slice k - 1 still pricing the slice that closed); the venue executes the
 * children of slice k as the episode's step at the price the scenario charges (mid + side x (half-spread +
 * temporary impact), our permanent impact moving later mids) and reports acks and fills one millisecond later; the
 * slice's market volume prints in {@link #PRINTS} trades at the mid. When the engine stops the order (a halt), the
 * day stops there and the unfilled shares are valued at the mid they were left at (opportunity cost). One
 * publishing thread (this one) and the engine's consumer thread: the venue reads the children only after
 * {@link SlicerEngine#flush()}, never publishing from the engine's callbacks.
 */
public final class ScenarioDay {
    /** 09:30 in nanoseconds since midnight: the scenario's terms start there. */
    public static final long DAY_START = ScenarioTerms.SESSION_START;
    public static final int PRINTS = 4;
    public static final long ORDER_ID = 1;
    private static final long VENUE_LATENCY = 1_000_000L;

    private final Scenario scenario;
    private final long seed;
    private final long episodeIndex;

    public ScenarioDay(final Scenario scenario, final long seed, final long episodeIndex) {
        this.scenario = scenario;
        this.seed = seed;
        this.episodeIndex = episodeIndex;
    }

    /**
     * Engine settings for this scenario: the scenario's instrument (the simulator trades single shares: lot 1),
     * children up to the whole order, the scenario's impact model for the engine's TWAP benchmark, and notional limits
     * sized to the order. The volatility estimate is the engine's default: the simulators run the same
     * {@link io.slicer.engine.market.SliceVolatilityEstimator} on the mids they quote, so the engine's
     * {@code volatility_ratio} is the one the scenario's policies were trained on (except {@code seed-iql}, whose
     * simulator keeps the seed document's own estimate to reproduce it: a policy trained there sees a different
     * volatility feature on the engine and may be halted out of domain). The scenario's participation cap
     * is the engine's soft {@code policyParticipationLimit}: the simulator tells it to the policy (whose feasibility
     * floor works from it) and counts breaches, never clamping a child, so the engine does the same; no hard
     * {@code participationCap}. {@code extra} ({@code key=value;...}) overrides any of them.
     */
    public static EngineSettings settings(final Scenario scenario, final String extra) {
        final OrderTerms terms = scenario.terms();
        final long q = terms.quantity();
        final EngineSettings settings = EngineSettings.parse("")
                .set("instrument.0", terms.instrument().spec())
                .set("minChild", "1")
                .set("maxChild", Long.toString(q))
                .set("maxChildQuantity", Long.toString(q))
                .set("maxChildNotional", Double.toString(Math.ceil(2.0 * terms.instrument().notional(q,
                        terms.arrivalPrice()))))
                .set("impact", terms.impact().temporary() + "/" + terms.impact().permanent() + "/"
                        + terms.impact().sliceLength());
        if (!Double.isNaN(terms.participationLimit())) {
            settings.set("policyParticipationLimit", Double.toString(terms.participationLimit()));
        }
        final EngineSettings overrides = EngineSettings.parse(extra);
        for (final String pair : overrides.toString().split(";")) {
            if (!pair.isEmpty()) {
                final int eq = pair.indexOf('=');
                settings.set(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return settings;
    }

    /** What the day did, in the engine's numbers and in the simulator's accounting of the same trades. */
    public record Result(String scenario, long seed, long episode, String strategy, Side side, long quantity,
                         int slices, long filled, OrderStatus status, String haltReason, double engineIsBps,
                         double engineTwapBenchmarkBps, double isBps, double temporaryImpactBps,
                         double permanentImpactBps, double timingBps, double opportunityBps, double vwapSlippageBps,
                         double participation, double participationMax, long fills, long decisions, long children,
                         long inputs, long journalRecords, long sweptBySimulator) {
        public String summary() {
            return String.format(Locale.ROOT, "%s %s %,d shares over %d slices (seed %d, episode %d) with %s: filled"
                            + " %,d, %s, IS %.2f bps (engine %.2f, its TWAP benchmark %.2f), VWAP slippage %.2f bps,"
                            + " %d decisions, %d children, %d inputs, %d journal records", scenario, side, quantity,
                    slices, seed, episode, strategy, filled, status, isBps, engineIsBps, engineTwapBenchmarkBps,
                    vwapSlippageBps, decisions, children, inputs, journalRecords);
        }
    }

    /**
     * Plays the day through {@code ring} (a fresh engine with this day's strategy registered as index 0). The episode
     * is played from its start, so a ring that recovered a journal is refused: the venue keeps no record of the
     * children it executed from which the episode could be resumed.
     */
    public Result play(final RingJournal ring, final Venue venue) {
        final SlicerEngine engine = ring.engine();
        if (ring.recovery() != null) {
            throw new IllegalArgumentException("a scenario day plays its episode from the start, but the journal "
                    + "already holds records (" + ring.recovery().inputsReplayed() + " inputs recovered): play it "
                    + "into a new journal directory");
        }
        final Episode episode = scenario.newEpisode();
        episode.reset(seed, episodeIndex);
        final OrderTerms terms = scenario.terms();
        final int slices = terms.slices();
        final long sliceNanos = ScenarioTerms.sliceNanos(slices);
        final SliceDecision decision = new SliceDecision();
        final OrderProgress progress = new OrderProgress();
        long swept = 0;
        long fills = 0;

        quote(engine, DAY_START, episode);
        final DecisionContext told = episode.context();
        engine.newOrder(DAY_START, NewOrder.of(ORDER_ID, 0, terms.side(), terms.quantity(), terms.startTime(),
                terms.endTime(), slices, 0, terms.sigmaPerSlice(), told.expectedSliceVolume(),
                told.expectedRemainingVolume()));
        for (int k = 0; k < slices && !episode.done(); k++) {
            final long t = DAY_START + k * sliceNanos;
            if (k > 0) {
                quote(engine, t, episode);
                engine.amendOrder(t, ORDER_ID, Double.NaN, Double.NaN, told.expectedSliceVolume(),
                        told.expectedRemainingVolume());
            }
            engine.timer(t);
            engine.flush();
            final List<Venue.Child> children = venue.take();
            if (children.isEmpty() && engine.progress(ORDER_ID, progress) && progress.status() != OrderStatus.OPEN) {
                break;
            }
            long sent = 0;
            for (final Venue.Child c : children) {
                sent += c.quantity();
            }
            episode.step(decision.clear().shares(sent));
            final EpisodeResult r = episode.result();
            final long traded = r.shares(k);
            swept += Math.max(0, traded - sent);
            final double price = r.executionPrice(k);
            final long reported = t + VENUE_LATENCY;
            long toFill = Math.min(sent, traded);
            for (final Venue.Child c : children) {
                engine.childAck(reported, ORDER_ID, c.childId());
                final long qty = Math.min(c.quantity(), toFill);
                if (qty > 0) {
                    engine.fill(reported, ORDER_ID, c.childId(), c.childId(), qty, price);
                    toFill -= qty;
                    fills++;
                }
            }
            final long volume = Math.round(r.marketVolume(k));
            for (int j = 0; j < PRINTS; j++) {
                final long size = volume / PRINTS + (j == PRINTS - 1 ? volume % PRINTS : 0);
                if (size > 0) {
                    engine.trade(t + (j + 1) * sliceNanos / (PRINTS + 1), 0, r.midBefore(k), size, 0);
                }
            }
        }
        if (!episode.done()) {
            // The engine stopped the order (halted, cancelled): what it did not trade is valued at the mid it left.
            episode.result().finish(episode.context().mid());
        }
        final long end = terms.endTime();
        quote(engine, end, episode);
        engine.timer(end);
        engine.flush();
        if (engine.failure() != null) {
            throw new IllegalStateException("the engine failed closed during the " + scenario.name() + " day",
                    engine.failure());
        }
        if (!engine.progress(ORDER_ID, progress)) {
            throw new IllegalStateException("the engine holds no order " + ORDER_ID + " after the day");
        }
        final EpisodeResult r = episode.result();
        final String strategy = ring.session().strategies().get(0);
        return new Result(scenario.name(), seed, episodeIndex, strategy, scenario.terms().side(), scenario.terms().quantity(),
                slices, progress.filled(), progress.status(),
                progress.haltReason() == null ? "" : progress.haltReason().toString(), progress.shortfallBps(),
                progress.twapShortfallBps(), r.isBps(), r.temporaryImpactBps(), r.permanentImpactBps(),
                r.timingBps(), r.opportunityBps(), r.vwapSlippageBps(), r.meanParticipation(),
                r.maxParticipation(), fills, engine.core().decisions(), engine.core().childrenSent(),
                engine.core().sequence(), ring.journalRecords(), swept);
    }

    private static void quote(final SlicerEngine engine, final long t, final Episode episode) {
        final double mid = episode.context().mid();
        final double half = episode.context().spread() * 0.5;
        engine.quote(t, 0, mid - half, mid + half, 0, 0);
    }

    /**
     * The same episode in the simulator alone, with {@code spec} deciding (a schedule, or a model directory for
     * {@code dqn:}, {@code iql:} and {@code policy:}): the reference the engine day is compared with.
     */
    public EpisodeResult simulate(final String spec) {
        final StrategyFactory factory;
        if (StrategySpecs.isModel(spec)) {
            final Path dir = Path.of(spec.substring(spec.indexOf(':') + 1));
            factory = PolicyStrategy.factory(spec, PolicyModel.load(dir));
        } else {
            factory = StrategyRegistry.standard().factory(spec);
        }
        return EpisodeRunner.run(scenario.newEpisode(), factory.create(scenario.terms()), new SliceDecision(), seed,
                episodeIndex);
    }

    /** The simulator's exact TWAP on the same episode. */
    public EpisodeResult simulateTwap() {
        return simulate(Twap.NAME);
    }

    /**
     * The venue and OMS of a scenario day: records the children and cancels the engine sends (on its consumer
     * thread) for the publishing thread to take after a flush.
     */
    public static final class Venue implements ChildOrderSink {
        /** One child order as sent. */
        public record Child(long childId, long quantity, double limitPrice) {
        }

        private final List<Child> pending = new ArrayList<>();
        private long cancels;

        @Override
        public synchronized void onNewChild(final long childId, final long parentId, final int symbol,
                                            final Side side, final long quantity, final double limitPrice) {
            pending.add(new Child(childId, quantity, limitPrice));
        }

        @Override
        public synchronized void onCancelChild(final long childId, final long parentId) {
            cancels++;
        }

        synchronized List<Child> take() {
            final List<Child> out = List.copyOf(pending);
            pending.clear();
            return out;
        }

        /** Cancel requests: none on a day where every child fills within its slice. */
        public synchronized long cancels() {
            return cancels;
        }
    }
}
