package io.slicer.tools.sim.historical;

/**
 * Told, for each slice's child of a training episode ({@link HistoricalScenario#newTrainingEpisode}), its tactic
 * features ({@link io.slicer.engine.order.TacticFeatures#ALL}) and what each candidate tactic would have cost it, in
 * bps of the slice's mid. Both arrays are reused: copy what you keep.
 */
@FunctionalInterface
public interface TacticSampleSink {
    void child(float[] features, double[] costBps);
}
