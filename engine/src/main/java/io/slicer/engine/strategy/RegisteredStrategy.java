package io.slicer.engine.strategy;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.engine.risk.TrainingDomain;
import io.slicer.policy.PolicyModel;

import java.util.Objects;

/**
 * A strategy an engine runs, as registered at build time: a new order names it by index. {@code domain} is a learned
 * policy's training domain (null for schedules): the kill switch halts an order whose features leave it.
 */
public record RegisteredStrategy(String name, StrategyFactory factory, TrainingDomain domain) {
    /**
     * Forward passes run when a learned policy joins an engine. The Vector API kernel allocates temporary vectors until
     * C2 has compiled it, and a live order decides only once per slice, far too rarely to get there on its own: so
     * the engine pays the compile before trading, not on the hot path.
     */
    public static final int WARM_UP_PASSES = 300_000;

    public RegisteredStrategy {
        Objects.requireNonNull(name, "strategy name");
        Objects.requireNonNull(factory, "strategy factory of " + name);
        if (domain != null && domain.width() != ExecutionFeatures.COUNT) {
            throw new IllegalArgumentException("strategy " + name + ": training domain has " + domain.width()
                    + " features, the engine builds " + ExecutionFeatures.COUNT + " " + ExecutionFeatures.NAMES);
        }
    }

    /** A schedule: no model, no training domain. */
    public static RegisteredStrategy schedule(final String name, final StrategyFactory factory) {
        return new RegisteredStrategy(name, factory, null);
    }

    /**
     * How a strategy joins an engine. A learned policy ({@link PolicyStrategy.Factory}) must compute the engine's
     * features ({@link ExecutionFeatures}) and give the training domain of every one in its card (the kill switch halts
     * an order whose features leave it by more than {@code domainSigmas} standard deviations and the seen range), and
     * its kernel is warmed up here, before the first real decision. A schedule joins as it is.
     */
    public static RegisteredStrategy of(final String name, final StrategyFactory factory, final double domainSigmas) {
        if (factory instanceof PolicyStrategy.Factory policy) {
            final PolicyModel model = policy.model();
            model.requireFeatures(ExecutionFeatures.SCHEMA_ID, ExecutionFeatures.NAMES);
            final TrainingDomain domain = TrainingDomain.of(name, model.card(), domainSigmas);
            model.newContext().warmUp(WARM_UP_PASSES);
            return new RegisteredStrategy(name, factory, domain);
        }
        return new RegisteredStrategy(name, factory, null);
    }
}
