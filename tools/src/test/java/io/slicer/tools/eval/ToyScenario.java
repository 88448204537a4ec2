package io.slicer.tools.eval;

import io.slicer.engine.decision.DecisionContext;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.MarketImpact;
import io.slicer.engine.order.OrderTerms;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeRandom;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.ScenarioTerms;

import java.util.SplittableRandom;

/**
 * A small Almgren-Chriss market for harness tests, independent of the simulator package: arithmetic random walk,
 * linear permanent and temporary impact, lognormal slice volumes, a 25% participation cap.
 */
final class ToyScenario implements Scenario {
    static final int SLICES = 6;
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
    public OrderTerms terms() {
        final double[] volume = new double[SLICES];
        java.util.Arrays.fill(volume, VOLUME);
        return ScenarioTerms.of(ScenarioTerms.simulatedEquity("TOY"), Side.BUY, QUANTITY, SLICES, ARRIVAL, SIGMA,
                volume, CAP, MarketImpact.of(GAMMA, ETA, HALF_SPREAD, 1.0));
    }

    @Override
    public Episode newEpisode() {
        return new ToyEpisode(this);
    }

    private static final class ToyEpisode implements Episode {
        private final ToyScenario scenario;
        private final DecisionContext ctx = new DecisionContext();
        private final EpisodeResult result = new EpisodeResult(SLICES, 1.0);
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
            ctx.beginOrder(Side.BUY, QUANTITY, ARRIVAL, SLICES, SIGMA);
            ctx.market(ARRIVAL, 2 * HALF_SPREAD, SIGMA).expectedSliceVolume(VOLUME);
            result.begin(Side.BUY, QUANTITY, ARRIVAL, CAP);
        }

        @Override
        public boolean done() {
            // Like the simulator, an episode ends as soon as the order is done.
            return ctx.slice() >= SLICES || ctx.slice() > 0 && ctx.remaining() == 0;
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
            if (ctx.isLastSlice()) {
                n = ctx.remaining();
            }
            final double mid = unaffected + ownImpact;
            final double price = mid + HALF_SPREAD + ETA * n;
            result.record(n, price, mid, unaffected, volume, mid);
            ownImpact += GAMMA * n;
            unaffected += SIGMA * random.nextGaussian();
            ctx.endSlice(n, volume, VOLUME);
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
