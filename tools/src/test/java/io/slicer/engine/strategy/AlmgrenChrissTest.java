package io.slicer.engine.strategy;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.order.OrderTerms;
import io.slicer.tools.sim.Episode;
import io.slicer.tools.sim.EpisodeRunner;
import io.slicer.tools.sim.Scenario;
import io.slicer.tools.sim.ScenarioTerms;
import io.slicer.tools.sim.Scenarios;
import io.slicer.tools.sim.presets.Ac2000;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlmgrenChrissTest {
    private static final double LAMBDA = 1e-6;

    @Test
    void kappaSolvesTheDiscreteCoshEquation() {
        final AlmgrenChriss ac = AlmgrenChriss.of(Ac2000.scenario().terms(), LAMBDA);
        // eta~ = 2.5e-6 - 2.5e-7 * 1 / 2 = 2.375e-6; kappa~^2 = 1e-6 * 0.95^2 / 2.375e-6 = 0.38.
        assertEquals(2.375e-6, ac.etaTilde(), 1e-18);
        final double tau = ac.sliceLength();
        assertEquals(0.38, 2 / (tau * tau) * (Math.cosh(ac.kappa() * tau) - 1), 1e-12);
        assertEquals(0.6070761632470627, ac.kappa(), 1e-12);
        assertEquals(1.6472397707913768, ac.halfLife(), 1e-12);
    }

    @Test
    void riskAversionIsPerUnitOfMoneySoAContractWorthMPerPointTradesLikeAShareAtLambdaTimesM() {
        final OrderTerms share = Ac2000.scenario().terms();
        final double m = 125_000.0;
        final OrderTerms contract = ScenarioTerms.of(Instrument.future("6E", 0.00005, m, "USD"), share.side(),
                share.quantity(), share.slices(), share.arrivalPrice(), share.sigmaPerSlice(),
                share.expectedVolumeProfile(), share.participationLimit(), share.impact());
        final AlmgrenChriss perDollar = AlmgrenChriss.of(contract, LAMBDA);
        assertEquals(LAMBDA * m, perDollar.lambda());
        assertArrayEquals(AlmgrenChriss.of(share, LAMBDA * m).holdings(), perDollar.holdings());
        assertEquals("ac:" + LAMBDA, StrategyRegistry.standard().factory("ac", LAMBDA).create(contract).name());
    }

    @Test
    void trajectoryMatchesTheSinhSolution() {
        final AlmgrenChriss ac = AlmgrenChriss.of(Ac2000.scenario().terms(), LAMBDA);
        final double[] x = ac.holdings();
        final double[] expected = {1_000_000.0, 541_955.5543739223, 289_854.2194099351, 147_897.4878217232,
                62_141.801605766035, 0.0};
        assertArrayEquals(expected, x, 1e-6);
        assertEquals(911_226.9863037932, ac.expectedCost(), 1e-6);
        assertEquals(364_128_572_058.141, ac.variance(), 1.0);
    }

    @Test
    void trajectoryMinimisesMeanVarianceAgainstPerturbedSchedules() {
        final AlmgrenChriss ac = AlmgrenChriss.of(Ac2000.scenario().terms(), LAMBDA);
        final double best = ac.objective();
        final SplittableRandom r = new SplittableRandom(5);
        final double[] n = ac.trades();
        for (int trial = 0; trial < 2000; trial++) {
            final double[] p = n.clone();
            final int i = r.nextInt(5);
            final int j = r.nextInt(5);
            final double delta = (r.nextDouble() - 0.5) * 1e5;
            p[i] += delta;
            p[j] -= delta;
            assertTrue(ac.expectedCost(p) + LAMBDA * ac.variance(p) >= best - 1e-6);
        }
    }

    @Test
    void lambdaZeroIsExactTwap() {
        for (final String name : new String[] {"ac-2000", "liquid-stock"}) {
            final Scenario s = Scenarios.byName(name);
            final AlmgrenChriss ac = AlmgrenChriss.of(s.terms(), 0.0);
            assertEquals(0.0, ac.kappa());
            assertArrayEquals(Twap.schedule(s.terms().quantity(), s.terms().slices()), ac.integerTrades(), name);
            final AlmgrenChrissStrategy strategy = (AlmgrenChrissStrategy) StrategyRegistry.standard().factory("ac:0").create(s.terms());
            final Twap twap = new Twap(s.terms().slices());
            final Episode e1 = s.newEpisode();
            final Episode e2 = s.newEpisode();
            for (int i = 0; i < 20; i++) {
                assertEquals(EpisodeRunner.run(e1, twap, new SliceDecision(), 1, i).isCost(),
                        EpisodeRunner.run(e2, strategy, new SliceDecision(), 1, i).isCost(), 0.0, name);
            }
        }
    }

    @Test
    void lambdaToZeroConvergesToTheStraightLine() {
        final Scenario s = Scenarios.byName("liquid-stock");
        final long[] twap = Twap.schedule(s.terms().quantity(), s.terms().slices());
        double previousGap = Double.POSITIVE_INFINITY;
        for (final double lambda : new double[] {1e-6, 1e-8, 1e-10, 1e-12, 1e-14, 1e-16}) {
            final AlmgrenChriss ac = AlmgrenChriss.of(s.terms(), lambda);
            double gap = 0;
            for (int j = 0; j <= s.terms().slices(); j++) {
                gap = Math.max(gap, Math.abs(ac.holding(j) - s.terms().quantity() * (1.0 - (double) j / s.terms().slices())));
            }
            assertTrue(gap < previousGap, "gap shrinks with lambda");
            previousGap = gap;
        }
        assertTrue(previousGap < 1e-3, "lambda 1e-16 is within a thousandth of a share of the line: " + previousGap);
        final long[] tiny = AlmgrenChriss.of(s.terms(), 1e-14).integerTrades();
        for (int k = 0; k < twap.length; k++) {
            assertTrue(Math.abs(tiny[k] - twap[k]) <= 1, "within one share of TWAP in slice " + k);
        }
    }

    @Test
    void integerTradesAreWholeNonNegativeAndSumToTheOrder() {
        for (final double lambda : new double[] {0, 1e-9, 1e-7, 1e-6, 1e-5, 1e-3}) {
            final AlmgrenChriss ac = AlmgrenChriss.of(Scenarios.byName("liquid-stock").terms(), lambda);
            long sum = 0;
            for (final long n : ac.integerTrades()) {
                assertTrue(n >= 0);
                sum += n;
            }
            assertEquals(500_000, sum);
        }
    }

    @Test
    void closedFormMeanAndVarianceAgreeWithMonteCarlo() {
        final Scenario s = Ac2000.scenario();
        final AlmgrenChrissStrategy strategy = (AlmgrenChrissStrategy) StrategyRegistry.standard().factory("ac", LAMBDA).create(s.terms());
        final Episode e = s.newEpisode();
        final SliceDecision d = new SliceDecision();
        final int n = 40_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            final double c = EpisodeRunner.run(e, strategy, d, 777, i).isCost();
            sum += c;
            sumSq += c * c;
        }
        final double mean = sum / n;
        final double var = (sumSq - n * mean * mean) / (n - 1);
        // The simulator trades the whole-share schedule: compare with E and V of exactly that schedule.
        final AlmgrenChriss ac = strategy.model();
        final long[] shares = ac.integerTrades();
        final double expectedE = ac.expectedCost(shares);
        final double expectedV = ac.variance(shares);
        assertEquals(ac.expectedCost(), expectedE, 1.0, "rounding to whole shares moves E by under a dollar");
        final double seMean = Math.sqrt(expectedV / n);
        assertEquals(expectedE, mean, 4 * seMean, "mean within 4 standard errors");
        // Var of the sample variance of a normal: 2 V^2 / (n - 1). IS is exactly normal in this market.
        final double seVar = expectedV * Math.sqrt(2.0 / (n - 1));
        assertEquals(expectedV, var, 4 * seVar, "variance within 4 standard errors");
    }

    @Test
    void noScheduleBeatsTwapInTheRiskNeutralLinearModel() {
        for (final String name : new String[] {"ac-2000", "liquid-stock"}) {
            final Scenario s = Scenarios.byName(name);
            final AlmgrenChriss ac = AlmgrenChriss.of(s.terms(), 0.0);
            final int slices = s.terms().slices();
            final long q = s.terms().quantity();
            final double twapCost = ac.expectedCost(Twap.schedule(q, slices));
            final SplittableRandom r = new SplittableRandom(31);
            for (int trial = 0; trial < 20_000; trial++) {
                final long[] schedule = randomSchedule(r, q, slices, trial % 3);
                assertTrue(ac.expectedCost(schedule) >= twapCost,
                        () -> name + ": a schedule beat TWAP: " + java.util.Arrays.toString(schedule));
            }
            // One share moved between two slices is the smallest deviation, and already costs more.
            final long[] nudged = Twap.schedule(q, slices);
            nudged[slices - 1] += 1;
            nudged[slices - 2] -= 1;
            assertTrue(ac.expectedCost(nudged) > twapCost, name);
        }
    }

    /** Random whole-share schedules summing to q: uniform cuts, near-TWAP jitter, or sparse. */
    private static long[] randomSchedule(final SplittableRandom r, final long q, final int slices, final int kind) {
        final long[] n = new long[slices];
        if (kind == 0) {
            final long[] cuts = new long[slices + 1];
            cuts[slices] = q;
            for (int k = 1; k < slices; k++) {
                cuts[k] = r.nextLong(q + 1);
            }
            java.util.Arrays.sort(cuts);
            for (int k = 0; k < slices; k++) {
                n[k] = cuts[k + 1] - cuts[k];
            }
        } else if (kind == 1) {
            Twap.schedule(q, slices, n);
            for (int m = 0; m < 5; m++) {
                final int i = r.nextInt(slices);
                final int j = r.nextInt(slices);
                final long move = Math.min(n[i], r.nextLong(1, 50));
                n[i] -= move;
                n[j] += move;
            }
        } else {
            long left = q;
            for (int k = 0; k < slices - 1; k++) {
                final long take = r.nextInt(3) == 0 ? r.nextLong(left + 1) : 0;
                n[k] = take;
                left -= take;
            }
            n[slices - 1] = left;
        }
        return n;
    }
}
