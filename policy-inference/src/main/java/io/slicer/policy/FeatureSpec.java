package io.slicer.policy;

/** One model input and its normalisation, applied before the first layer: x' = (x - mean) / scale. */
public record FeatureSpec(String name, float mean, float scale) {
}
