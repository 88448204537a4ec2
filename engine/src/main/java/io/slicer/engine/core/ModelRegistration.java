package io.slicer.engine.core;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.risk.TrainingDomain;
import io.slicer.engine.strategy.PolicyStrategy;
import io.slicer.policy.FeatureDomain;
import io.slicer.policy.PolicyModel;

import java.util.List;

/**
 * How a learned model (DQN or IQL) joins the live engine: its feature schema must be the engine's
 * ({@link ExecutionFeatures}), its model card must give the training domain of every feature (the kill switch halts an
 * order whose features leave it), and its kernel is warmed up before the first real decision. The decisions themselves
 * are made by {@link PolicyStrategy}, the same class the simulator and the evaluation use.
 */
public final class ModelRegistration {
    /**
     * Forward passes run at registration. The Vector API kernel allocates temporary vectors until C2 has compiled
     * it, and a live order decides only once per slice, far too rarely to get there on its own: so the engine pays
     * the compile before trading, not on the hot path.
     */
    public static final int WARM_UP_PASSES = 300_000;

    private ModelRegistration() {
    }

    /**
     * A registration for the engine: refuses a model whose feature schema is not the engine's, and halts orders
     * whose features leave the card's training domain: beyond {@code sigmas} standard deviations of the
     * training mean and outside the range the trainer saw ({@link TrainingDomain}).
     */
    public static RegisteredStrategy register(final String name, final PolicyModel model, final double sigmas) {
        model.requireFeatures(ExecutionFeatures.SCHEMA_ID, ExecutionFeatures.NAMES);
        final TrainingDomain domain = trainingDomain(name, model, sigmas);
        model.newContext().warmUp(WARM_UP_PASSES);
        return new RegisteredStrategy(name, PolicyStrategy.factory(name, model), domain);
    }

    /** The card's training domain in {@link ExecutionFeatures#NAMES} order; a missing feature is an error. */
    public static TrainingDomain trainingDomain(final String name, final PolicyModel model, final double sigmas) {
        final List<FeatureDomain> domain = model.card().trainingDomain();
        final double[] min = new double[ExecutionFeatures.COUNT];
        final double[] max = new double[ExecutionFeatures.COUNT];
        final double[] mean = new double[ExecutionFeatures.COUNT];
        final double[] std = new double[ExecutionFeatures.COUNT];
        for (int i = 0; i < ExecutionFeatures.COUNT; i++) {
            final String feature = ExecutionFeatures.NAMES.get(i);
            final FeatureDomain d = domain == null ? null
                    : domain.stream().filter(x -> x.name().equals(feature)).findFirst().orElse(null);
            if (d == null) {
                throw new IllegalArgumentException("model '" + name + "': model card has no training domain for"
                        + " feature '" + feature + "'; the kill switch needs mean and std of every feature in "
                        + ExecutionFeatures.NAMES);
            }
            min[i] = d.min();
            max[i] = d.max();
            mean[i] = d.mean();
            std[i] = d.std();
        }
        return new TrainingDomain(min, max, mean, std, sigmas);
    }
}
