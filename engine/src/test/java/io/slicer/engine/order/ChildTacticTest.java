package io.slicer.engine.order;

import io.slicer.engine.strategy.StrategyRegistry;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Where each tactic rests a child, in whole ticks, and how the one registry reads {@code SPEC/TACTIC}. */
class ChildTacticTest {
    @Test
    void joinRestsAtTheNearTouchStepOneTickInsideAWideSpreadAndPegMidAtTheMidRoundedAwayFromTheFarTouch() {
        // bid 100, ask 103 (three ticks wide)
        assertEquals(100, ChildTactic.JOIN.passiveTicks(1, 100, 103));
        assertEquals(103, ChildTactic.JOIN.passiveTicks(-1, 100, 103));
        assertEquals(101, ChildTactic.STEP.passiveTicks(1, 100, 103));
        assertEquals(102, ChildTactic.STEP.passiveTicks(-1, 100, 103));
        assertEquals(101, ChildTactic.PEG_MID.passiveTicks(1, 100, 103));
        assertEquals(102, ChildTactic.PEG_MID.passiveTicks(-1, 100, 103));
        assertEquals(100, ChildTactic.PEG.passiveTicks(1, 100, 103));
        // one tick wide: nothing inside, so step and the mid peg join
        assertEquals(100, ChildTactic.STEP.passiveTicks(1, 100, 101));
        assertEquals(101, ChildTactic.STEP.passiveTicks(-1, 100, 101));
        assertEquals(100, ChildTactic.PEG_MID.passiveTicks(1, 100, 101));
        assertEquals(101, ChildTactic.PEG_MID.passiveTicks(-1, 100, 101));
        // two ticks wide: the mid is on tick
        assertEquals(101, ChildTactic.PEG_MID.passiveTicks(1, 100, 102));
        assertEquals(101, ChildTactic.PEG_MID.passiveTicks(-1, 100, 102));
        // a crossed or locked book has no passive price, and cross never rests
        assertEquals(Long.MIN_VALUE, ChildTactic.JOIN.passiveTicks(1, 101, 101));
        assertEquals(Long.MIN_VALUE, ChildTactic.CROSS.passiveTicks(1, 100, 103));
    }

    @Test
    void theRegistryReadsTheTacticAfterTheLastSlashAndRefusesAnUnknownOne() {
        final StrategyRegistry registry = StrategyRegistry.schedules();
        assertEquals(ChildTactic.CROSS, registry.factory("twap").tactic());
        assertEquals(ChildTactic.JOIN, registry.factory("twap/join").tactic());
        assertEquals(ChildTactic.STEP, registry.factory("vwap/step").tactic());
        assertEquals(ChildTactic.PEG_MID, registry.factory("pov:0.1/peg:mid").tactic());
        assertEquals(ChildTactic.CROSS, registry.factory("twap/cross").tactic());
        assertEquals("strategy 'twap/joint': unknown tactic 'joint', expected SPEC/TACTIC with TACTIC one of cross, "
                        + "join, step, peg, peg:mid",
                assertThrows(IllegalArgumentException.class, () -> registry.factory("twap/joint")).getMessage());
        // A model directory's path is not a tactic: dqn:models/x is read whole (here: a family this registry lacks).
        assertEquals("unknown strategy 'dqn:models/x', expected one of " + registry.names()
                        + " (optionally NAME:ARGUMENT)",
                assertThrows(IllegalArgumentException.class, () -> registry.factory("dqn:models/x")).getMessage());
    }
}
