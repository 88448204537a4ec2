package io.slicer.tools.train;

import io.slicer.engine.decision.ActionMapping;
import io.slicer.engine.decision.SliceDecision;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeResult;
import io.slicer.tools.sim.Scenario;

/**
 * The reward scale: exact TWAP's mean impact cost (temporary + own permanent impact, dollars) on episodes of the
 * training seed that neither training nor validation uses. Impact rather than full IS because the price noise in IS
 * has mean zero but would make a 200-episode estimate of a small number wobble.
 */
public final class CostScale {
    /** First episode index of the scale-estimation episodes under a training seed. */
    public static final long OFFSET = 1L << 41;

    private CostScale() {
    }

    public static double twapExpectedCost(final Scenario scenario, final long seed, final int episodes) {
        final Episode episode = scenario.newEpisode();
        final SliceDecision d = new SliceDecision();
        double sum = 0;
        for (int i = 0; i < episodes; i++) {
            episode.reset(seed, OFFSET + i);
            while (!episode.done()) {
                d.clear();
                ActionMapping.apply(ActionMapping.Unit.TWAP_MULTIPLE, 1.0, episode.context(), d);
                episode.step(d);
            }
            final EpisodeResult r = episode.result();
            sum += r.impactBps() * r.quantity() * r.arrivalPrice() / 1e4;
        }
        final double mean = sum / episodes;
        final double oneBp = 1e-4 * scenario.terms().quantity() * scenario.terms().arrivalPrice();
        return mean > 0 ? mean : oneBp;
    }
}
