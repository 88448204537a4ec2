package io.slicer.engine.core;

import io.slicer.engine.decision.ActionMapping;
import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.risk.TrainingDomain;
import io.slicer.engine.strategy.SliceStrategy;
import io.slicer.engine.strategy.StrategyFactory;
import io.slicer.policy.ActionSpace;
import io.slicer.policy.FeatureDomain;
import io.slicer.policy.InferenceContext;
import io.slicer.policy.PolicyModel;

import java.util.List;

/**
 * A learned model (DQN or IQL) as the live engine runs it: the same features, forward pass and
 * {@link ActionMapping} as {@link io.slicer.engine.strategy.PolicyStrategy}, and in addition it exposes the raw
 * network output so the journal records what the network said, and its action count so the kill switch can check
 * the action. {@link #register} checks the model's feature schema against the engine's and takes the training
 * domain from its model card.
 *
 * <p>One instance per order (it owns an {@link InferenceContext}). Allocation-free after construction.
 */
public final class ModelPolicy implements SliceStrategy, InspectablePolicy {
    private final String name;
    private final InferenceContext inference;
    private final ActionMapping.Unit unit;
    private final ActionSpace.Discrete discrete;
    private final float[] input;
    private final float[] output;

    public ModelPolicy(final String name, final PolicyModel model) {
        model.requireFeatures(ExecutionFeatures.SCHEMA_ID, ExecutionFeatures.NAMES);
        this.name = name;
        this.inference = model.newContext();
        this.input = inference.input();
        this.output = inference.output();
        final ActionSpace space = model.card().actionSpace();
        this.unit = ActionMapping.Unit.of(space.unit());
        this.discrete = space instanceof ActionSpace.Discrete d ? d : null;
    }

    /**
     * A registration for the engine: refuses a model whose feature schema is not the engine's, and halts orders
     * whose features leave the card's training domain by more than {@code sigmas} standard deviations.
     */
    public static RegisteredStrategy register(final String name, final PolicyModel model, final double sigmas) {
        model.requireFeatures(ExecutionFeatures.SCHEMA_ID, ExecutionFeatures.NAMES);
        final StrategyFactory factory = scenario -> new ModelPolicy(name, model);
        return new RegisteredStrategy(name, factory, trainingDomain(name, model, sigmas));
    }

    /** The card's training domain in {@link ExecutionFeatures#NAMES} order; a missing feature is an error. */
    public static TrainingDomain trainingDomain(final String name, final PolicyModel model, final double sigmas) {
        final List<FeatureDomain> domain = model.card().trainingDomain();
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
            mean[i] = d.mean();
            std[i] = d.std();
        }
        return new TrainingDomain(mean, std, sigmas);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void begin(final DecisionContext ctx) {
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        ExecutionFeatures.build(ctx, input);
        inference.forward();
        if (discrete != null) {
            final int index = inference.argmax();
            final double value = discrete.value(index);
            ActionMapping.apply(unit, value, ctx, out);
            out.action(index, value);
        } else {
            final double value = inference.continuousAction();
            ActionMapping.apply(unit, value, ctx, out);
            out.action(-1, value);
        }
    }

    @Override
    public int copyRawOutput(final float[] dst) {
        final int n = Math.min(dst.length, output.length);
        System.arraycopy(output, 0, dst, 0, n);
        return n;
    }

    @Override
    public int actionCount() {
        return discrete != null ? discrete.size() : -1;
    }
}
