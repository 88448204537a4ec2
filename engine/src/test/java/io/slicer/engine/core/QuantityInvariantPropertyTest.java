package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.ParentOrder;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.risk.HaltScope;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Property: under any sequence of partial fills, rejects, cancels, late fills after a cancel and duplicate fill
 * reports, every parent order keeps {@code filled + inFlight + remaining == quantity} with no negative term, never
 * overfills, and counts each share the venue executed exactly once.
 *
 * <p>The venue is a FIX-honest random one: it executes at most a child's quantity, reports each execution once under
 * its own exec id but may deliver reports late and in any order (also after confirming a cancel, whose cumulative
 * quantity includes them), and resends delivered reports (duplicates). Each sequence is seeded; a failure names it.
 */
class QuantityInvariantPropertyTest {
    private static final int SEQUENCES = 2_000;
    private static final int STEPS = 250;
    private static final long SECOND = 1_000_000_000L;

    private static final class VenueChild {
        final long childId;
        final long parentId;
        final long quantity;
        long executed;
        boolean acked;
        boolean cancelRequested;
        boolean done;

        VenueChild(final long childId, final long parentId, final long quantity) {
            this.childId = childId;
            this.parentId = parentId;
            this.quantity = quantity;
        }
    }

    private record Report(long parentId, long childId, long execId, long quantity, double price) {
    }

    private static final class RandomVenue implements ChildOrderSink {
        final List<VenueChild> children = new ArrayList<>();
        final List<Report> pending = new ArrayList<>();
        final List<Report> delivered = new ArrayList<>();
        final long[] deliveredOnce = new long[4];

        /** First delivery of a report: the shares the engine must count, once. */
        void deliver(final Report r) {
            delivered.add(r);
            deliveredOnce[(int) r.parentId] += r.quantity;
        }

        @Override
        public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                               final long quantity, final double limitPrice) {
            children.add(new VenueChild(childId, parentId, quantity));
        }

        @Override
        public void onCancelChild(final long childId, final long parentId) {
            for (final VenueChild c : children) {
                if (c.childId == childId) {
                    c.cancelRequested = true;
                }
            }
        }

