/**
 * Policy inference: a learned slicing policy loaded, validated and run. {@link PolicyModel} is a validated network and
 * its {@link ModelCard} (feature schema, {@link ActionSpace}, layers, {@link Provenance}, training domain as
 * {@link FeatureDomain}s); each thread runs it through its own {@link InferenceContext}, allocation-free after
 * construction. {@link ModelFormatException} says what was expected, what was found and where.
 * <p>The bottom module: it depends on nothing of Slicer (Jackson only) and never on the engine. Its file formats
 * ({@link io.slicer.policy.io}) and forward kernels ({@link io.slicer.policy.kernel}) share this package's types in
 * both directions; the engine's risk, strategy and api packages, the journal, the tools and the benchmarks depend on
 * it.
 */
package io.slicer.policy;
