package io.slicer.policy.model;

/** One model input and its normalisation, applied before the first layer: x' = (x - mean) / scale. */
public record FeatureSpec(String name, float mean, float scale) {
}
