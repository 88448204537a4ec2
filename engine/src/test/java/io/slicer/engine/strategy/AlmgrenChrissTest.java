package io.slicer.engine.strategy;

import io.slicer.engine.decision.SliceDecision;
import io.slicer.engine.sim.Episode;
import io.slicer.engine.sim.EpisodeResult;
import io.slicer.engine.sim.EpisodeRunner;
import io.slicer.engine.sim.Scenario;
import io.slicer.engine.sim.Scenarios;
import io.slicer.engine.sim.presets.Ac2000;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlmgrenChrissTest {
    private static final double LAMBDA = 1e-6;

    @Test
    void kappaSolvesTheDiscreteCoshEquation() {
        final AlmgrenChriss ac = AlmgrenChriss.of(Ac2000.scenario(), LAMBDA);
        // eta~ = 2.5e-6 - 2.5e-7 * 1 / 2 = 2.375e-6; kappa~^2 = 1e-6 * 0.95^2 / 2.375e-6 = 0.38.
        assertEquals(2.375e-6, ac.etaTilde(), 1e-18);
        final double tau = ac.periodLength();
        assertEquals(0.38, 2 / (tau * tau) * (Math.cosh(ac.kappa() * tau) - 1), 1e-12);
        assertEquals(0.6070761632470627, ac.kappa(), 1e-12);
        assertEquals(1.6472397707913768, ac.halfLife(), 1e-12);
    }

    @Test
    void trajectoryMatchesTheSinhSolution() {
        final AlmgrenChriss ac = AlmgrenChriss.of(Ac2000.scenario(), LAMBDA);
        final double[] x = ac.holdings();
        final double[] expected = {1_000_000.0, 541_955.5543739223, 289_854.2194099351, 147_897.4878217232,
                62_141.801605766035, 0.0};
        assertArrayEquals(expected, x, 1e-6);
        assertEquals(911_226.9863037932, ac.expectedCost(), 1e-6);
        assertEquals(364_128_572_058.141, ac.variance(), 1.0);
    }

    @Test
    void trajectoryMinimisesMeanVarianceAgainstPerturbedSchedules() {
        final AlmgrenChriss ac = AlmgrenChriss.of(Ac2000.scenario(), LAMBDA);
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
            final AlmgrenChriss ac = AlmgrenChriss.of(s, 0.0);
            assertEquals(0.0, ac.kappa());
            assertArrayEquals(Twap.schedule(s.quantity(), s.periods()), ac.integerTrades(), name);
            final AlmgrenChrissStrategy strategy = (AlmgrenChrissStrategy) Strategies.factory("ac:0").create(s);
            final Twap twap = new Twap(s.periods());
            final Episode e1 = s.newEpisode();
            final Episode e2 = s.newEpisode();
            for (int i = 0; i < 20; i++) {
                assertEquals(EpisodeRunner.run(e1, twap, new SliceDecision(), 1, i).isDollars(),
                        EpisodeRunner.run(e2, strategy, new SliceDecision(), 1, i).isDollars(), 0.0, name);
            }
        }
    }

    @Test
    void lambdaToZeroConvergesToTheStraightLine() {
        final Scenario s = Scenarios.byName("liquid-stock");
        final long[] twap = Twap.schedule(s.quantity(), s.periods());
        double previousGap = Double.POSITIVE_INFINITY;
        for (final double lambda : new double[] {1e-6, 1e-8, 1e-10, 1e-12, 1e-14, 1e-16}) {
            final AlmgrenChriss ac = AlmgrenChriss.of(s, lambda);
            double gap = 0;
            for (int j = 0; j <= s.periods(); j++) {
                gap = Math.max(gap, Math.abs(ac.holding(j) - s.quantity() * (1.0 - (double) j / s.periods())));
            }
            assertTrue(gap < previousGap, "gap shrinks with lambda");
            previousGap = gap;
        }
        assertTrue(previousGap < 1e-3, "lambda 1e-16 is within a thousandth of a share of the line: " + previousGap);
        final long[] tiny = AlmgrenChriss.of(s, 1e-14).integerTrades();
        for (int k = 0; k < twap.length; k++) {
            assertTrue(Math.abs(tiny[k] - twap[k]) <= 1, "within one share of TWAP in period " + k);
        }
    }

    @Test
    void integerTradesAreWholeNonNegativeAndSumToTheOrder() {
        for (final double lambda : new double[] {0, 1e-9, 1e-7, 1e-6, 1e-5, 1e-3}) {
            final AlmgrenChriss ac = AlmgrenChriss.of(Scenarios.byName("liquid-stock"), lambda);
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
        final AlmgrenChrissStrategy strategy = (AlmgrenChrissStrategy) Strategies.factory("ac", LAMBDA).create(s);
        final Episode e = s.newEpisode();
        final SliceDecision d = new SliceDecision();
        final int n = 40_000;
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < n; i++) {
            final double c = EpisodeRunner.run(e, strategy, d, 777, i).isDollars();
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
            final AlmgrenChriss ac = AlmgrenChriss.of(s, 0.0);
            final int periods = s.periods();
            final long q = s.quantity();
            final double twapCost = ac.expectedCost(Twap.schedule(q, periods));
            final SplittableRandom r = new SplittableRandom(31);
            for (int trial = 0; trial < 20_000; trial++) {
                final long[] schedule = randomSchedule(r, q, periods, trial % 3);
                assertTrue(ac.expectedCost(schedule) >= twapCost,
                        () -> name + ": a schedule beat TWAP: " + java.util.Arrays.toString(schedule));
            }
            // One share moved between two periods is the smallest deviation, and already costs more.
            final long[] nudged = Twap.schedule(q, periods);
            nudged[periods - 1] += 1;
            nudged[periods - 2] -= 1;
            assertTrue(ac.expectedCost(nudged) > twapCost, name);
        }
    }

    /** Random whole-share schedules summing to q: uniform cuts, near-TWAP jitter, or sparse. */
    private static long[] randomSchedule(final SplittableRandom r, final long q, final int periods, final int kind) {
        final long[] n = new long[periods];
        if (kind == 0) {
            final long[] cuts = new long[periods + 1];
            cuts[periods] = q;
            for (int k = 1; k < periods; k++) {
                cuts[k] = r.nextLong(q + 1);
            }
            java.util.Arrays.sort(cuts);
            for (int k = 0; k < periods; k++) {
                n[k] = cuts[k + 1] - cuts[k];
            }
        } else if (kind == 1) {
            Twap.schedule(q, periods, n);
            for (int m = 0; m < 5; m++) {
                final int i = r.nextInt(periods);
                final int j = r.nextInt(periods);
                final long move = Math.min(n[i], r.nextLong(1, 50));
                n[i] -= move;
                n[j] += move;
            }
        } else {
            long left = q;
            for (int k = 0; k < periods - 1; k++) {
                final long take = r.nextInt(3) == 0 ? r.nextLong(left + 1) : 0;
                n[k] = take;
                left -= take;
            }
            n[periods - 1] = left;
        }
        return n;
    }
}
