package io.slicer.policy.kernel;

import io.slicer.policy.model.Activation;

/**
 * Portable Java forward pass. Weights are held transposed ([inputs][outputs]) so the inner loop runs over a
 * contiguous row of outputs ({@code acc[o] += w[i][o] * x[i]}): each output is an independent chain of
 * multiply-then-add in input order, which the JIT may vectorise without changing a single bit (Java never fuses a
 * multiply and an add). Allocation-free after construction.
 */
public final class ScalarKernel implements ForwardKernel {
    private final InputNormalisation normalisation;
    private final int[] inputs;
    private final int[] outputs;
    private final Activation[] activations;
    private final float[][] weightsT;
    private final float[][] biases;
    private final int scratchWidth;

    public ScalarKernel(final DenseNetwork network) {
        normalisation = new InputNormalisation(network);
        inputs = network.inputs();
        outputs = network.outputs();
        activations = network.activations();
        final int n = network.layerCount();
        weightsT = new float[n][];
        biases = new float[n][];
        for (int k = 0; k < n; k++) {
            weightsT[k] = network.weightTransposed(k, outputs[k]);
            biases[k] = network.bias(k);
        }
        scratchWidth = network.maxWidth();
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public int scratchWidth() {
        return scratchWidth;
    }

    @Override
    public void forward(final float[] input, final float[] scratchA, final float[] scratchB, final float[] output) {
        normalisation.apply(input, scratchA);
        float[] x = scratchA;
        float[] y = scratchB;
        final int last = inputs.length - 1;
        for (int k = 0; k <= last; k++) {
            if (k == last) {
                y = output;
            }
            layer(weightsT[k], biases[k], inputs[k], outputs[k], activations[k], x, y);
            final float[] t = x;
            x = y;
            y = t;
        }
    }

    private static void layer(final float[] wt, final float[] bias, final int in, final int out,
                              final Activation activation, final float[] x, final float[] y) {
        System.arraycopy(bias, 0, y, 0, out);
        for (int i = 0; i < in; i++) {
            final float xi = x[i];
            final int row = i * out;
            for (int o = 0; o < out; o++) {
                y[o] += wt[row + o] * xi;
            }
        }
        switch (activation) {
            case RELU:
                for (int o = 0; o < out; o++) {
                    y[o] = y[o] > 0f ? y[o] : 0f;
                }
                break;
            case IDENTITY:
                break;
            default:
                for (int o = 0; o < out; o++) {
                    y[o] = activation.apply(y[o]);
                }
        }
    }
}
