/**
 * A model on disk, byte-deterministic both ways: weights as safetensors ({@link SafetensorsReader},
 * {@link SafetensorsWriter}, layout in {@link SafetensorsDescriptor}, PyTorch names in {@link TorchLinearLayout}) and
 * the card as {@code model.json} ({@link ModelCardJson}, weights pinned by {@link Sha256}). Readers believe nothing in
 * a file and name the file, tensor or field that is wrong.
 * <p>Depends only on {@link io.slicer.policy.model} (the card and layer types it reads into) and Jackson; used by
 * {@link io.slicer.policy.PolicyModel}'s load and save, by {@link io.slicer.policy.onnx} and by the tools' model
 * command. Not on the hot path.
 */
package io.slicer.policy.io;
