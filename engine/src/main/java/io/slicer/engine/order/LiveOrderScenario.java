package io.slicer.engine.order;

import io.slicer.engine.market.Side;
import io.slicer.engine.sim.Episode;
import io.slicer.engine.sim.Scenario;

import java.util.Arrays;

/**
 * A live parent order described as a {@link Scenario}, so the strategies written for the simulator (TWAP, VWAP, POV,
 * Almgren-Chriss, learned policies) are created for a live order by the same {@code StrategyFactory}. The market
 * numbers are the OMS's estimates at order entry (volatility and volume per slice) and the engine's configured
 * impact model; there is no simulated path, so {@link #newEpisode()} refuses.
 */
public final class LiveOrderScenario implements Scenario {
    private final long orderId;
    private final Side side;
    private final long quantity;
    private final int periods;
    private final double arrivalPrice;
    private final double sigma;
    private final double periodLength;
    private final double permanentImpact;
    private final double temporaryImpact;
    private final double halfSpread;
    private final double[] volumeProfile;
    private final double participationCap;

    public LiveOrderScenario(final long orderId, final Side side, final long quantity, final int periods,
                             final double arrivalPrice, final double sigmaPerPeriod, final double periodLength,
                             final double permanentImpact, final double temporaryImpact, final double halfSpread,
                             final double expectedVolumePerPeriod, final double participationCap) {
        this.orderId = orderId;
        this.side = side;
        this.quantity = quantity;
        this.periods = periods;
        this.arrivalPrice = arrivalPrice;
        this.sigma = sigmaPerPeriod;
        this.periodLength = periodLength;
        this.permanentImpact = permanentImpact;
        this.temporaryImpact = temporaryImpact;
        this.halfSpread = halfSpread;
        this.volumeProfile = new double[periods];
        Arrays.fill(volumeProfile, expectedVolumePerPeriod);
        this.participationCap = participationCap;
    }

    @Override
    public String name() {
        return "live-order-" + orderId;
    }

    @Override
    public String description() {
        return "live parent order " + orderId + ": " + side + " " + quantity + " over " + periods
                + " slices from arrival " + arrivalPrice + " (OMS estimates, engine impact model)";
    }

    @Override
    public Side side() {
        return side;
    }

    @Override
    public long quantity() {
        return quantity;
    }

    @Override
    public int periods() {
        return periods;
    }

    @Override
    public double arrivalPrice() {
        return arrivalPrice;
    }

    @Override
    public double sigmaPerPeriod() {
        return sigma;
    }

    @Override
    public double periodLength() {
        return periodLength;
    }

    @Override
    public double permanentImpact() {
        return permanentImpact;
    }

    @Override
    public double temporaryImpact() {
        return temporaryImpact;
    }

    @Override
    public double halfSpread() {
        return halfSpread;
    }

    @Override
    public double[] expectedVolumeProfile() {
        return volumeProfile.clone();
    }

    @Override
    public double participationCap() {
        return participationCap;
    }

    @Override
    public Episode newEpisode() {
        throw new UnsupportedOperationException("live order " + orderId
                + " has no simulated market path: strategies may read its parameters, not simulate it");
    }
}
