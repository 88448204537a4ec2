package io.slicer.tools.day;

import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.market.Side;
import io.slicer.journal.JournaledEngine;
import io.slicer.journal.RingJournal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;

/**
 * A simulated trading day for one symbol, played against a {@link JournaledEngine} or the ring engine
 * ({@link RingJournal}): every second the venue answers the previous second's child orders and cancels, the market
 * quotes and trades (a seeded random walk), scheduled parent orders arrive, and the timer ticks. The venue fills most
 * children completely at their limit price and every fifth (by child id) only half, leaving the rest to be cancelled
 * at the slice's end.
 *
 * <p>Everything is a pure function of the seed and the {@link OmsLog}: the venue keeps no state of its own (exec ids
 * derive from child ids), so after a crash the same script is rebuilt and a restarted engine resumes at the input
 * where the journal stopped, producing exactly the uninterrupted day.
 */
public final class SimulatedDay {
    public static final long SECOND = 1_000_000_000L;
    /**
     * Expected remaining volume the OMS sends with its orders: unknown (NaN), since the tape prints a flat volume per
     * second and the engine's flat extrapolation of the per-slice expectation is all an OMS could add.
     */
    static final double FLAT_PROFILE = Double.NaN;
    /** Name of the standard day on the command line. */
    public static final String STANDARD = "small-day";

    /** A parent order to submit at {@code submitSecond}, trading from then for {@code seconds} in slices. */
    public record ParentSpec(long orderId, Side side, long quantity, long submitSecond, long seconds, int slices,
                             int strategy) {
    }

    /**
     * The OMS amends order {@code orderId} at {@code second}: its quantity to {@code quantity} and the end of its
     * horizon to {@code endSecond} (each 0: unchanged).
     */
    public record AmendSpec(long orderId, long second, long quantity, long endSecond) {
    }

    private final long seed;
    private final int seconds;
    private final List<ParentSpec> parents;
    private final List<AmendSpec> amends;
    private final double[] mids;
    private final EngineEvent event = new EngineEvent();

    public SimulatedDay(final long seed, final int seconds, final List<ParentSpec> parents) {
        this(seed, seconds, parents, List.of());
    }

    public SimulatedDay(final long seed, final int seconds, final List<ParentSpec> parents,
                        final List<AmendSpec> amends) {
        this.seed = seed;
        this.seconds = seconds;
        this.parents = List.copyOf(parents);
        this.amends = List.copyOf(amends);
        this.mids = new double[seconds];
        final SplittableRandom walk = new SplittableRandom(seed);
        double mid = 100.0;
        for (int t = 0; t < seconds; t++) {
            mid = Math.max(1.0, mid + 0.02 * walk.nextGaussian());
            mids[t] = Math.round(mid * 100) / 100.0;
        }
    }

    /** The day the crash test and {@code slicer run --scenario small-day} use: three orders over ten minutes. */
    public static SimulatedDay standard(final long seed, final int strategies) {
        return new SimulatedDay(seed, 600, List.of(
                new ParentSpec(1, Side.BUY, 30_000, 1, 300, 30, 0),
                new ParentSpec(2, Side.SELL, 20_000, 60, 400, 20, Math.min(1, strategies - 1)),
                new ParentSpec(3, Side.BUY, 12_000, 200, 300, 15, 0)));
    }

    /**
     * The standard day with the OMS amending its orders' terms: order 1 (TWAP) cut from 30,000 to 18,000 shares at
     * second 100 (a third filled), order 2 asked at second 150 for more shares than it holds (refused), and order 3's
     * (TWAP) horizon extended from second 500 to 590 at second 250.
     */
    public static SimulatedDay standardWithAmends(final long seed, final int strategies) {
        return new SimulatedDay(seed, 600, standard(seed, strategies).parents(), List.of(
                new AmendSpec(1, 100, 18_000, 0),
                new AmendSpec(2, 150, 25_000, 0),
                new AmendSpec(3, 250, 0, 590)));
    }

    public int seconds() {
        return seconds;
    }

    public List<ParentSpec> parents() {
        return parents;
    }

    /**
     * Plays the day from the engine's current input sequence to the end: events the journal already holds are
     * regenerated and skipped, the rest fed to {@code engine}. {@code afterSecond} is told each finished second.
     */
    public void play(final JournaledEngine engine, final OmsLog oms, final LongConsumer afterSecond) {
        final long skip = engine.core().sequence();
        final long[] generated = {0};
        for (int t = 0; t < seconds; t++) {
            final long second = t;
            oms.second(second);
            emitSecond(t, oms, e -> {
                if (generated[0]++ >= skip) {
                    engine.onEvent(e);
                }
            });
            if (generated[0] > skip) {
                afterSecond.accept(second);
            }
        }
    }

