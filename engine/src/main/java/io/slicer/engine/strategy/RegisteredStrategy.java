package io.slicer.engine.strategy;

import io.slicer.engine.risk.TrainingDomain;

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
    }

    /** A schedule: no model, no training domain. */
    public static RegisteredStrategy schedule(final String name, final StrategyFactory factory) {
        return new RegisteredStrategy(name, factory, null);
    }

    /**
     * How a strategy joins an engine: with its factory's training domain (a learned policy's, from its card: the kill
     * switch halts an order whose features leave it by more than {@code domainSigmas} standard deviations and the
     * seen range; none for a schedule), warmed up before its first real decision.
     */
    public static RegisteredStrategy of(final String name, final StrategyFactory factory, final double domainSigmas) {
        final TrainingDomain domain = factory.trainingDomain(name, domainSigmas);
        factory.warmUp();
        return new RegisteredStrategy(name, factory, domain);
    }
}
