package io.slicer.policy.model;

import java.util.Locale;

/**
 * The element-wise function after a dense layer. Tanh and sigmoid are evaluated with {@link StrictMath} so a replay
 * on another JDK (whose {@code Math.tanh} intrinsic may differ in the last bit) gives the same decision.
 */
public enum Activation {
    RELU, TANH, SIGMOID, IDENTITY;

    /** The lower-case name used in model cards and ONNX operator lists ("relu", "tanh", ...). */
    public String cardName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a card name; throws {@link IllegalArgumentException} naming the accepted values. */
    public static Activation fromCardName(final String name) {
        for (final Activation a : values()) {
            if (a.cardName().equals(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown activation '" + name + "', expected one of relu, tanh, sigmoid, identity");
    }

    /** Applies this activation to one value. Allocation-free. */
    public float apply(final float x) {
        switch (this) {
            case RELU:
                return x > 0f ? x : 0f;
            case TANH:
                return (float) StrictMath.tanh(x);
            case SIGMOID:
                return (float) (1.0 / (1.0 + StrictMath.exp(-(double) x)));
            default:
                return x;
        }
    }

    /** The same function in double precision, for reference computations in tests and tools. */
    public double applyExact(final double x) {
        switch (this) {
            case RELU:
                return x > 0 ? x : 0;
            case TANH:
                return StrictMath.tanh(x);
            case SIGMOID:
                return 1.0 / (1.0 + StrictMath.exp(-x));
            default:
                return x;
        }
    }
}
