/**
 * What a policy model is, as values: its {@link ModelCard} (the features it reads, as {@link FeatureSpec}s, its
 * {@link ActionSpace}, its {@link Provenance} and the training domain of each feature, a {@link FeatureDomain}), its
 * {@link DenseLayer}s and their {@link Activation}s, and the {@link ModelFormatException} every reader throws, naming
 * what was expected, what was found and where.
 * <p>Depends on nothing but the JDK; every other package of policy-inference, the engine, the journal and the tools
 * use it. Immutable types, validated where they are built.
 */
package io.slicer.policy.model;
