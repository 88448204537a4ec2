package io.slicer.tools.train;

import io.slicer.engine.decision.ActionMapping;
import io.slicer.tools.train.nn.Mlp;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a trainer hands over: the network, the input normalisation and training domain it was trained with, its action
 * space, and the facts provenance needs. {@link ModelExport} turns it into a policy-inference model file.
 *
 * @param network       maps normalised features to Q-values (discrete) or the actor's pre-squash mean (continuous)
 * @param actionValues  discrete action values in {@code unit}, or null for a continuous action in [low, high]
 * @param extra         further provenance (hyper-parameters, measured validation cost), sorted for determinism
 */
public record TrainedPolicy(String algorithm, String scenario, long seed, Mlp network, Normalizer normalizer,
                            FeatureStatistics domain, ActionMapping.Unit unit, double[] actionValues, double low,
                            double high, TreeMap<String, String> extra, LearningCurve curve) {
    public boolean discrete() {
        return actionValues != null;
    }

    public Map<String, String> provenanceExtra() {
        return extra;
    }
}