        long executedFor(final long parentId) {
            long sum = 0;
            for (final VenueChild c : children) {
                if (c.parentId == parentId) {
                    sum += c.executed;
                }
            }
            return sum;
        }
    }

    @Test
    void filledPlusInFlightPlusRemainingIsAlwaysTheParentQuantity() {
        long children = 0;
        long duplicates = 0;
        for (int seed = 0; seed < SEQUENCES; seed++) {
            final RecordingJournal journal = runSequence(seed);
            children += journal.decisions.stream().filter(d -> d.childId() != 0).count();
            duplicates += journal.anomalies.stream().filter(a -> a == InputAnomaly.DUPLICATE_FILL).count();
        }
        assertTrue(children > 5L * SEQUENCES, "sequences exercise many children: " + children);
        assertTrue(duplicates > SEQUENCES, "sequences exercise duplicate reports: " + duplicates);
    }

    private static RecordingJournal runSequence(final long seed) {
        final SplittableRandom rnd = new SplittableRandom(seed);
        final RandomVenue venue = new RandomVenue();
        final RecordingJournal journal = new RecordingJournal();
        final SlicerCore core = new SlicerCore(EngineConfig.builder().maxSymbols(1).maxOrders(4).maxLiveChildren(512).defaultInstrument(Instrument.equity("TEST", 0.01, 1, "USD")).minChild(1)
                .duplicateWindowNanos(0).throttle(10_000, SECOND).build(),
                SlicerCoreDeterminismTest.strategies(), venue, journal);
        final EngineEvent e = new EngineEvent();
        final int orders = 1 + rnd.nextInt(3);
        final long[] quantities = new long[orders];
        long t = 0;
        core.onEvent(e.quote(t, 0, 99.99, 100.01, 100, 100));
        for (int i = 0; i < orders; i++) {
            quantities[i] = 1 + rnd.nextInt(50_000);
            final int slices = 1 + rnd.nextInt(30);
            core.onEvent(e.newOrder(t, i + 1, 0, rnd.nextBoolean() ? Side.BUY : Side.SELL, quantities[i], 0,
                    slices * 2 * SECOND, slices, 0, Double.NaN, Double.NaN, Double.NaN, 0.05, 10_000));
        }
        long execId = 1;
        for (int step = 0; step < STEPS; step++) {
            final int action = rnd.nextInt(100);
            if (action < 20) {
                t += rnd.nextInt(4) * SECOND;
                core.onEvent(e.quote(t, 0, 99.99, 100.01, 100, 100));
                core.onEvent(e.timer(t));
            } else if (action < 45) {
                final VenueChild c = pick(venue.children, rnd);
                if (c != null && !c.done && c.executed < c.quantity) {
                    final long n = 1 + rnd.nextLong(c.quantity - c.executed);
                    c.executed += n;
                    venue.pending.add(new Report(c.parentId, c.childId, execId++, n, 100 + rnd.nextDouble()));
                }
            } else if (action < 65) {
                if (!venue.pending.isEmpty()) {
                    final Report r = venue.pending.remove(rnd.nextInt(venue.pending.size()));
                    venue.deliver(r);
                    core.onEvent(e.fill(t, r.parentId, r.childId, r.execId, r.quantity, r.price));
                }
            } else if (action < 72) {
                if (!venue.delivered.isEmpty()) {
                    final Report r = venue.delivered.get(rnd.nextInt(venue.delivered.size()));
                    core.onEvent(e.fill(t, r.parentId, r.childId, r.execId, r.quantity, r.price));
                }
            } else if (action < 80) {
                final VenueChild c = pick(venue.children, rnd);
                if (c != null && !c.done && !c.acked) {
                    c.acked = true;
                    core.onEvent(e.childAck(t, c.parentId, c.childId));
                }
            } else if (action < 88) {
                final VenueChild c = pick(venue.children, rnd);
                if (c != null && !c.done && (c.cancelRequested || rnd.nextInt(4) == 0)) {
                    c.done = true;
                    core.onEvent(e.childCancelled(t, c.parentId, c.childId, c.executed));
                }
            } else if (action < 93) {
                final VenueChild c = pick(venue.children, rnd);
                if (c != null && !c.done && !c.acked && c.executed == 0) {
                    c.done = true;
                    core.onEvent(e.childReject(t, c.parentId, c.childId));
                }
            } else if (action < 94) {
                if (rnd.nextInt(4) == 0) {
                    core.onEvent(e.cancelOrder(t, 1 + rnd.nextInt(orders)));
                }
            } else if (action < 99) {
                core.onEvent(e.control(rnd.nextBoolean() ? EventType.PAUSE : EventType.RESUME, t, HaltScope.ORDER,
                        1 + rnd.nextInt(orders)));
            } else if (rnd.nextInt(2) == 0) {
                core.onEvent(e.control(EventType.HALT, t, HaltScope.ORDER, 1 + rnd.nextInt(orders)));
            }
            checkInvariants(seed, step, core, venue, quantities);
        }
        // Drain: every report arrives, every child is resolved; then the books must agree with the venue exactly.
        for (final VenueChild c : venue.children) {
            if (!c.done) {
                c.done = true;
                core.onEvent(e.childCancelled(t, c.parentId, c.childId, c.executed));
            }
        }
        while (!venue.pending.isEmpty()) {
            final Report r = venue.pending.remove(venue.pending.size() - 1);
            venue.deliver(r);
            core.onEvent(e.fill(t, r.parentId, r.childId, r.execId, r.quantity, r.price));
        }
        checkInvariants(seed, STEPS, core, venue, quantities);
        for (int i = 0; i < orders; i++) {
            final ParentOrder o = core.order(i + 1);
            assertEquals(0, o.inFlight(), "seed " + seed + ": nothing in flight once every child is resolved");
            assertEquals(venue.executedFor(i + 1), o.filled(), "seed " + seed + ": filled equals venue executions");
        }
        assertEquals(0, core.liveChildren(), "seed " + seed + ": every child slot returned");
        final EnumSet<InputAnomaly> forbidden = EnumSet.of(InputAnomaly.OVERFILL,
                InputAnomaly.LATE_FILL_EXCEEDS_CUM_QUANTITY, InputAnomaly.CUM_QUANTITY_EXCEEDS_CHILD);
        for (final InputAnomaly a : journal.anomalies) {
            if (forbidden.contains(a)) {
                fail("seed " + seed + ": an honest venue produced " + a);
            }
        }
        return journal;
    }

    private static void checkInvariants(final long seed, final int step, final SlicerCore core,
                                        final RandomVenue venue, final long[] quantities) {
        for (int i = 0; i < quantities.length; i++) {
            final ParentOrder o = core.order(i + 1);
            final String where = "seed " + seed + " step " + step + " order " + (i + 1);
            assertEquals(quantities[i], o.filled() + o.inFlight() + o.remaining(), where);
            assertTrue(o.filled() >= 0 && o.inFlight() >= 0 && o.remaining() >= 0,
                    where + ": filled " + o.filled() + " inFlight " + o.inFlight() + " remaining " + o.remaining());
            assertTrue(o.filled() <= quantities[i], where + ": overfilled");
            assertEquals(0, o.overfilled(), where);
            assertEquals(venue.deliveredOnce[i + 1], o.filled(),
                    where + ": each delivered execution counted exactly once");
        }
    }

    private static VenueChild pick(final List<VenueChild> children, final SplittableRandom rnd) {
        return children.isEmpty() ? null : children.get(rnd.nextInt(children.size()));
    }
}
