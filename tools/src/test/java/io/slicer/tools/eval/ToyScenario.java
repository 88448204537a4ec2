package io.slicer.tools.eval;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.Side;
import io.slicer.engine.sim.Episode;
import io.slicer.engine.sim.EpisodeRandom;
import io.slicer.engine.sim.EpisodeResult;
import io.slicer.engine.sim.Scenario;

import java.util.SplittableRandom;

/**
 * A small Almgren-Chriss market for harness tests, independent of the simulator package: arithmetic random walk,
 * linear permanent and temporary impact, lognormal period volumes, a 25% participation cap.
 */
final class ToyScenario implements Scenario {
    static final int PERIODS = 6;
    static final long QUANTITY = 12_000;
    static final double ARRIVAL = 50.0;
    static final double SIGMA = 0.2;
    static final double GAMMA = 2e-6;
    static final double ETA = 5e-5;
    static final double HALF_SPREAD = 0.01;
    static final double VOLUME = 10_000;
    static final double CAP = 0.25;

    @Override
    public String name() {
        return "toy";
    }

    @Override
    public String description() {
        return "test-only Almgren-Chriss market";
    }

    @Override
    public Side side() {
        return Side.BUY;
    }

    @Override
    public long quantity() {
        return QUANTITY;
    }

    @Override
    public int periods() {
        return PERIODS;
    }

    @Override
    public double arrivalPrice() {
        return ARRIVAL;
    }

    @Override
    public double sigmaPerPeriod() {
        return SIGMA;
    }

    @Override
    public double periodLength() {
        return 1.0;
    }

    @Override
    public double permanentImpact() {
        return GAMMA;
    }

    @Override
    public double temporaryImpact() {
        return ETA;
    }

    @Override
    public double halfSpread() {
        return HALF_SPREAD;
    }

    @Override
    public double[] expectedVolumeProfile() {
        final double[] v = new double[PERIODS];
        java.util.Arrays.fill(v, VOLUME);
        return v;
    }

    @Override
    public double participationCap() {
        return CAP;
    }

    @Override
    public Episode newEpisode() {
        return new ToyEpisode(this);
    }

    private static final class ToyEpisode implements Episode {
        private final ToyScenario scenario;
        private final DecisionContext ctx = new DecisionContext();
        private final EpisodeResult result = new EpisodeResult(PERIODS);
        private SplittableRandom random;
        private double unaffected;
        private double ownImpact;

        ToyEpisode(final ToyScenario scenario) {
            this.scenario = scenario;
        }

        @Override
        public Scenario scenario() {
            return scenario;
        }

        @Override
        public void reset(final long seed, final long episodeIndex) {
            random = EpisodeRandom.of(seed, episodeIndex);
            unaffected = ARRIVAL;
            ownImpact = 0;
            ctx.beginOrder(Side.BUY, QUANTITY, ARRIVAL, PERIODS, SIGMA);
            ctx.market(ARRIVAL, 2 * HALF_SPREAD, SIGMA).expectedPeriodVolume(VOLUME);
            result.begin(Side.BUY, QUANTITY, ARRIVAL, CAP);
        }

        @Override
        public boolean done() {
            // Like the simulator, an episode ends as soon as the order is done.
            return ctx.period() >= PERIODS || ctx.period() > 0 && ctx.remaining() == 0;
        }

        @Override
        public DecisionContext context() {
            return ctx;
        }

        @Override
        public void step(final SliceDecision decision) {
            final double volume = VOLUME * Math.exp(0.3 * random.nextGaussian() - 0.045);
            long n = Math.min(Math.max(0, decision.shares()), ctx.remaining());
            if (decision.hasParticipationCap()) {
                n = Math.min(n, (long) Math.floor(decision.participationCap() * volume));
            }
            if (ctx.isLastPeriod()) {
                n = ctx.remaining();
            }
            final double mid = unaffected + ownImpact;
            final double price = mid + HALF_SPREAD + ETA * n;
            result.record(n, price, mid, unaffected, volume, mid);
            ownImpact += GAMMA * n;
            unaffected += SIGMA * random.nextGaussian();
            ctx.endPeriod(n, volume, VOLUME);
            ctx.market(unaffected + ownImpact, 2 * HALF_SPREAD, SIGMA);
            if (done()) {
                result.finish(unaffected + ownImpact);
            }
        }

        @Override
        public EpisodeResult result() {
            return result;
        }
    }
}
