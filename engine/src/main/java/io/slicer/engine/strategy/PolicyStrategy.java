package io.slicer.engine.strategy;

import io.slicer.engine.decision.ActionMapping;
import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.decision.ParticipationFeasibility;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.order.OrderTerms;
import io.slicer.engine.risk.TrainingDomain;
import io.slicer.policy.InferenceContext;
import io.slicer.policy.KernelKind;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;

/**
 * A learned policy (a DQN or IQL model file, or any imported model with a card) as a slicing strategy: the features
 * its card names, computed by the card's {@link ExecutionFeatures} selection into the kernel's input, one forward pass, the action (argmax of the Q-values, or the actor's squashed mean) mapped to
 * shares by {@link ActionMapping} in the unit the model card names, then raised to the
 * {@link ParticipationFeasibility} floor when the order has a participation limit (so a policy can never hold back
 * more than the limit lets it finish). The decision records the policy's own action index and value for the journal
 * (its shares and cap are what is sent, so the two differ exactly when the floor bound), and
 * {@link InspectablePolicy} exposes the raw network output behind it.
 *
 * <p>The constructor refuses a model whose feature schema id is not {@link ExecutionFeatures#SCHEMA_ID} or whose
 * card names a feature outside the catalogue. One instance per
 * order and thread (it owns an {@link InferenceContext}); no state between decisions: everything the policy uses is in
 * the context. Allocation-free after construction.
 */
public final class PolicyStrategy implements SliceStrategy, InspectablePolicy {
    private final String name;
    private final InferenceContext inference;
    private final ActionMapping.Unit unit;
    private final ActionSpace.Discrete discrete;
    private final ExecutionFeatures features;
    private final boolean feasibilityFloor;
    private final float[] input;
    private final float[] output;

    public PolicyStrategy(final String name, final PolicyModel model) {
        this(name, model, KernelKind.AUTO);
    }

    /** With an explicit forward kernel (tests and benchmarks compare them). */
    public PolicyStrategy(final String name, final PolicyModel model, final KernelKind kernel) {
        this(model, engineFeatures(model), name, kernel, true);
    }

    /** For a model already checked ({@link Factory}: once per model, not once per order). */
    private PolicyStrategy(final PolicyModel model, final ExecutionFeatures features, final String name,
                           final KernelKind kernel, final boolean feasibilityFloor) {
        this.name = name;
        this.features = features;
        this.feasibilityFloor = feasibilityFloor;
        this.inference = model.newContext(kernel);
        this.input = inference.input();
        this.output = inference.output();
        final ActionSpace space = model.card().actionSpace();
        this.unit = ActionMapping.Unit.of(space.unit());
        this.discrete = space instanceof ActionSpace.Discrete d ? d : null;
    }

    /** The card's inputs compiled against the catalogue; refuses another schema or an unknown feature name. */
    private static ExecutionFeatures engineFeatures(final PolicyModel model) {
        model.requireSchema(ExecutionFeatures.SCHEMA_ID);
        return ExecutionFeatures.of(model.card().featureNames());
    }

    /** A factory that loads nothing: every strategy it makes shares the immutable model. */
    public static Factory factory(final String name, final PolicyModel model) {
        return new Factory(name, model, true);
    }

    /**
     * A factory whose policies are not raised to the {@link ParticipationFeasibility} floor: for reproducing a
     * seed's policy exactly as its own environment ran it (no such floor there), never for a desk's order.
     */
    public static Factory reproductionFactory(final String name, final PolicyModel model) {
        return new Factory(name, model, false);
    }

    /**
     * Makes a {@link PolicyStrategy} per order, all sharing one immutable model; refuses, when made, a model whose
     * feature schema is not {@link ExecutionFeatures}. Gives the engine the card's training domain and warms the
     * kernel up when the policy is registered ({@link RegisteredStrategy#of}).
     */
    public static final class Factory implements StrategyFactory {
        private final String name;
        private final PolicyModel model;
        private final ExecutionFeatures features;
        private final boolean feasibilityFloor;

        private Factory(final String name, final PolicyModel model, final boolean feasibilityFloor) {
            this.name = name;
            this.model = model;
            this.features = engineFeatures(model);
            this.feasibilityFloor = feasibilityFloor;
        }

        @Override
        public PolicyStrategy create(final OrderTerms terms) {
            return new PolicyStrategy(model, features, name, KernelKind.AUTO, feasibilityFloor);
        }

        /** The model this factory runs. */
        public PolicyModel model() {
            return model;
        }

        /** The model's identity (card and weights), what an approval names. */
        @Override
        public String modelIdentity() {
            return model.identity();
        }

        /** The model card's training domain of every feature it names. */
        @Override
        public TrainingDomain trainingDomain(final String registeredName, final double domainSigmas) {
            return TrainingDomain.of(registeredName, model.card(), domainSigmas);
        }

        /** Forward passes until C2 has compiled the kernel ({@link RegisteredStrategy#WARM_UP_PASSES}). */
        @Override
        public void warmUp() {
            model.newContext().warmUp(RegisteredStrategy.WARM_UP_PASSES);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void decide(final DecisionContext ctx, final SliceDecision out) {
        features.compute(ctx, input);
        inference.forward();
        if (discrete != null) {
            final int index = inference.argmax();
            final double value = discrete.value(index);
            ActionMapping.apply(unit, value, ctx, out);
            if (feasibilityFloor) {
                ParticipationFeasibility.apply(ctx, out);
            }
            out.action(index, value);
        } else {
            final double value = inference.continuousAction();
            ActionMapping.apply(unit, value, ctx, out);
            if (feasibilityFloor) {
                ParticipationFeasibility.apply(ctx, out);
            }
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
