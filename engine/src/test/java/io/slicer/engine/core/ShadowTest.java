package io.slicer.engine.core;

import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.market.Side;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.engine.strategy.Twap;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shadow mode: a second strategy decides every slice from the live decision's features, is journaled, sends nothing,
 * and whatever it does (throw, NaN, out-of-range action) never changes the live order.
 */
class ShadowTest {
    private static final double ETA = 0.001;
    private static final double GAMMA = 1e-6;
    private static final long QUANTITY = 60_000;
    private static final int SLICES = 6;

    private static List<RegisteredStrategy> liveAnd(final StrategyFactory shadow) {
        return List.of(RegisteredStrategy.schedule("equal", scenario -> new EqualSlices()),
                RegisteredStrategy.schedule("shadow", shadow));
    }

    /** A six-slice buy worked by strategy 0, every child filled at 100.02, over the whole horizon. */
    private static CoreFixture day(final Consumer<EngineConfig.Builder> settings, final StrategyFactory shadow) {
        final CoreFixture f = new CoreFixture(settings.andThen(b -> b.impact(ETA, GAMMA, 1.0)), liveAnd(shadow));
        f.quote(0, 99.99, 100.01).order(7, Side.BUY, QUANTITY, SLICES, 0, Double.NaN);
        for (long s = 10; s <= 80; s += 10) {
            f.tick(s).fillAll(s * SECOND + 1, 100.02);
        }
        return f;
    }

    private static CoreFixture withShadow(final StrategyFactory shadow) {
        return day(b -> b.shadowStrategy(1), shadow);
    }

    private static CoreFixture withoutShadow() {
        return day(b -> { }, scenario -> new EqualSlices());
    }

    @Test
    void theShadowDecidesEverySliceSendsNothingAndIsPricedOnTheObservedPath() {
        final CoreFixture live = withoutShadow();
        final CoreFixture shadowed = withShadow(terms -> new Twap(terms.slices()));
        assertEquals(live.journal.outputs, shadowed.journal.outputs, "the live outputs are the same with a shadow");
        assertEquals(live.sink.children, shadowed.sink.children, "the shadow sent nothing");
        final List<RecordingJournal.ShadowCopy> shadows = shadowed.journal.shadows;
        assertEquals(SLICES, shadows.size(), "one shadow decision per slice boundary");
        long units = 0;
        double cost = 0;
        for (int k = 0; k < SLICES; k++) {
            final RecordingJournal.ShadowCopy s = shadows.get(k);
            assertEquals(k, s.slice());
            assertNull(s.fault());
            assertEquals(1, s.strategy());
            assertEquals(QUANTITY / SLICES, s.quantity(), "TWAP's would-be child of slice " + k);
            // Every live child filled before the boundary: the live order and the shadow stay level, so the
            // permanent-impact term cancels exactly and the estimate is mid + half-spread + eta * q.
            final long filledAtBoundary = Math.min(QUANTITY, k * (QUANTITY / SLICES));
            final double expected = 100.0 - GAMMA * (filledAtBoundary - units) + 0.01 + ETA * s.quantity();
            assertEquals(expected, s.estimatedPrice(), 1e-12, "estimated price of slice " + k);
            units += s.quantity();
            cost += s.quantity() * (s.estimatedPrice() - 100.0);
            assertEquals(units, s.shares());
            assertEquals(cost / (units * 100.0) * 1e4, s.estimatedIsBps(), 1e-9);
        }
        assertEquals(QUANTITY, units, "the shadow would have traded the whole order");
        assertTrue(shadows.get(SLICES - 1).estimatedIsBps() > 0, "buying costs");
    }

    @Test
    void aFailingShadowNeverTouchesTheLiveOrder() {
        for (final TestPolicies.Fault fault : TestPolicies.Fault.values()) {
            if (fault != TestPolicies.Fault.NONE) {
                failingShadow(fault);
            }
        }
    }

    private static void failingShadow(final TestPolicies.Fault fault) {
        final CoreFixture live = withoutShadow();
        final CoreFixture shadowed = withShadow(terms -> new TestPolicies.Faulty(fault, 2));
        assertEquals(live.journal.outputs, shadowed.journal.outputs, "no halt, no fallback, the same decisions");
        assertEquals(live.sink.children, shadowed.sink.children);
        assertEquals(QUANTITY, shadowed.progress(7).filled(), "the live order completed");
        final List<RecordingJournal.ShadowCopy> shadows = shadowed.journal.shadows;
        assertEquals(3, shadows.size(), "two good slices, then the fault once, then the shadow stops");
        assertNull(shadows.get(1).fault());
        final HaltReason expected = switch (fault) {
            case THROWS -> HaltReason.POLICY_THREW;
            case NAN_ACTION, NAN_RAW_OUTPUT -> HaltReason.POLICY_NAN;
            default -> HaltReason.POLICY_ACTION_OUT_OF_RANGE;
        };
        assertEquals(expected, shadows.get(2).fault());
        assertEquals(2, shadows.get(2).slice());
    }

    @Test
    void aShadowThatCannotBeMadeIsJournaledOnceAndTheOrderTrades() {
        final CoreFixture live = withoutShadow();
        final CoreFixture shadowed = withShadow(terms -> {
            throw new IllegalStateException("no model");
        });
        assertEquals(live.journal.outputs, shadowed.journal.outputs);
        assertEquals(1, shadowed.journal.shadows.size());
        assertEquals(HaltReason.POLICY_THREW, shadowed.journal.shadows.get(0).fault());
    }

    @Test
    void anOrderNamingTheShadowStrategyIsRejected() {
        final CoreFixture f = new CoreFixture(b -> b.shadowStrategy(1), liveAnd(scenario -> new EqualSlices()));
        f.quote(0, 99.99, 100.01).order(9, Side.BUY, QUANTITY, SLICES, 1, Double.NaN);
        assertEquals(List.of(InputAnomaly.INVALID_ORDER), f.journal.anomalies);
    }

    @Test
    void aShadowIndexThatIsNoRegisteredStrategyIsRefusedAtConstruction() {
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> new CoreFixture(b -> b.shadowStrategy(2),
                        liveAnd(scenario -> new EqualSlices())));
        assertTrue(e.getMessage().contains("shadowStrategy 2 is not a registered strategy index"), e.getMessage());
    }
}
