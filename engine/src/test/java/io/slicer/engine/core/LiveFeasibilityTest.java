package io.slicer.engine.core;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.engine.market.Side;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.RegisteredStrategy;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.Provenance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The live engine tells a policy what the simulator told it in training: the desk's participation limit and the
 * market volume expected from this slice to the end, so a learned policy's feasibility floor (it may not hold back
 * more than the later slices can absorb under the limit) works on the ring as it did in training.
 */
class LiveFeasibilityTest {
    private static final long QTY = 95_000;
    private static final int SLICES = 10;

    /** Records what each decision saw, then trades equal slices. */
    static final class Witness implements SliceStrategy {
        final List<double[]> seen = new ArrayList<>();

        @Override
        public String name() {
            return "witness";
        }

        @Override
        public void decide(final DecisionContext ctx, final SliceDecision out) {
            seen.add(new double[]{ctx.slice(), ctx.expectedRemainingVolume(), ctx.participationLimit(),
                    ctx.expectedSliceVolume(), ctx.expectedLastSliceVolume()});
            out.shares(ctx.remaining() / ctx.slicesLeft());
        }
    }

    /** A DQN-shaped model whose argmax is always action 0: "trade nothing this slice". */
    private static PolicyModel holdBack() {
        final List<FeatureSpec> specs = new ArrayList<>();
        for (final String n : ExecutionFeatures.NAMES) {
            specs.add(new FeatureSpec(n, 0f, 1f));
        }
        final ModelCard card = new ModelCard(ExecutionFeatures.SCHEMA_ID, specs,
                new ActionSpace.Discrete("twap_multiple", new double[]{0.0, 1.0}), List.of(),
                new Provenance("test", "none", 1, "seed-1", "dev", Map.of()), null, List.of());
        return PolicyModel.of(card, List.of(new DenseLayer(ExecutionFeatures.COUNT, 2, Activation.IDENTITY,
                new float[2 * ExecutionFeatures.COUNT], new float[]{1f, 0f})));
    }

    private static CoreFixture fixture(final double participationCap, final RegisteredStrategy strategy) {
        return new CoreFixture(c -> c.participationCap(participationCap), List.of(strategy));
    }

    @Test
    void eachDecisionSeesTheCapAndTheVolumeExpectedFromItsSliceToTheEnd() {
        final Witness witness = new Witness();
        final CoreFixture f = fixture(0.10, RegisteredStrategy.schedule("witness", scenario -> witness));
        f.quote(0, 99.99, 100.01).order(1, QTY, SLICES);
        for (long s = 10; s <= 40; s += 10) {
            f.tick(s).fillAll(s * SECOND, 100.0);
        }
        assertEquals(4, witness.seen.size());
        for (final double[] d : witness.seen) {
            final int slice = (int) d[0];
            assertEquals(100_000.0 * (SLICES - slice), d[1], "expected volume of slices " + slice + ".." + SLICES);
            assertEquals(0.10, d[2]);
        }
    }

    @Test
    void anOrderWithoutExpectedVolumeLeavesTheFloorOffRatherThanForcingEverythingOut() {
        final Witness witness = new Witness();
        final CoreFixture f = fixture(0.10, RegisteredStrategy.schedule("witness", scenario -> witness));
        f.quote(0, 99.99, 100.01);
        f.core.onEvent(new io.slicer.engine.event.EngineEvent().newOrder(0, 1, 0, Side.BUY, QTY, 10 * SECOND,
                110 * SECOND, SLICES, 0, Double.NaN, Double.NaN, Double.NaN, 0.05, 0));
        f.tick(10);
        assertEquals(1, witness.seen.size());
        assertTrue(Double.isNaN(witness.seen.get(0)[1]), "unknown, not zero");
    }

