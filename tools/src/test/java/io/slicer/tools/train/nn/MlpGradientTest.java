package io.slicer.tools.train.nn;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.function.DoubleSupplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlpGradientTest {
    private static final int BATCH = 5;
    private static final double H = 1e-6;

    private static Mlp net(final long seed) {
        return new Mlp(new int[] {4, 7, 6, 5, 3},
                new Nonlinearity[] {Nonlinearity.TANH, Nonlinearity.RELU, Nonlinearity.SIGMOID,
                        Nonlinearity.IDENTITY},
                new SplittableRandom(seed));
    }

    private static double[] randomArray(final SplittableRandom rng, final int n) {
        final double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = rng.nextGaussian();
        }
        return a;
    }

    /** (f(v + H) - f(v - H)) / 2H at v = {@code values[i]}, which is left as it was. */
    private static double centralDifference(final double[] values, final int i, final DoubleSupplier f) {
        final double keep = values[i];
        values[i] = keep + H;
        final double up = f.getAsDouble();
        values[i] = keep - H;
        final double down = f.getAsDouble();
        values[i] = keep;
        return (up - down) / (2 * H);
    }

    /** The loss the checks differentiate: Huber on output, so both its branches are exercised. */
    private static double loss(final Mlp net, final Mlp.Workspace ws, final double[] x, final double[] target,
                               final double[] grad) {
        net.forward(ws, x, BATCH);
        return Losses.huber(ws.output(), target, BATCH * net.outputs(), 0.5, grad);
    }

    @Test
    void backpropMatchesCentralFiniteDifferencesForEveryParameter() {
        final Mlp net = net(7);
        final Mlp.Workspace ws = net.workspace(BATCH);
        final SplittableRandom rng = new SplittableRandom(11);
        final double[] x = randomArray(rng, BATCH * 4);
        final double[] target = randomArray(rng, BATCH * 3);
        final double[] grad = new double[BATCH * 3];
        net.zeroGrad();
        loss(net, ws, x, target, grad);
        net.backward(ws, grad);
        int checked = 0;
        for (int l = 0; l < net.layerCount(); l++) {
            for (final boolean isBias : new boolean[] {false, true}) {
                final double[] p = isBias ? net.bias(l) : net.weight(l);
                final double[] g = isBias ? net.biasGrad(l) : net.weightGrad(l);
                for (int i = 0; i < p.length; i++) {
                    final double numeric = centralDifference(p, i,
                            () -> loss(net, ws, x, target, new double[BATCH * 3]));
                    assertEquals(numeric, g[i], 1e-6 + 1e-5 * Math.abs(numeric),
                            "layer " + l + (isBias ? " bias " : " weight ") + i);
                    checked++;
                }
            }
        }
        assertEquals(net.parameterCount(), checked);
    }

    @Test
    void inputGradientMatchesFiniteDifferences() {
        final Mlp net = net(3);
        final Mlp.Workspace ws = net.workspace(BATCH);
        final SplittableRandom rng = new SplittableRandom(5);
        final double[] x = randomArray(rng, BATCH * 4);
        final double[] target = randomArray(rng, BATCH * 3);
        final double[] grad = new double[BATCH * 3];
        loss(net, ws, x, target, grad);
        net.backward(ws, grad);
        final double[] analytic = ws.inputGradient().clone();
        for (int i = 0; i < BATCH * 4; i++) {
            final double numeric = centralDifference(x, i, () -> loss(net, ws, x, target, new double[BATCH * 3]));
            assertEquals(numeric, analytic[i], 1e-6, "input " + i);
        }
    }

    @Test
    void lossGradientsMatchFiniteDifferences() {
        final SplittableRandom rng = new SplittableRandom(17);
        final int n = 9;
        final double[] p = randomArray(rng, n);
        final double[] t = randomArray(rng, n);
        final double[] g = new double[n];
        final double[] scratch = new double[n];
        for (final String kind : new String[] {"mse", "huber", "expectile"}) {
            eval(kind, p, t, n, g);
            for (int i = 0; i < n; i++) {
                final double numeric = centralDifference(p, i, () -> eval(kind, p, t, n, scratch));
                assertEquals(numeric, g[i], 1e-7, kind + " element " + i);
            }
        }
    }

    private static double eval(final String kind, final double[] p, final double[] t, final int n, final double[] g) {
        switch (kind) {
            case "mse":
                return Losses.mse(p, t, n, g);
            case "huber":
                return Losses.huber(p, t, n, 0.7, g);
            default:
                return Losses.expectile(p, t, n, 0.7, g);
        }
    }

    @Test
    void huberIsQuadraticInsideDeltaAndLinearOutside() {
        final double[] g = new double[1];
        assertEquals(0.5 * 0.25, Losses.huber(new double[] {0.5}, new double[] {0}, 1, 1.0, g), 1e-15);
        assertEquals(0.5, g[0], 1e-15);
        assertEquals(1.0 * (3.0 - 0.5), Losses.huber(new double[] {-3}, new double[] {0}, 1, 1.0, g), 1e-15);
        assertEquals(-1.0, g[0], 1e-15);
    }

    @Test
    void adamFitsALinearFunction() {
        final SplittableRandom rng = new SplittableRandom(1);
        final Mlp net = new Mlp(new int[] {2, 16, 1}, new Nonlinearity[] {Nonlinearity.TANH, Nonlinearity.IDENTITY},
                rng);
        final Adam adam = new Adam(net, 1e-2);
        final int n = 32;
        final Mlp.Workspace ws = net.workspace(n);
        final double[] x = new double[n * 2];
        final double[] y = new double[n];
        final double[] g = new double[n];
        double loss = Double.NaN;
        for (int step = 0; step < 1500; step++) {
            for (int i = 0; i < n; i++) {
                x[2 * i] = rng.nextDouble() * 2 - 1;
                x[2 * i + 1] = rng.nextDouble() * 2 - 1;
                y[i] = 0.5 * x[2 * i] - 0.3 * x[2 * i + 1] + 0.1;
            }
            net.zeroGrad();
            net.forward(ws, x, n);
            loss = Losses.mse(ws.output(), y, n, g);
            net.backward(ws, g);
            adam.step();
        }
        assertTrue(loss < 1e-4, "final MSE " + loss);
    }

    @Test
    void clippingBoundsTheGlobalGradientNorm() {
        final Mlp net = net(9);
        final Mlp.Workspace ws = net.workspace(BATCH);
        final SplittableRandom rng = new SplittableRandom(2);
        final double[] grad = randomArray(rng, BATCH * 3);
        for (int i = 0; i < grad.length; i++) {
            grad[i] *= 100;
        }
        net.zeroGrad();
        net.forward(ws, randomArray(rng, BATCH * 4), BATCH);
        net.backward(ws, grad);
        final double before = net.clipGradNorm(0.25);
        assertTrue(before > 0.25);
        assertEquals(0.25, net.gradNorm(), 1e-12);
    }

    @Test
    void sameSeedGivesSameBits() {
        final Mlp a = net(42);
        final Mlp b = net(42);
        for (int l = 0; l < a.layerCount(); l++) {
            assertArrayEquals(a.weight(l), b.weight(l));
            assertArrayEquals(a.bias(l), b.bias(l));
        }
    }
}
