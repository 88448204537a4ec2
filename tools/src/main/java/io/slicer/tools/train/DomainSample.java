package io.slicer.tools.train;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.Scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A training domain measured rather than recorded: for a model whose trainer wrote none (an imported ONNX net), the
 * range, mean and standard deviation of each of its inputs while it trades a sample of a scenario's episodes itself,
 * on a training seed (never the evaluation seed). The kill switch then holds live orders to what the model met on
 * that scenario. The features are the model's own selection ({@link ExecutionFeatures#of}), computed as the engine
 * computes them.
 */
public final class DomainSample {
    private DomainSample() {
    }

    /** The domain of {@code model}'s inputs over {@code episodes} episodes of {@code scenario} from {@code seed}. */
    public static List<FeatureDomain> measure(final PolicyModel model, final Scenario scenario, final int episodes,
                                              final long seed) {
        if (episodes < 1) {
            throw new IllegalArgumentException("domain sample: expected at least 1 episode, found " + episodes);
        }
        final ExecutionFeatures features = ExecutionFeatures.of(model.card().featureNames());
        final FeatureStatistics stats = new FeatureStatistics(features.width());
        final float[] row = new float[features.width()];
        final double[] wide = new double[features.width()];
        final SliceStrategy policy = PolicyStrategy.factory("domain-sample", model).create(scenario.terms());
        final Episode episode = scenario.newEpisode();
        final SliceDecision decision = new SliceDecision();
        for (int e = 0; e < episodes; e++) {
            episode.reset(seed, e);
            while (!episode.done()) {
                features.compute(episode.context(), row);
                for (int i = 0; i < row.length; i++) {
                    wide[i] = row[i];
                }
                stats.add(wide, 0);
                policy.decide(episode.context(), decision.clear());
                episode.step(decision);
            }
        }
        final List<FeatureDomain> domain = new ArrayList<>();
        for (int i = 0; i < features.width(); i++) {
            domain.add(new FeatureDomain(features.names().get(i), stats.min(i), stats.max(i), stats.mean(i),
                    stats.std(i)));
        }
        return domain;
    }
}
