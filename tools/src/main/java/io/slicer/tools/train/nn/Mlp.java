package io.slicer.tools.train.nn;

import java.util.SplittableRandom;

/**
 * A trainable multilayer perceptron of dense layers, in the PyTorch {@code nn.Linear} convention the policy kernel
 * uses: layer {@code l} has weight {@code [outputs][inputs]} row-major and a bias of length {@code outputs}.
 *
 * <p>Parameters are doubles so that finite-difference gradient checks are exact to many digits and Adam's small
 * updates are not lost; export rounds them to float once. Gradients accumulate into buffers owned by the network
 * ({@link #zeroGrad()} clears them). Minibatch activations live in a {@link Workspace}, sized once, so a training
 * step allocates nothing. Single-threaded; the same seed gives the same bits.
 */
public final class Mlp {
    private final int[] widths;
    private final Nonlinearity[] activations;
    private final double[][] weights;
    private final double[][] biases;
    private final double[][] weightGrads;
    private final double[][] biasGrads;

    /**
     * @param widths      layer widths including input and output, e.g. {@code {8, 64, 64, 5}}
     * @param activations one per layer (length {@code widths.length - 1})
     * @param rng         initialisation draws: PyTorch's default {@code U(-1/sqrt(in), 1/sqrt(in))} for weights and biases
     */
    public Mlp(final int[] widths, final Nonlinearity[] activations, final SplittableRandom rng) {
        if (widths.length < 2 || activations.length != widths.length - 1) {
            throw new IllegalArgumentException("need widths.length - 1 activations, got " + widths.length
                    + " widths and " + activations.length + " activations");
        }
        this.widths = widths.clone();
        this.activations = activations.clone();
        final int layers = activations.length;
        weights = new double[layers][];
        biases = new double[layers][];
        weightGrads = new double[layers][];
        biasGrads = new double[layers][];
        for (int l = 0; l < layers; l++) {
            final int in = widths[l];
            final int out = widths[l + 1];
            if (in <= 0 || out <= 0) {
                throw new IllegalArgumentException("layer " + l + " has width " + in + "->" + out);
            }
            weights[l] = new double[in * out];
            biases[l] = new double[out];
            weightGrads[l] = new double[in * out];
            biasGrads[l] = new double[out];
            final double bound = 1.0 / Math.sqrt(in);
            for (int i = 0; i < weights[l].length; i++) {
                weights[l][i] = (rng.nextDouble() * 2 - 1) * bound;
            }
            for (int i = 0; i < out; i++) {
                biases[l][i] = (rng.nextDouble() * 2 - 1) * bound;
            }
        }
    }

    /** A copy with the same parameters (e.g. a target network). */
    public Mlp copy() {
        final Mlp c = new Mlp(widths, activations, new SplittableRandom(0));
        c.copyFrom(this);
        return c;
    }

    public int layerCount() {
        return activations.length;
    }

    public int inputs() {
        return widths[0];
    }

    public int outputs() {
        return widths[widths.length - 1];
    }

    public int width(final int index) {
        return widths[index];
    }

    public Nonlinearity activation(final int layer) {
        return activations[layer];
    }

    /** Layer {@code l}'s weight, {@code [outputs][inputs]} row-major; live, not a copy. */
    public double[] weight(final int layer) {
        return weights[layer];
    }

    public double[] bias(final int layer) {
        return biases[layer];
    }

    public double[] weightGrad(final int layer) {
        return weightGrads[layer];
    }

    public double[] biasGrad(final int layer) {
        return biasGrads[layer];
    }

    public int parameterCount() {
        int n = 0;
        for (int l = 0; l < layerCount(); l++) {
            n += weights[l].length + biases[l].length;
        }
        return n;
    }

    public Workspace workspace(final int maxBatch) {
        return new Workspace(this, maxBatch);
    }

    /**
     * Forward pass of {@code n} samples; {@code x} is {@code [n][inputs]} row-major. The result is
     * {@link Workspace#output()}, {@code [n][outputs]}.
     */
    public void forward(final Workspace ws, final double[] x, final int n) {
        ws.check(this, n);
        System.arraycopy(x, 0, ws.activations[0], 0, n * widths[0]);
        for (int l = 0; l < activations.length; l++) {
            final int in = widths[l];
            final int out = widths[l + 1];
            final double[] a = ws.activations[l];
            final double[] y = ws.activations[l + 1];
            final double[] w = weights[l];
            final double[] b = biases[l];
            final Nonlinearity f = activations[l];
            for (int i = 0; i < n; i++) {
                final int xi = i * in;
                final int yi = i * out;
                for (int o = 0; o < out; o++) {
                    final int wo = o * in;
                    double s = b[o];
                    for (int k = 0; k < in; k++) {
                        s += w[wo + k] * a[xi + k];
                    }
                    y[yi + o] = f.apply(s);
                }
            }
        }
        ws.batch = n;
    }

