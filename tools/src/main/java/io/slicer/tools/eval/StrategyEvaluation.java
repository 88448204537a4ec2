package io.slicer.tools.eval;

import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.strategy.StrategyRegistry;

/**
 * Everything measured for one strategy: per-episode samples, their statistics, the traced episode and the mean
 * schedule (average shares traded in each slice over all episodes).
 */
public record StrategyEvaluation(String name, EpisodeSamples samples, StrategyStats stats, EpisodeTrace trace,
                                 double[] meanSchedule) {
    /** The child tactic the name ends in ({@code twap/join}: {@code join}); {@code cross} when it names none. */
    public String tactic() {
        if (name.contains(StrategyRegistry.LEARNED)) {
            return "learned";
        }
        final int slash = name.lastIndexOf('/');
        final String suffix = slash < 0 ? "" : name.substring(slash + 1);
        return ChildTactic.isTactic(suffix) ? suffix : ChildTactic.CROSS.spec();
    }

    @Override
    public double[] meanSchedule() {
        return meanSchedule.clone();
    }
}
