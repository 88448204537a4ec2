package io.slicer.policy.model;

import java.util.List;

/**
 * Everything about a model except its weights: the feature schema it expects (ordered names and normalisation), what
 * its output means, its layers ("dense 8->64 relu"), where it came from, the SHA-256 of its weights file, and the
 * range each feature had in training. Serialised as {@code model.json} next to {@code model.safetensors}.
 *
 * <p>{@code layers} and {@code weightsSha256} may be left empty/null by a trainer: {@code PolicyModel.of} derives
 * them from the weights. {@code modules} names, in layer order, the tensor prefixes that are the layers ({@code l1},
 * {@code l2}, {@code mean}) when the weights file holds more than the network (an actor's exploration head): empty
 * means every {@code .weight} tensor is a layer, in natural order.
 */
public record ModelCard(String featureSchemaId, List<FeatureSpec> features, ActionSpace actionSpace,
                        List<String> layers, Provenance provenance, String weightsSha256,
                        List<FeatureDomain> trainingDomain, List<String> modules) {
    public ModelCard {
        features = features == null ? List.of() : List.copyOf(features);
        layers = layers == null ? List.of() : List.copyOf(layers);
        trainingDomain = trainingDomain == null ? List.of() : List.copyOf(trainingDomain);
        modules = modules == null ? List.of() : List.copyOf(modules);
    }

    /** A card whose layers are every {@code .weight} tensor of the file (no {@code modules}). */
    public ModelCard(final String featureSchemaId, final List<FeatureSpec> features, final ActionSpace actionSpace,
                     final List<String> layers, final Provenance provenance, final String weightsSha256,
                     final List<FeatureDomain> trainingDomain) {
        this(featureSchemaId, features, actionSpace, layers, provenance, weightsSha256, trainingDomain, List.of());
    }

    /** True when some feature is shifted or scaled before the first layer. */
    public boolean normalises() {
        for (final FeatureSpec f : features) {
            if (f.mean() != 0f || f.scale() != 1f) {
                return true;
            }
        }
        return false;
    }

    /** This card with another training domain (one entry per feature, in feature order). */
    public ModelCard withTrainingDomain(final List<FeatureDomain> domain) {
        return new ModelCard(featureSchemaId, features, actionSpace, layers, provenance, weightsSha256, domain,
                modules);
    }

    /** The feature names in input order. */
    public List<String> featureNames() {
        return features.stream().map(FeatureSpec::name).toList();
    }

    /** This card with the layer shapes and the weights' SHA-256 that {@code PolicyModel} derives from the weights. */
    public ModelCard withLayersAndSha(final List<String> newLayers, final String sha) {
        return new ModelCard(featureSchemaId, features, actionSpace, newLayers, provenance, sha, trainingDomain,
                modules);
    }
}
