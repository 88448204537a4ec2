package io.slicer.policy.model;

/**
 * What the trainer saw for one feature: min, max, mean and standard deviation over the training data. The kill switch
 * compares live features against it to notice a policy being asked about a market it never saw.
 */
public record FeatureDomain(String name, double min, double max, double mean, double std) {
}
