package io.slicer.engine.strategy;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.Side;
import io.slicer.engine.testing.AllocationMeter;
import io.slicer.policy.KernelKind;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.ModelFormatException;
import io.slicer.policy.model.Provenance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PolicyStrategyTest {
    /** A one-layer identity-activation model: output 0 = time_remaining, 1 = 2 * inventory_remaining, 2 = 0.5. */
    private static PolicyModel model(final ActionSpace space, final List<String> names) {
        final int outputs = space instanceof ActionSpace.Discrete d ? d.size() : 1;
        final float[] w = new float[outputs * 8];
        final float[] b = new float[outputs];
        w[0] = 1f;
        if (outputs > 1) {
            w[8 + 1] = 2f;
            b[2] = 0.5f;
        }
        final List<FeatureSpec> specs = new ArrayList<>();
        for (final String n : names) {
            specs.add(new FeatureSpec(n, 0f, 1f));
        }
        final ModelCard card = new ModelCard(ExecutionFeatures.SCHEMA_ID, specs, space, List.of(),
                new Provenance("test", "none", 1, "seed-1", "dev", Map.of()), null, List.of());
        return PolicyModel.of(card, List.of(new DenseLayer(8, outputs, Activation.IDENTITY, w, b)));
    }

    private static DecisionContext order() {
        return new DecisionContext().beginOrder(Side.BUY, 1000, 50.0, 10, 0.1);
    }

    @Test
    void discretePolicyTradesItsArgmaxActionAndRecordsIt() {
        final PolicyModel m = model(new ActionSpace.Discrete("twap_multiple", new double[] {0.5, 1.0, 2.0}),
                ExecutionFeatures.NAMES);
        final PolicyStrategy s = new PolicyStrategy("dqn:test", m);
        final DecisionContext ctx = order();
        final SliceDecision out = new SliceDecision();
        s.begin(ctx);
        s.decide(ctx, out.clear());
        assertEquals(1, out.actionIndex(), "2 * inventory (2.0) beats time (1.0) and 0.5");
        assertEquals(1.0, out.actionValue());
        assertEquals(100, out.shares(), "one TWAP slice of 1000 over 10");
    }

    @Test
    void aCappedOrderIsRaisedToTheFeasibilityFloorWhileTheJournalKeepsThePolicysAction() {
        final PolicyModel m = model(new ActionSpace.Discrete("twap_multiple", new double[] {0.5, 1.0, 2.0}),
                ExecutionFeatures.NAMES);
        final PolicyStrategy s = new PolicyStrategy("dqn:test", m);
        // Two slices left with 500 shares; the last can absorb 10% of half its 1,000 expected volume = 50.
        final DecisionContext ctx = order().slice(8).remaining(500).expectedSliceVolume(1000)
                .expectedRemainingVolume(2000).participationLimit(0.10);
        final SliceDecision out = new SliceDecision();
        s.decide(ctx, out.clear());
        assertEquals(1, out.actionIndex(), "2 * inventory (1.0) beats time (0.2) and 0.5");
        assertEquals(1.0, out.actionValue(), "the policy asked for one TWAP slice, 250 shares");
        assertEquals(450, out.shares(), "the floor: 500 - 50");
    }

    @Test
    void continuousPolicyMapsTheSquashedMeanToAParticipationCap() {
        final PolicyModel m = model(new ActionSpace.Continuous("participation", 0.0, 0.2), ExecutionFeatures.NAMES);
        final PolicyStrategy s = new PolicyStrategy("iql:test", m);
        final DecisionContext ctx = order();
        final SliceDecision out = new SliceDecision();
        s.decide(ctx, out.clear());
        final double expected = (Math.tanh(1.0) + 1) / 2 * 0.2;
        assertEquals(expected, out.participationCap(), 1e-6);
        assertEquals(1000, out.shares());
        assertEquals(-1, out.actionIndex());
    }

    @Test
    void refusesAModelWithAnotherFeatureSchema() {
        final List<String> names = new ArrayList<>(ExecutionFeatures.NAMES);
        names.set(4, "volume_surprise");
        final PolicyModel m = model(new ActionSpace.Discrete("twap_multiple", new double[] {1.0}), names);
        assertThrows(ModelFormatException.class, () -> new PolicyStrategy("dqn:bad", m));
    }

    @Test
    void decidingAllocatesNothingAfterWarmUpWithTheScalarKernel() {
        assertNoAllocation(KernelKind.SCALAR);
    }

    @Test
    void decidingAllocatesNothingAfterWarmUpWithTheDefaultKernel() {
        assertNoAllocation(KernelKind.AUTO);
    }

    private static void assertNoAllocation(final KernelKind kernel) {
        final PolicyModel m = model(new ActionSpace.Discrete("fraction_of_remaining", new double[] {0.1, 0.2, 0.5}),
                ExecutionFeatures.NAMES);
        final PolicyStrategy s = new PolicyStrategy("dqn:test", m, kernel);
        final DecisionContext ctx = order();
        final SliceDecision out = new SliceDecision();
        // The vector kernel needs a few hundred thousand calls before C2 has removed its temporary vectors.
        AllocationMeter.assertAllocationFree("100,000 decisions", 3, () -> {
            for (int i = 0; i < 100_000; i++) {
                s.decide(ctx, out.clear());
            }
        });
    }

    @Test
    void aCardsOwnFeaturesInItsOwnOrderFeedTheNetwork() {
        // One identity layer reading input 1 only: the card puts the raw mid there.
        final float[] w = new float[2];
        w[1] = 1f;
        final ModelCard card = new ModelCard(ExecutionFeatures.SCHEMA_ID, List.of(new FeatureSpec("time_elapsed", 0f,
                1f), new FeatureSpec("mid", 0f, 1f)), new ActionSpace.Continuous("participation", -0.2, 0.2),
                List.of(), new Provenance("test", "none", 1, null, null, Map.of()), null, List.of());
        final PolicyStrategy s = new PolicyStrategy("model:raw", PolicyModel.of(card,
                List.of(new DenseLayer(2, 1, Activation.IDENTITY, w, new float[] {-50f}))));
        final DecisionContext ctx = order().market(50.25, 0.01, 0.1);
        final SliceDecision out = new SliceDecision();
        s.decide(ctx, out.clear());
        final float[] raw = new float[1];
        s.copyRawOutput(raw);
        assertEquals(0.25f, raw[0], "mid 50.25 - 50");
        assertEquals(-0.2 + (Math.tanh(0.25) + 1) / 2 * 0.4, out.actionValue(), 1e-12);
    }

    @Test
    void aRateAtOrBelowZeroFromASymmetricActorTradesNothing() {
        final ModelCard card = new ModelCard(ExecutionFeatures.SCHEMA_ID, List.of(new FeatureSpec("mid", 0f, 1f)),
                new ActionSpace.Continuous("participation", -0.2, 0.2), List.of(),
                new Provenance("test", "none", 1, null, null, Map.of()), null, List.of());
        final PolicyStrategy s = new PolicyStrategy("model:wait", PolicyModel.of(card,
                List.of(new DenseLayer(1, 1, Activation.IDENTITY, new float[] {-1f}, new float[] {0f}))));
        final SliceDecision out = new SliceDecision();
        s.decide(order(), out.clear());
        assertEquals(0, out.shares());
        assertEquals(0.0, out.participationCap());
        assertEquals(-0.2 * Math.tanh(50.0), out.actionValue(), 1e-12);
    }
}
