package io.slicer.tools.sim;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.SliceVolatilityEstimator;

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
 * <p>Bit-reproducible across JVMs and platforms: the only transcendental function is {@link StrictMath#exp}.
 */
public final class LinearImpactEpisode implements Episode {
    private final LinearImpactScenario scenario;
    private final SimRandom random = new SimRandom();
    private final DecisionContext context = new DecisionContext();
    private final SliceVolatilityEstimator volatility = new SliceVolatilityEstimator();
    private final EpisodeResult result;

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
    private final double[] expectedVolume;
    /** remainingVolume[k] = expected volume of slices k..N-1 (length N + 1, last entry 0). */
    private final double[] remainingVolume;
    private final double volumeNoise;
    private final double volumeNoiseMean;
    private final double participationCap;
    private final RegimeChain regimes;
    private final boolean regimeSwitching;

    private int slice;
    private long remaining;
    private double mid;
    private double unaffectedMid;
    private int regime;
    private boolean done = true;

    LinearImpactEpisode(final LinearImpactScenario scenario) {
        this.scenario = scenario;
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
        this.expectedVolume = p.expectedVolume();
        this.remainingVolume = new double[slices + 1];
        for (int k = slices - 1; k >= 0; k--) {
            remainingVolume[k] = remainingVolume[k + 1] + expectedVolume[k];
        }
        this.volumeNoise = p.volumeNoise();
        this.volumeNoiseMean = -0.5 * p.volumeNoise() * p.volumeNoise();
        this.participationCap = p.participationCap();
        this.regimes = p.regimes();
        this.regimeSwitching = !regimes.isTrivial();
        this.result = new EpisodeResult(slices, scenario.terms().instrument().multiplier());
    }

    @Override
    public LinearImpactScenario scenario() {
        return scenario;
    }

    @Override
    public void reset(final long seed, final long episodeIndex) {
        random.reseed(seed, episodeIndex);
        slice = 0;
        remaining = quantity;
        mid = arrivalPrice;
        unaffectedMid = arrivalPrice;
        regime = 0;
        done = false;
        context.beginOrder(scenario.side(), quantity, arrivalPrice, slices, sigmaPerSlice);
        volatility.start(sigmaPerSlice).onBoundary(arrivalPrice);
        context.market(arrivalPrice, spread, volatility.estimate());
        context.expectedSliceVolume(expectedVolume[0]).expectedRemainingVolume(remainingVolume[0])
                .participationLimit(participationCap);
        result.begin(scenario.side(), quantity, arrivalPrice, participationCap);
    }

    @Override
    public boolean done() {
        return done;
    }

    @Override
    public DecisionContext context() {
        return context;
    }

    @Override
    public void step(final SliceDecision decision) {
        if (done) {
            throw new IllegalStateException(scenario.name() + ": step() after the episode ended (slice " + slice
                    + " of " + slices + ", " + remaining + " shares left); call reset() first");
        }
        // The market's draws come first and in a fixed order, whatever the decision: common random numbers.
        if (regimeSwitching) {
            final double u = random.nextDouble();
            regime = slice == 0 ? regimes.sampleInitial(u) : regimes.sampleNext(regime, u);
        }
        final double volumeShock = random.nextGaussian();
        final double priceShock = random.nextGaussian();
        final double expected = expectedVolume[slice];
        final double volume = expected * regimes.volumeMultiplier(regime)
                * StrictMath.exp(volumeNoise * volumeShock + volumeNoiseMean);

        final long shares = Episode.fillable(decision, volume, remaining, slice == slices - 1);
        final double executionPrice = mid + sign * (epsilon + eta * regimes.etaMultiplier(regime) * shares / tau);
        result.record(shares, executionPrice, mid, unaffectedMid, volume, mid);

        final double marketMove = driftPerSlice + sigmaPerSlice * priceShock;
        unaffectedMid += marketMove;
        mid += marketMove + sign * gamma * shares;
        remaining -= shares;
        slice++;

        context.endSlice(shares, volume, expected);
        context.market(mid, spread, volatility.onBoundary(mid).estimate());
        context.expectedSliceVolume(slice < slices ? expectedVolume[slice] : 0.0)
                .expectedRemainingVolume(remainingVolume[Math.min(slice, slices)]);
        if (slice >= slices || remaining == 0) {
            done = true;
            result.finish(mid);
        }
    }

    @Override
    public EpisodeResult result() {
        return result;
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
