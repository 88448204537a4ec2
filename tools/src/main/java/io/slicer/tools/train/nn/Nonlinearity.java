package io.slicer.tools.train.nn;

/**
 * The element-wise activations a trainable layer applies; the same four the policy kernel evaluates, so a trained
 * network exports one-to-one. Derivatives are expressed through the activation's output {@code y}, which is all the
 * backward pass keeps.
 */
public enum Nonlinearity {
    RELU, TANH, SIGMOID, IDENTITY;

    double apply(final double z) {
        switch (this) {
            case RELU:
                return z > 0 ? z : 0.0;
            case TANH:
                return Math.tanh(z);
            case SIGMOID:
                return 1.0 / (1.0 + Math.exp(-z));
            default:
                return z;
        }
    }

    /** dy/dz given y. ReLU's kink at 0 takes derivative 0, as PyTorch does. */
    double derivativeFromOutput(final double y) {
        switch (this) {
            case RELU:
                return y > 0 ? 1.0 : 0.0;
            case TANH:
                return 1.0 - y * y;
            case SIGMOID:
                return y * (1.0 - y);
            default:
                return 1.0;
        }
    }
}
