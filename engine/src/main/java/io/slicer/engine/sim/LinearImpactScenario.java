package io.slicer.engine.sim;

import io.slicer.engine.market.Side;

import java.util.Objects;

/**
 * A {@link Scenario} of the linear-impact market described by one {@link MarketParams}. Immutable and thread-safe.
 *
 * <p>Beyond the {@link Scenario} contract it exposes what a dynamic-programming solver or the Almgren-Chriss closed
 * form needs: {@link #params()} (sigma per unit time, drift, horizon) and {@link #regimeChain()}.
 */
public final class LinearImpactScenario implements Scenario {
    private final MarketParams params;

    public LinearImpactScenario(final MarketParams params) {
        this.params = Objects.requireNonNull(params, "params");
    }

    public MarketParams params() {
        return params;
    }

    public RegimeChain regimeChain() {
        return params.regimes();
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
    public Side side() {
        return params.side();
    }

    @Override
    public long quantity() {
        return params.quantity();
    }

    @Override
    public int periods() {
        return params.periods();
    }

    @Override
    public double arrivalPrice() {
        return params.arrivalPrice();
    }

    @Override
    public double sigmaPerPeriod() {
        return params.sigmaPerPeriod();
    }

    @Override
    public double periodLength() {
        return params.periodLength();
    }

    @Override
    public double permanentImpact() {
        return params.gamma();
    }

    /** The base eta; in a regime r the market charges eta * {@link RegimeChain#etaMultiplier(int)}. */
    @Override
    public double temporaryImpact() {
        return params.eta();
    }

    @Override
    public double halfSpread() {
        return params.epsilon();
    }

    @Override
    public double[] expectedVolumeProfile() {
        return params.expectedVolume();
    }

    @Override
    public double participationCap() {
        return params.participationCap();
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
