package io.slicer.journal;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.Provenance;
import io.slicer.policy.seal.ModelKeys;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/** A small deterministic DQN-style model (8 features -> 3 Q-values over TWAP multiples) saved for the tests. */
public final class TestModels {
    private TestModels() {
    }

    public static Path saveTwapMultipleModel(final Path dir) {
        final int inputs = ExecutionFeatures.COUNT;
        final float[] weight = new float[3 * inputs];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = ((i * 7) % 11 - 5) / 10f;
        }
        final float[] bias = {0.1f, 0.3f, 0.2f};
        PolicyModel.of(wideCard(new double[]{0.5, 1.0, 1.5}),
                List.of(new DenseLayer(inputs, 3, Activation.IDENTITY, weight, bias)))
                .save(dir, ModelKeys.signingKey(ModelKeys.directory(), notice -> { }));
        return dir;
    }

    /**
     * A DQN-shaped model whose argmax is always action 0, "trade 0 x TWAP this slice": under a participation limit
     * only the feasibility floor makes it trade, so every slice it sends is the floor.
     */
    public static Path saveHoldBackModel(final Path dir) {
        final int inputs = ExecutionFeatures.COUNT;
        PolicyModel.of(wideCard(new double[]{0.0, 1.0}), List.of(new DenseLayer(inputs, 2, Activation.IDENTITY,
                new float[2 * inputs], new float[]{1f, 0f})))
                .save(dir, ModelKeys.signingKey(ModelKeys.directory(), notice -> { }));
        return dir;
    }

    /**
     * A card over the engine's features with "twap_multiple" actions {@code multiples}. The engine refuses a model
     * without a training domain; this one is wide enough never to halt a test day.
     */
    private static ModelCard wideCard(final double[] multiples) {
        final List<FeatureSpec> features = new ArrayList<>();
        final List<FeatureDomain> domain = new ArrayList<>();
        for (final String name : ExecutionFeatures.NAMES) {
            features.add(new FeatureSpec(name, 0f, 1f));
            domain.add(new FeatureDomain(name, -1e6, 1e6, 0.0, 1e6));
        }
        return new ModelCard(ExecutionFeatures.SCHEMA_ID, features, new ActionSpace.Discrete("twap_multiple", multiples),
                null, new Provenance("dqn", "journal-test", 1, "2026-01-01T00:00:00Z", "test", new TreeMap<>()), null,
                domain);
    }
}