    @Test
    void aLearnedPolicyThatHoldsBackUnderACapIsRaisedToTheFloorLive() {
        final RegisteredStrategy dqn = RegisteredStrategy.schedule("dqn", PolicyStrategy.factory("dqn", holdBack()));
        final CoreFixture capped = fixture(0.10, dqn);
        capped.quote(0, 99.99, 100.01).order(1, QTY, SLICES).tick(10);
        // Floor at slice 0: 95,000 - 10% x 50% haircut x 900,000 later = 50,000; the sizer's 10% cap on the
        // 100,000 expected this slice then sends 10,000.
        assertEquals(1, capped.sink.children.size(), "the policy asked for nothing; the floor sent a child");
        assertEquals(10_000, capped.sink.children.get(0).quantity());

        final CoreFixture uncapped = fixture(Double.NaN, dqn);
        uncapped.quote(0, 99.99, 100.01).order(1, QTY, SLICES).tick(10);
        assertEquals(0, uncapped.sink.children.size(), "no limit, no floor: the policy's zero stands");
    }

    @Test
    void aSoftPolicyLimitRaisesTheSliceToTheFloorButNeverClampsTheChildWhileTheHardCapDoes() {
        final RegisteredStrategy dqn = RegisteredStrategy.schedule("dqn", PolicyStrategy.factory("dqn", holdBack()));
        final CoreFixture soft = new CoreFixture(c -> c.policyParticipationLimit(0.10), List.of(dqn));
        soft.quote(0, 99.99, 100.01).order(1, QTY, SLICES).tick(10);
        // The same floor as under the hard cap (95,000 - 10% x 50% x 900,000 = 50,000), sent whole: the soft limit
        // is told to the policy and never clamps a child.
        assertEquals(1, soft.sink.children.size());
        assertEquals(50_000, soft.sink.children.get(0).quantity());

        final CoreFixture hard = new CoreFixture(c -> c.participationCap(0.10), List.of(dqn));
        hard.quote(0, 99.99, 100.01).order(1, QTY, SLICES).tick(10);
        assertEquals(10_000, hard.sink.children.get(0).quantity(), "the hard cap clamps to 10% of 100,000");

        // Both: the policy is told the stricter. Planning on a soft 20% under a hard 10% would leave a backlog the
        // last slice sweeps far over the cap.
        final Witness looser = new Witness();
        final CoreFixture both = new CoreFixture(c -> c.participationCap(0.10).policyParticipationLimit(0.20),
                List.of(RegisteredStrategy.schedule("witness", scenario -> looser)));
        both.quote(0, 99.99, 100.01).order(1, QTY, SLICES).tick(10);
        assertEquals(0.10, looser.seen.get(0)[2], "a soft limit above the hard cap: told the cap");
        assertEquals(9_500, both.sink.children.get(0).quantity(), "equal slice, under the hard 10,000");
        final Witness tighter = new Witness();
        final CoreFixture desk = new CoreFixture(c -> c.participationCap(0.10).policyParticipationLimit(0.08),
                List.of(RegisteredStrategy.schedule("witness", scenario -> tighter)));
        desk.quote(0, 99.99, 100.01).order(1, QTY, SLICES).tick(10);
        assertEquals(0.08, tighter.seen.get(0)[2], "a soft limit under the hard cap: told the soft one");
    }

