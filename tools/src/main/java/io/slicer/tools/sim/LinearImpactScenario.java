package io.slicer.tools.sim;

import io.slicer.engine.order.MarketImpact;
import io.slicer.engine.order.OrderTerms;

import java.util.Objects;

/**
 * A {@link Scenario} of the linear-impact market described by one {@link MarketParams}. Immutable and thread-safe.
 *
 * <p>Beyond the {@link Scenario} contract it exposes what a dynamic-programming solver or the Almgren-Chriss closed
 * form needs: {@link #params()} (sigma per unit time, drift, horizon, the regime chain).
 */
public final class LinearImpactScenario implements Scenario {
    private final MarketParams params;
    private final OrderTerms terms;

    public LinearImpactScenario(final MarketParams params) {
        this.params = Objects.requireNonNull(params, "params");
        this.terms = ScenarioTerms.of(ScenarioTerms.simulatedEquity(params.name()), params.side(), params.quantity(),
                params.slices(), params.arrivalPrice(), params.sigmaPerSlice(), params.expectedVolume(),
                params.participationCap(), new MarketImpact(params.gamma(), params.eta(), params.epsilon(),
                        params.sliceLength(), params.drift(), expectedEtaMultiplier(params.regimes())));
    }

    /**
     * The expected multiplier on eta over the first slice, whose regime is drawn from the chain's initial
     * distribution: the best a static schedule (Almgren-Chriss) can assume.
     */
    private static double expectedEtaMultiplier(final RegimeChain chain) {
        final double[] initial = chain.initial();
        double multiplier = 0;
        for (int r = 0; r < chain.size(); r++) {
            multiplier += initial[r] * chain.etaMultiplier(r);
        }
        return multiplier;
    }

    @Override
    public OrderTerms terms() {
        return terms;
    }

    public MarketParams params() {
        return params;
    }

    /** The same scenario without price or volume noise, for hand-checked tests. */
    public LinearImpactScenario withoutNoise() {
        return new LinearImpactScenario(params.withoutNoise());
    }

    @Override
    public String name() {
        return params.name();
    }

    @Override
    public String description() {
        return params.description();
    }

    @Override
    public LinearImpactEpisode newEpisode() {
        return new LinearImpactEpisode(this);
    }

    @Override
    public String toString() {
        return params.toString();
    }
}
