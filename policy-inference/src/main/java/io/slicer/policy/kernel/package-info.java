/**
 * The forward pass of a dense policy network: {@link ForwardKernel} over the immutable numbers of a
 * {@link DenseNetwork}, as the portable {@link ScalarKernel} or the Vector API {@link VectorKernel}, chosen by
 * {@link Kernels}. Each kernel fixes its summation order, so the same input gives the same bits on every run, and is
 * allocation-free after construction (the buffers belong to the caller's {@link io.slicer.policy.InferenceContext}).
 * <p>Depends only on {@link io.slicer.policy.model} (layers and activations, validated by the model that holds them)
 * and the JDK; used by {@link io.slicer.policy}'s contexts, by {@link io.slicer.policy.onnx} and by the tools' model
 * command.
 */
package io.slicer.policy.kernel;
