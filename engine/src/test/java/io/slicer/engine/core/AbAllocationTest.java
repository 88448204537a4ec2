package io.slicer.engine.core;

import io.slicer.engine.market.Side;
import io.slicer.engine.strategy.RegisteredStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A/B allocation: a seeded hash of the order id picks the arm, by weight, the same every time. */
class AbAllocationTest {
    @Test
    void armsFollowTheWeightsAndDependOnlyOnIdAndSeed() {
        final AbAllocation ab = new AbAllocation(42, new double[]{3, 1});
        final int n = 40_000;
        int zero = 0;
        for (long id = 1; id <= n; id++) {
            final int arm = ab.arm(id);
            assertEquals(arm, new AbAllocation(42, new double[]{3, 1}).arm(id), "order " + id);
            zero += arm == 0 ? 1 : 0;
        }
        // 75% with binomial sd sqrt(n * 0.75 * 0.25) = 87 orders: 5 sd either way.
        assertEquals(0.75 * n, zero, 5 * Math.sqrt(n * 0.75 * 0.25));
        int moved = 0;
        final AbAllocation other = new AbAllocation(43, new double[]{3, 1});
        for (long id = 1; id <= 1_000; id++) {
            moved += other.arm(id) != ab.arm(id) ? 1 : 0;
        }
        assertTrue(moved > 250, "another seed reshuffles: " + moved + " of 1,000 orders changed arm");
    }

    @Test
    void theEngineTradesEachOrderWithItsArmAndJournalsIt() {
        final CoreFixture f = new CoreFixture(b -> b.abTest(7, 1, 1),
                List.of(RegisteredStrategy.schedule("equal", scenario -> new EqualSlices()),
                        RegisteredStrategy.schedule("equal-too", scenario -> new EqualSlices())));
        final AbAllocation ab = new AbAllocation(7, new double[]{1, 1});
        f.quote(0, 99.99, 100.01);
        for (long id = 1; id <= 20; id++) {
            f.order(id, Side.BUY, 10_000, 5, 0, Double.NaN);
        }
        f.tick(10);
        int armOne = 0;
        for (final RecordingJournal.DecisionRecordCopy d : f.journal.decisions) {
            assertEquals(ab.arm(d.orderId()), f.core.order(d.orderId()).strategyIndex(), "order " + d.orderId());
            armOne += f.core.order(d.orderId()).strategyIndex();
        }
        assertNotEquals(0, armOne, "some orders went to arm 1 although the OMS named strategy 0");
    }

    @Test
    void anAbTestNeedsTwoArmsOfPositiveWeight() {
        assertThrows(IllegalArgumentException.class, () -> EngineConfig.builder().abTest(1, 1.0).build());
        assertThrows(IllegalArgumentException.class, () -> EngineConfig.builder().abTest(1, 1.0, 0.0).build());
    }
}
