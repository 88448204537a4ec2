package io.slicer.tools.train.nn;

/**
 * Adam (Kingma and Ba, 2015) with PyTorch's defaults and bias correction, over all parameters of one {@link Mlp}.
 * Allocation-free after construction.
 */
public final class Adam {
    private final Mlp net;
    private final double learningRate;
    private final double beta1;
    private final double beta2;
    private final double epsilon;
    private final double[][] m;
    private final double[][] v;
    private long step;

    public Adam(final Mlp net, final double learningRate) {
        this(net, learningRate, 0.9, 0.999, 1e-8);
    }

    public Adam(final Mlp net, final double learningRate, final double beta1, final double beta2,
                final double epsilon) {
        this.net = net;
        this.learningRate = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        final int layers = net.layerCount();
        m = new double[2 * layers][];
        v = new double[2 * layers][];
        for (int l = 0; l < layers; l++) {
            m[2 * l] = new double[net.weight(l).length];
            v[2 * l] = new double[net.weight(l).length];
            m[2 * l + 1] = new double[net.bias(l).length];
            v[2 * l + 1] = new double[net.bias(l).length];
        }
    }

    public long steps() {
        return step;
    }

    /** One update from the network's accumulated gradients (which are left as they are). */
    public void step() {
        step++;
        final double c1 = 1.0 - Math.pow(beta1, step);
        final double c2 = 1.0 - Math.pow(beta2, step);
        final double stepSize = learningRate / c1;
        final double sqrtC2 = Math.sqrt(c2);
        for (int l = 0; l < net.layerCount(); l++) {
            update(net.weight(l), net.weightGrad(l), m[2 * l], v[2 * l], stepSize, sqrtC2);
            update(net.bias(l), net.biasGrad(l), m[2 * l + 1], v[2 * l + 1], stepSize, sqrtC2);
        }
    }

    private void update(final double[] p, final double[] g, final double[] mm, final double[] vv,
                        final double stepSize, final double sqrtC2) {
        for (int i = 0; i < p.length; i++) {
            final double gi = g[i];
            mm[i] = beta1 * mm[i] + (1 - beta1) * gi;
            vv[i] = beta2 * vv[i] + (1 - beta2) * gi * gi;
            p[i] -= stepSize * mm[i] / (Math.sqrt(vv[i]) / sqrtC2 + epsilon);
        }
    }
}
