package io.slicer.tools.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SimRandomTest {
    @Test
    void zigguratNormalHasStandardMomentsAndTails() {
        final SimRandom r = new SimRandom(99);
        final int n = 2_000_000;
        double sum = 0;
        double sumSq = 0;
        double sumFourth = 0;
        int beyond1 = 0;
        int beyond2 = 0;
        int beyond3 = 0;
        int beyondR = 0;
        for (int i = 0; i < n; i++) {
            final double z = r.nextGaussian();
            sum += z;
            sumSq += z * z;
            sumFourth += z * z * z * z;
            final double a = Math.abs(z);
            beyond1 += a > 1 ? 1 : 0;
            beyond2 += a > 2 ? 1 : 0;
            beyond3 += a > 3 ? 1 : 0;
            beyondR += a > 3.442619855899 ? 1 : 0;
        }
        final double mean = sum / n;
        final double var = sumSq / n - mean * mean;
        // Standard errors: mean 1/sqrt(n) = 7e-4, variance sqrt(2/n) = 1e-3, fourth moment sqrt(96/n) = 7e-3.
        assertEquals(0.0, mean, 0.004);
        assertEquals(1.0, var, 0.005);
        assertEquals(3.0, sumFourth / n, 0.04);
        // Two-sided tail probabilities of N(0,1); binomial standard errors in the tolerances' comments.
        assertEquals(0.31731, (double) beyond1 / n, 0.0015);   // se 3.3e-4
        assertEquals(0.04550, (double) beyond2 / n, 0.0007);   // se 1.5e-4
        assertEquals(0.0026998, (double) beyond3 / n, 0.00018); // se 3.7e-5
        assertEquals(0.00057607, (double) beyondR / n, 0.00009); // se 1.7e-5: the base layer's tail
    }
}
