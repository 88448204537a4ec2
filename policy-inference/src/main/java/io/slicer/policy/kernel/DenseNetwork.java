package io.slicer.policy.kernel;

import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;

import java.util.List;

/**
 * The immutable numbers a kernel multiplies: input normalisation (mean, scale) and each layer's weights in the
 * PyTorch [outputs][inputs] row-major layout. Built only from layers already validated by
 * {@link io.slicer.policy.PolicyModel#of}; arrays are private copies and never handed out.
 */
public final class DenseNetwork {
    private final float[] mean;
    private final float[] scale;
    private final int[] inputs;
    private final int[] outputs;
    private final Activation[] activations;
    private final float[][] weights;
    private final float[][] biases;

    public DenseNetwork(final float[] mean, final float[] scale, final List<DenseLayer> layers) {
        this.mean = mean.clone();
        this.scale = scale.clone();
        final int n = layers.size();
        inputs = new int[n];
        outputs = new int[n];
        activations = new Activation[n];
        weights = new float[n][];
        biases = new float[n][];
        for (int k = 0; k < n; k++) {
            final DenseLayer layer = layers.get(k);
            inputs[k] = layer.inputs();
            outputs[k] = layer.outputs();
            activations[k] = layer.activation();
            weights[k] = layer.weight().clone();
            biases[k] = layer.bias().clone();
        }
    }

    public int layerCount() {
        return inputs.length;
    }

    public int inputWidth() {
        return mean.length;
    }

    public int outputWidth() {
        return outputs[outputs.length - 1];
    }

    public int inputs(final int layer) {
        return inputs[layer];
    }

    public int outputs(final int layer) {
        return outputs[layer];
    }

    public Activation activation(final int layer) {
        return activations[layer];
    }

    /** A copy of every layer's input count, in layer order. */
    public int[] inputs() {
        return inputs.clone();
    }

    /** A copy of every layer's output count, in layer order. */
    public int[] outputs() {
        return outputs.clone();
    }

    /** A copy of every layer's activation, in layer order. */
    public Activation[] activations() {
        return activations.clone();
    }

    /** The widest vector any stage produces or consumes. */
    public int maxWidth() {
        int max = inputWidth();
        for (final int o : outputs) {
            max = Math.max(max, o);
        }
        return max;
    }

    /** Weight of {@code layer} from input {@code i} to output {@code o}. */
    public float weight(final int layer, final int o, final int i) {
        return weights[layer][o * inputs[layer] + i];
    }

    public float bias(final int layer, final int o) {
        return biases[layer][o];
    }

    /** A copy of the normalisation means. */
    public float[] mean() {
        return mean.clone();
    }

    /** A copy of the normalisation scales. */
    public float[] scale() {
        return scale.clone();
    }

    /** A copy of one layer's weight in [outputs][inputs] order. */
    public float[] weightRowMajor(final int layer) {
        return weights[layer].clone();
    }

    /** A copy of one layer's bias. */
    public float[] bias(final int layer) {
        return biases[layer].clone();
    }

    /**
     * One layer's weight transposed to [inputs][stride] with zero padding for outputs in [outputs, stride): the
     * layout in which each input broadcasts against a contiguous run of outputs.
     */
    public float[] weightTransposed(final int layer, final int stride) {
        final int in = inputs[layer];
        final int out = outputs[layer];
        final float[] t = new float[in * stride];
        final float[] w = weights[layer];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                t[i * stride + o] = w[o * in + i];
            }
        }
        return t;
    }

    /**
     * The double-precision reference the kernels are tested against: same normalisation and layer order, every
     * product and sum in double, activations via {@link Activation#applyExact}.
     */
    public double[] referenceForward(final float[] rawInput) {
        double[] x = new double[inputWidth()];
        for (int i = 0; i < x.length; i++) {
            x[i] = ((double) rawInput[i] - mean[i]) / scale[i];
        }
        for (int k = 0; k < layerCount(); k++) {
            final double[] y = new double[outputs[k]];
            for (int o = 0; o < outputs[k]; o++) {
                double acc = biases[k][o];
                for (int i = 0; i < inputs[k]; i++) {
                    acc += (double) weights[k][o * inputs[k] + i] * x[i];
                }
                y[o] = activations[k].applyExact(acc);
            }
            x = y;
        }
        return x;
    }
}