    @Test
    void aSoftLimitOutsideZeroToOneIsRefusedNamingIt() {
        final IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> EngineConfig.builder().policyParticipationLimit(1.5).build());
        assertTrue(e.getMessage().contains("policy participation limit must be in (0, 1]"), e.getMessage());
        assertTrue(e.getMessage().contains("1.5"), e.getMessage());
    }

    @Test
    void theOmsRemainingVolumeReachesTheDecisionOfItsSliceAndLosesEachPassedSlicesExpectation() {
        final Witness witness = new Witness();
        final CoreFixture f = fixture(0.10, RegisteredStrategy.schedule("witness", scenario -> witness));
        f.quote(0, 99.99, 100.01);
        f.core.onEvent(new EngineEvent().newOrder(0, 1, 0, Side.BUY, QTY, 10 * SECOND, 110 * SECOND, SLICES, 0,
                Double.NaN, Double.NaN, Double.NaN, 0.05, 100_000, 2_000_000));
        f.tick(10).fillAll(10 * SECOND, 100.0);
        f.tick(20).fillAll(20 * SECOND, 100.0);
        // Slice 2 starts: the OMS's curve says 50,000 this slice and 700,000 to the end, before the timer decides.
        f.quote(30 * SECOND, 99.99, 100.01);
        f.core.onEvent(new EngineEvent().amendOrder(30 * SECOND, 1, Double.NaN, Double.NaN, 50_000, 700_000));
        f.timer(30 * SECOND).fillAll(30 * SECOND, 100.0);
        f.tick(40);

        assertEquals(4, witness.seen.size());
        assertEquals(2_000_000.0, witness.seen.get(0)[1], "slice 0: the OMS's number");
        assertEquals(1_900_000.0, witness.seen.get(1)[1], "slice 1: less slice 0's expected 100,000");
        assertEquals(700_000.0, witness.seen.get(2)[1], "slice 2: the amend given in slice 2");
        assertEquals(50_000.0, witness.seen.get(2)[3], "slice 2 expects its own volume");
        assertEquals(100_000.0, witness.seen.get(2)[4], "slice 1 closes on the expectation it had");
        assertEquals(650_000.0, witness.seen.get(3)[1], "slice 3: less slice 2's expected 50,000");
        assertEquals(50_000.0, witness.seen.get(3)[4]);
    }

    @Test
    void anOmsTotalUsedUpBeforeTheEndFallsBackToTheFlatExtrapolation() {
        final Witness witness = new Witness();
        final CoreFixture f = fixture(0.10, RegisteredStrategy.schedule("witness", scenario -> witness));
        f.quote(0, 99.99, 100.01);
        f.core.onEvent(new EngineEvent().newOrder(0, 1, 0, Side.BUY, QTY, 10 * SECOND, 110 * SECOND, SLICES, 0,
                Double.NaN, Double.NaN, Double.NaN, 0.05, 100_000, 150_000));
        for (long s = 10; s <= 30; s += 10) {
            f.tick(s).fillAll(s * SECOND, 100.0);
        }
        assertEquals(150_000.0, witness.seen.get(0)[1]);
        assertEquals(50_000.0, witness.seen.get(1)[1]);
        assertEquals(800_000.0, witness.seen.get(2)[1], "nothing left of the OMS's total: 100,000 x 8 slices");
    }

    @Test
    void anOmsRemainingVolumeOfZeroReadsAsNotGivenNotAsNoLiquidityLeft() {
        final RegisteredStrategy dqn = RegisteredStrategy.schedule("dqn", PolicyStrategy.factory("dqn", holdBack()));
        final CoreFixture f = new CoreFixture(c -> c.policyParticipationLimit(0.10), List.of(dqn));
        f.quote(0, 99.99, 100.01);
        f.core.onEvent(new EngineEvent().newOrder(0, 1, 0, Side.BUY, QTY, 10 * SECOND, 110 * SECOND, SLICES, 0,
                Double.NaN, Double.NaN, Double.NaN, 0.05, 100_000, 0));
        f.tick(10);
        // As with no total: the flat 1,000,000 gives the floor 95,000 - 10% x 50% x 900,000 = 50,000 (the soft limit
        // does not clamp it). Read as "no volume left", the floor would have sent all 95,000 at once.
        assertEquals(1, f.sink.children.size());
        assertEquals(50_000, f.sink.children.get(0).quantity());
    }

    @Test
    void aNegativeOrInfiniteRemainingVolumeIsAnInvalidOrder() {
        final CoreFixture f = fixture(0.10, RegisteredStrategy.schedule("witness", scenario -> new Witness()));
        f.quote(0, 99.99, 100.01);
        f.core.onEvent(new EngineEvent().newOrder(0, 1, 0, Side.BUY, QTY, 10 * SECOND, 110 * SECOND, SLICES, 0,
                Double.NaN, Double.NaN, Double.NaN, 0.05, 100_000, -1));
        assertTrue(f.sink.statuses.contains("1:REJECTED"), f.sink.statuses.toString());
        f.order(2, QTY, SLICES);
        f.core.onEvent(new EngineEvent().amendOrder(5 * SECOND, 2, Double.NaN, Double.NaN, Double.NaN,
                Double.POSITIVE_INFINITY));
        assertEquals(InputAnomaly.INVALID_ORDER, f.journal.anomalies.get(f.journal.anomalies.size() - 1));
    }
}
