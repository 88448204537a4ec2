package io.slicer.policy.model;

import java.util.List;

/**
 * Everything about a model except its weights: the feature schema it expects (ordered names and normalisation), what
 * its output means, its layers ("dense 8->64 relu"), where it came from, the SHA-256 of its weights file, and the
 * range each feature had in training. Serialised as {@code model.json} next to {@code model.safetensors}.
 *
 * <p>{@code layers} and {@code weightsSha256} may be left empty/null by a trainer: {@code PolicyModel.of} derives
 * them from the weights.
 */
public record ModelCard(String featureSchemaId, List<FeatureSpec> features, ActionSpace actionSpace,
                        List<String> layers, Provenance provenance, String weightsSha256,
                        List<FeatureDomain> trainingDomain) {
    public ModelCard {
        features = features == null ? List.of() : List.copyOf(features);
        layers = layers == null ? List.of() : List.copyOf(layers);
        trainingDomain = trainingDomain == null ? List.of() : List.copyOf(trainingDomain);
    }

    /** The feature names in input order. */
    public List<String> featureNames() {
        return features.stream().map(FeatureSpec::name).toList();
    }

    /** This card with the layer shapes and the weights' SHA-256 that {@code PolicyModel} derives from the weights. */
    public ModelCard withLayersAndSha(final List<String> newLayers, final String sha) {
        return new ModelCard(featureSchemaId, features, actionSpace, newLayers, provenance, sha, trainingDomain);
    }
}
