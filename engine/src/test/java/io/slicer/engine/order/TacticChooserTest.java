package io.slicer.engine.order;

import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.engine.strategy.StrategyRegistry;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.ModelFormatException;
import io.slicer.policy.model.Provenance;
import io.slicer.policy.seal.ModelApprovals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learned tactic chooser picks by its Q-values and refuses a card the engine cannot feed. */
class TacticChooserTest {
    /**
     * A one-layer chooser over the whole catalogue whose values are cross 0, join 1 - spread_ticks + 2, step
     * spread_ticks - 2: it steps inside a spread wider than 2 ticks and joins a narrower one.
     */
    private static PolicyModel spreadRule(final String schema, final List<String> names, final String unit) {
        final int in = names.size();
        final float[] w = new float[3 * in];
        w[in] = -1f;           // join: -spread
        w[2 * in] = 1f;        // step: +spread
        final float[] b = {0f, 2.5f, -2f};
        final List<FeatureSpec> specs = new ArrayList<>();
        for (final String n : names) {
            specs.add(new FeatureSpec(n, 0f, 1f));
        }
        final ModelCard card = new ModelCard(schema, specs, new ActionSpace.Discrete(unit, new double[] {0, 1, 2}),
                List.of(), new Provenance(TacticChooser.ALGORITHM, "hand-made", 1, "seed-1", "test", Map.of()), null,
                List.of());
        return PolicyModel.of(card, List.of(new DenseLayer(in, 3, Activation.IDENTITY, w, b)));
    }

    @Test
    void theChooserPicksTheTacticWithTheHighestValueOnTheBook() {
        final TacticChooser c = TacticChooser.of("learned:hand", spreadRule(TacticFeatures.SCHEMA_ID,
                TacticFeatures.CATALOGUE, TacticChooser.UNIT));
        // spread 3: join 2.5 - 3 = -0.5, step 3 - 2 = 1 -> step
        assertEquals(ChildTactic.STEP, c.choose(1, 100, 103, 500, 500, 100, 1.0, 1.0, 0, 0));
        // spread 1: join 1.5, step -1 -> join
        assertEquals(ChildTactic.JOIN, c.choose(1, 100, 101, 500, 500, 100, 1.0, 1.0, 0, 0));
        assertEquals(ChildTactic.JOIN, c.copy().choose(-1, 100, 101, 500, 500, 100, 1.0, 1.0, 0, 0));
    }

    @Test
    void theEngineTradesALearnedTacticOnlyUnderAnApprovalOfItsOwn(@TempDir final Path tmp) {
        final TacticChooser chooser = TacticChooser.of("learned:hand", spreadRule(TacticFeatures.SCHEMA_ID,
                TacticFeatures.CATALOGUE, TacticChooser.UNIT));
        final StrategyFactory learned = StrategyRegistry.schedules().factory("twap").withTacticChooser(chooser);
        final Path file = tmp.resolve("approvals.jsonl");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SlicerEngine.builder()
                .approvals(ModelApprovals.load(file)).strategy("twap/learned:hand", learned));
        assertTrue(e.getMessage().contains("model twap/learned:hand (tactic learned:hand) (identity "
                + chooser.model().identity() + ") is not approved for live trading"), e.getMessage());
        ModelApprovals.append(file, new ModelApprovals.Approval(chooser.model().identity(), "A. Trader",
                "2026-12-05", "hand-made rule"));
        // Approved, it registers; without approvals (tests, replay) it registers as any strategy does.
        SlicerEngine.builder().approvals(ModelApprovals.load(file)).strategy("twap/learned:hand", learned);
        SlicerEngine.builder().strategy("twap/learned:hand", learned);
    }

    @Test
    void aModelWhoseFeaturesTheEngineDoesNotComputeIsRefused() {
        final List<String> names = List.of("spread_ticks", "l1_imbalance", "microprice_ticks");
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> TacticChooser.of("learned:x", spreadRule(TacticFeatures.SCHEMA_ID, names, TacticChooser.UNIT)));
        assertTrue(e.getMessage().contains("'microprice_ticks' is not one the engine computes"), e.getMessage());
    }

    @Test
    void aSlicingPolicysCardIsNotATacticChooser() {
        final ModelFormatException schema = assertThrows(ModelFormatException.class,
                () -> TacticChooser.of("learned:x", spreadRule(ExecutionFeatures.SCHEMA_ID,
                        ExecutionFeatures.NAMES.subList(0, 6), TacticChooser.UNIT)));
        assertTrue(schema.getMessage().contains("expected 'slicer.tactic.v1'"), schema.getMessage());
        final ModelFormatException unit = assertThrows(ModelFormatException.class,
                () -> TacticChooser.of("learned:x", spreadRule(TacticFeatures.SCHEMA_ID, TacticFeatures.CATALOGUE,
                        "twap_multiple")));
        assertTrue(unit.getMessage().contains("unit 'child_tactic'"), unit.getMessage());
    }
}
