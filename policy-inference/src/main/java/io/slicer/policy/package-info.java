/**
 * Policy inference: a learned slicing policy loaded, validated and run. {@link PolicyModel} is a validated network and
 * its {@link io.slicer.policy.model.ModelCard} (feature schema, action space, layers, provenance, training domain);
 * each thread runs it through its own {@link InferenceContext}, allocation-free after construction, on the
 * {@link KernelKind} chosen for it.
 * <p>The bottom module: it depends on nothing of Slicer (Jackson only) and never on the engine. The packages form a
 * tree with no cycle ({@code PolicyPackagesTest} pins it): {@link io.slicer.policy.model} (the value types) at the
 * bottom; {@link io.slicer.policy.io} (file formats) and {@link io.slicer.policy.kernel} (forward kernels) on it; this
 * package on those three; {@link io.slicer.policy.onnx} on all of them. The engine's risk, strategy and api packages,
 * the journal, the tools and the benchmarks depend on it.
 */
package io.slicer.policy;