    /**
     * Backward pass for the batch of the last {@link #forward} on {@code ws}: {@code dOut} is dLoss/dOutput
     * {@code [n][outputs]}; parameter gradients are ADDED to this network's gradient buffers. dLoss/dInput lands in
     * {@link Workspace#inputGradient()}.
     */
    public void backward(final Workspace ws, final double[] dOut) {
        final int n = ws.batch;
        double[] delta = ws.deltaA;
        double[] next = ws.deltaB;
        final int last = activations.length - 1;
        {
            final int out = widths[last + 1];
            final double[] y = ws.activations[last + 1];
            final Nonlinearity f = activations[last];
            for (int j = 0; j < n * out; j++) {
                delta[j] = dOut[j] * f.derivativeFromOutput(y[j]);
            }
        }
        for (int l = last; l >= 0; l--) {
            final int in = widths[l];
            final int out = widths[l + 1];
            final double[] a = ws.activations[l];
            final double[] w = weights[l];
            final double[] gw = weightGrads[l];
            final double[] gb = biasGrads[l];
            java.util.Arrays.fill(next, 0, n * in, 0.0);
            for (int i = 0; i < n; i++) {
                final int ai = i * in;
                final int di = i * out;
                for (int o = 0; o < out; o++) {
                    final double d = delta[di + o];
                    if (d == 0.0) {
                        continue;
                    }
                    gb[o] += d;
                    final int wo = o * in;
                    for (int k = 0; k < in; k++) {
                        gw[wo + k] += d * a[ai + k];
                        next[ai + k] += d * w[wo + k];
                    }
                }
            }
            if (l > 0) {
                final Nonlinearity f = activations[l - 1];
                for (int j = 0; j < n * in; j++) {
                    next[j] *= f.derivativeFromOutput(a[j]);
                }
            }
            final double[] t = delta;
            delta = next;
            next = t;
        }
        System.arraycopy(delta, 0, ws.inputGradient, 0, n * widths[0]);
    }

    public void zeroGrad() {
        for (int l = 0; l < layerCount(); l++) {
            java.util.Arrays.fill(weightGrads[l], 0.0);
            java.util.Arrays.fill(biasGrads[l], 0.0);
        }
    }

    /** L2 norm of all gradients. */
    public double gradNorm() {
        double s = 0;
        for (int l = 0; l < layerCount(); l++) {
            for (final double g : weightGrads[l]) {
                s += g * g;
            }
            for (final double g : biasGrads[l]) {
                s += g * g;
            }
        }
        return Math.sqrt(s);
    }

    /** Rescales the gradients so their global L2 norm is at most {@code maxNorm}; returns the norm before. */
    public double clipGradNorm(final double maxNorm) {
        final double norm = gradNorm();
        if (norm > maxNorm && norm > 0) {
            final double k = maxNorm / norm;
            for (int l = 0; l < layerCount(); l++) {
                scale(weightGrads[l], k);
                scale(biasGrads[l], k);
            }
        }
        return norm;
    }

    private static void scale(final double[] v, final double k) {
        for (int i = 0; i < v.length; i++) {
            v[i] *= k;
        }
    }

    public void copyFrom(final Mlp src) {
        requireSameShape(src);
        for (int l = 0; l < layerCount(); l++) {
            System.arraycopy(src.weights[l], 0, weights[l], 0, weights[l].length);
            System.arraycopy(src.biases[l], 0, biases[l], 0, biases[l].length);
        }
    }

    /** Polyak averaging: this = (1 - tau) * this + tau * src. */
    public void polyak(final Mlp src, final double tau) {
        requireSameShape(src);
        for (int l = 0; l < layerCount(); l++) {
            blend(weights[l], src.weights[l], tau);
            blend(biases[l], src.biases[l], tau);
        }
    }

    private static void blend(final double[] dst, final double[] src, final double tau) {
        for (int i = 0; i < dst.length; i++) {
            dst[i] += tau * (src[i] - dst[i]);
        }
    }

    private void requireSameShape(final Mlp other) {
        if (!java.util.Arrays.equals(widths, other.widths)) {
            throw new IllegalArgumentException("network shapes differ: " + java.util.Arrays.toString(widths)
                    + " vs " + java.util.Arrays.toString(other.widths));
        }
    }

    /** Minibatch buffers for one network shape. Allocation-free after construction. */
    public static final class Workspace {
        private final int[] widths;
        private final int maxBatch;
        final double[][] activations;
        final double[] deltaA;
        final double[] deltaB;
        final double[] inputGradient;
        int batch;

        Workspace(final Mlp net, final int maxBatch) {
            this.widths = net.widths.clone();
            this.maxBatch = maxBatch;
            activations = new double[widths.length][];
            int widest = 0;
            for (int i = 0; i < widths.length; i++) {
                activations[i] = new double[maxBatch * widths[i]];
                widest = Math.max(widest, widths[i]);
            }
            deltaA = new double[maxBatch * widest];
            deltaB = new double[maxBatch * widest];
            inputGradient = new double[maxBatch * widths[0]];
        }

        void check(final Mlp net, final int n) {
            if (n > maxBatch || n < 1) {
                throw new IllegalArgumentException("batch " + n + " outside workspace capacity 1.." + maxBatch);
            }
            if (!java.util.Arrays.equals(widths, net.widths)) {
                throw new IllegalArgumentException("workspace was made for another network shape");
            }
        }

        /** {@code [batch][outputs]} of the last forward pass. */
        public double[] output() {
            return activations[activations.length - 1];
        }

        /** dLoss/dInput {@code [batch][inputs]} of the last backward pass. */
        public double[] inputGradient() {
            return inputGradient;
        }
    }
}
