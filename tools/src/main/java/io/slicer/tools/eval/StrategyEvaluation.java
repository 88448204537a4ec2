package io.slicer.tools.eval;

/**
 * Everything measured for one strategy: per-episode samples, their statistics, the traced episode and the mean
 * schedule (average shares traded in each slice over all episodes).
 */
public record StrategyEvaluation(String name, EpisodeSamples samples, StrategyStats stats, EpisodeTrace trace,
                                 double[] meanSchedule) {
    @Override
    public double[] meanSchedule() {
        return meanSchedule.clone();
    }
}
