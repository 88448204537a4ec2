package io.slicer.tools.sim;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.decision.SliceVolumeForecast;
import io.slicer.engine.market.SliceVolatilityEstimator;
import io.slicer.engine.order.ChildTactic;

/**
 * One episode of a {@link LinearImpactScenario}: the dynamics written out in {@link MarketParams}. Mutable and
 * reusable, one per thread. Allocation-free after construction.
 *
 * <p>What the strategy sees: the context's mid, spread (2 epsilon), volatility estimate, the previous slice's
 * realised and expected market volume, and the current slice's unconditional expected volume. It never sees the
 * current slice's volume or regime; a participation cap in its decision is how it trades along with volume it cannot
 * see. The volatility estimate is the live engine's {@link SliceVolatilityEstimator} at its default decay, started
 * from the scenario's sigma per slice and fed the mid at each slice start, our own permanent impact included (what
 * market data would show): a policy is trained on the estimate the engine will compute, not on the true sigma.
 *
 * <p>A resting child ({@link ChildTactic#passive()}) fills by {@link RestingFillModel}: part of it at its passive
 * price (near touch, or a tick inside) worsened by the adverse selection the LOBSTER days showed, the rest crossing
 * at the usual price with impact on that part alone.
 *
 * <p>Bit-reproducible across JVMs and platforms: the only transcendental function is {@link StrictMath#exp}.
 */
public final class LinearImpactEpisode extends SimulatedEpisode<LinearImpactScenario> {
    private final SliceVolatilityEstimator volatility = new SliceVolatilityEstimator();

    private final int sign;
    private final long quantity;
    private final int slices;
    private final double arrivalPrice;
    private final double tau;
    private final double sigmaPerSlice;
    private final double driftPerSlice;
    private final double gamma;
    private final double eta;
    private final double epsilon;
    private final double spread;
    private final SliceVolumeForecast expectedVolume;
    private final double volumeNoise;
    private final double volumeNoiseMean;
    private final RegimeChain regimes;
    private final boolean regimeSwitching;
    private final double tick;
    private ChildTactic tactic = ChildTactic.CROSS;

    private int slice;
    private long remaining;
    private double mid;
    private double unaffectedMid;
    private int regime;

    LinearImpactEpisode(final LinearImpactScenario scenario) {
        super(scenario);
        final MarketParams p = scenario.params();
        this.sign = p.side().sign();
        this.quantity = p.quantity();
        this.slices = p.slices();
        this.arrivalPrice = p.arrivalPrice();
        this.tau = p.sliceLength();
        this.sigmaPerSlice = p.sigmaPerSlice();
        this.driftPerSlice = p.drift() * tau;
        this.gamma = p.gamma();
        this.eta = p.eta();
        this.epsilon = p.epsilon();
        this.spread = 2 * p.epsilon();
        this.expectedVolume = new SliceVolumeForecast(p.expectedVolume());
        this.volumeNoise = p.volumeNoise();
        this.volumeNoiseMean = -0.5 * p.volumeNoise() * p.volumeNoise();
        this.regimes = p.regimes();
        this.regimeSwitching = !regimes.isTrivial();
        this.tick = scenario.terms().instrument().tickSize();
    }

    @Override
    public void tactic(final ChildTactic childTactic) {
        this.tactic = childTactic;
    }

    @Override
    public void reset(final long seed, final long episodeIndex) {
        open(seed, episodeIndex);
        slice = 0;
        remaining = quantity;
        mid = arrivalPrice;
        unaffectedMid = arrivalPrice;
        regime = 0;
        volatility.start(sigmaPerSlice).onBoundary(arrivalPrice);
        context.market(arrivalPrice, spread, volatility.estimate());
        expectedVolume.publish(context, 0);
    }

    @Override
    public void step(final SliceDecision decision) {
        if (done()) {
            throw stepAfterEnd("slice " + slice + " of " + slices + ", " + remaining + " shares left");
        }
        // The market's draws come first and in a fixed order, whatever the decision: common random numbers.
        if (regimeSwitching) {
            final double u = random.nextDouble();
            regime = slice == 0 ? regimes.sampleInitial(u) : regimes.sampleNext(regime, u);
        }
        final double volumeShock = random.nextGaussian();
        final double priceShock = random.nextGaussian();
        final double expected = expectedVolume.slice(slice);
        final double volume = expected * regimes.volumeMultiplier(regime)
                * StrictMath.exp(volumeNoise * volumeShock + volumeNoiseMean);

        final long shares = Episode.fillable(decision, volume, remaining, slice == slices - 1);
        final double etaNow = eta * regimes.etaMultiplier(regime);
        final double executionPrice;
        if (tactic.passive() && shares > 0) {
            final long resting = RestingFillModel.restingShares(tactic, shares);
            final long crossing = shares - resting;
            final double capturePerShare = 2 * epsilon - RestingFillModel.inside(tactic, epsilon, tick);
            final double restingPrice = mid + sign * (epsilon - capturePerShare + RestingFillModel.ADVERSE_10S * epsilon);
            final double temporary = etaNow * crossing / tau;
            final double crossingPrice = mid + sign * (epsilon + temporary);
            executionPrice = (resting * restingPrice + crossing * crossingPrice) / shares;
            result.recordTactic(resting, resting * capturePerShare - crossing * temporary,
                    resting * RestingFillModel.ADVERSE_1S * epsilon, resting * RestingFillModel.ADVERSE_10S * epsilon);
        } else {
            final double temporary = etaNow * shares / tau;
            executionPrice = mid + sign * (epsilon + temporary);
            result.recordTactic(0, -shares * temporary, 0, 0);
        }
        result.record(shares, executionPrice, mid, unaffectedMid, volume, mid);

        final double marketMove = driftPerSlice + sigmaPerSlice * priceShock;
        unaffectedMid += marketMove;
        mid += marketMove + sign * gamma * shares;
        remaining -= shares;
        slice++;

        context.endSlice(shares, volume, expected);
        context.market(mid, spread, volatility.onBoundary(mid).estimate());
        expectedVolume.publish(context, slice);
        if (slice >= slices || remaining == 0) {
            finish(mid);
        }
    }

    /** The regime of the slice last stepped (0 in a scenario without regimes). For analysis and tests only. */
    public int lastRegime() {
        return regime;
    }

    /** Current mid, including our own permanent impact. */
    public double mid() {
        return mid;
    }

    /** Current mid without our own permanent impact. */
    public double unaffectedMid() {
        return unaffectedMid;
    }
}
