package io.slicer.engine.strategy;

/**
 * Optional interface of a {@link SliceStrategy} backed by a model: lets the engine journal
 * the raw network output behind each decision and check its action index. Schedules need not implement it.
 */
public interface InspectablePolicy {
    /** Copies the last decision's raw output (Q-values or actor mean) into {@code dst}; returns how many values. */
    int copyRawOutput(float[] dst);

    /** Number of discrete actions, or -1 for a continuous action space. */
    int actionCount();
}