    /**
     * Plays the day through the ring engine from the input sequence its core starts at (0, or where a recovered
     * journal ends): events the journal already holds are regenerated and skipped, the rest published. The venue
     * answers from the OMS log, so each second is published only after the previous one is processed
     * ({@link SlicerEngine#flush()}); a second's events are generated before any is published, so the consumer thread
     * never sends to the OMS while the venue reads it. Throws when the engine failed closed.
     */
    public void play(final RingJournal ring, final OmsLog oms, final LongConsumer afterSecond) {
        final SlicerEngine engine = ring.engine();
        final long skip = engine.core().sequence();
        final List<EngineEvent> batch = new ArrayList<>();
        long generated = 0;
        for (int t = 0; t < seconds; t++) {
            oms.second(t);
            batch.clear();
            emitSecond(t, oms, e -> {
                final EngineEvent copy = new EngineEvent();
                copy.copyFrom(e);
                batch.add(copy);
            });
            for (final EngineEvent e : batch) {
                if (generated++ >= skip) {
                    engine.publish(e);
                }
            }
            engine.flush();
            if (engine.failure() != null) {
                throw new IllegalStateException("the engine failed closed in second " + t, engine.failure());
            }
            if (generated > skip) {
                afterSecond.accept(t);
            }
        }
    }

    private void emitSecond(final int t, final OmsLog oms, final java.util.function.Consumer<EngineEvent> out) {
        final long ts = t * SECOND;
        if (t > 0) {
            for (final OmsLog.SentChild c : oms.sent().values()) {
                if (c.second() == t - 1) {
                    out.accept(event.childAck(ts, c.parentId(), c.childId()));
                    final long filled = venueFill(c);
                    if (filled > 0) {
                        out.accept(event.fill(ts, c.parentId(), c.childId(), 2 * c.childId(), filled,
                                c.limitPrice()));
                    }
                }
            }
            for (final var cancel : oms.cancels().entrySet()) {
                if (cancel.getValue() == t - 1) {
                    final OmsLog.SentChild c = oms.sent().get(cancel.getKey());
                    if (c != null) {
                        out.accept(event.childCancelled(ts, c.parentId(), c.childId(), venueFill(c)));
                    }
                }
            }
        }
        final SplittableRandom r = new SplittableRandom(seed * 1_000_003L + t);
        final double mid = mids[t];
        out.accept(event.quote(ts, 0, mid - 0.01, mid + 0.01, 300 + r.nextInt(400), 300 + r.nextInt(400)));
        // A simulated print has no aggressor: unknown (0).
        out.accept(event.trade(ts, 0, mid, 1_000 + r.nextInt(1_000), 0));
        for (final ParentSpec p : parents) {
            if (p.submitSecond() == t) {
                out.accept(event.newOrder(ts, p.orderId(), 0, p.side(), p.quantity(), ts,
                        ts + p.seconds() * SECOND, p.slices(), p.strategy(), Double.NaN, Double.NaN, Double.NaN,
                        0.05, 1_500.0 * p.seconds() / p.slices(), FLAT_PROFILE));
            }
        }
        for (final AmendSpec a : amends) {
            if (a.second() == t) {
                out.accept(event.amendOrder(ts, a.orderId(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                        a.quantity(), a.endSecond() * SECOND));
            }
        }
        out.accept(event.timer(ts));
    }

    /** What the venue fills of a child: all of it, or half (in round lots) for every fifth child id. */
    static long venueFill(final OmsLog.SentChild c) {
        if (c.childId() % 5 != 0) {
            return c.quantity();
        }
        return c.quantity() / 200 * 100;
    }

    /** Recovery step: sends the children and cancels the engine decided but the OMS never received. */
    public static List<String> reconcile(final JournaledEngine engine, final OmsLog oms) {
        return reconcile(engine.recovery(), engine.core().now(), oms);
    }

    /** Recovery step of the ring engine, before anything is published: as for the journaled engine. */
    public static List<String> reconcile(final RingJournal ring, final OmsLog oms) {
        return reconcile(ring.recovery(), ring.engine().core().now(), oms);
    }

    private static List<String> reconcile(final JournaledEngine.RecoveryReport recovery, final long now,
                                          final OmsLog oms) {
        final List<String> actions = new ArrayList<>();
        if (recovery == null) {
            return actions;
        }
        for (final JournaledEngine.UnresolvedChild c : recovery.unresolved()) {
            final long second = c.sentAt() / SECOND;
            if (!oms.knows(c.childId())) {
                oms.sendChild(c.childId(), c.parentId(), c.side(), c.quantity(), c.limitPrice(), second);
                actions.add("sent child " + c.childId());
            }
            if (c.cancelRequested() && !oms.cancelSent(c.childId())) {
                oms.cancelChild(c.childId(), c.parentId(), now / SECOND);
                actions.add("cancelled child " + c.childId());
            }
        }
        return actions;
    }
}
