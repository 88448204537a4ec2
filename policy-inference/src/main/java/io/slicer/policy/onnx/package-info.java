/**
 * ONNX import and export of an MLP policy: {@link OnnxModelReader} recognises the graphs {@code torch.onnx.export}
 * writes into an {@link OnnxGraph}, {@link OnnxImport} turns one into a {@link io.slicer.policy.PolicyModel} with a
 * card, and {@link OnnxModelWriter} exports a model byte-deterministically. The protobuf subset is spelled out in
 * {@link OnnxDescriptor} and encoded by the package's own {@code ProtoReader} and {@code ProtoWriter}, with no protobuf
 * library.
 * <p>Depends on {@link io.slicer.policy}, {@link io.slicer.policy.model}, {@link io.slicer.policy.io} and
 * {@link io.slicer.policy.kernel}; nothing else
 * in policy-inference depends on it. Used by the tools' model command and the kernel benchmarks. Offline only.
 */
package io.slicer.policy.onnx;
