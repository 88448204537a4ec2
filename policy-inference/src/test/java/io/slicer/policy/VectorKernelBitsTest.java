package io.slicer.policy;

import io.slicer.policy.kernel.DenseNetwork;
import io.slicer.policy.model.Activation;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The vector kernel's bits are a documented function of the weights and input, independent of the lane count: each
 * output is bias + four fused-multiply-add chains over inputs i mod 4, combined as (s0 + s1) + (s2 + s3). Replaying
 * that order with {@link Math#fma} one output at a time must give identical bits, which is what lets a journal be
 * replayed on a machine with another SIMD width.
 */
class VectorKernelBitsTest {

    @Test
    void vectorKernelEqualsItsDocumentedScalarOrderBitForBit() {
        for (final PolicyModel model : new PolicyModel[]{TestModels.dqn(3), TestModels.iqlActor(4), TestModels.mixed(5)}) {
            final InferenceContext ctx = model.newContext(KernelKind.VECTOR);
            final SplittableRandom rnd = new SplittableRandom(99);
            for (int n = 0; n < 300; n++) {
                final float[] x = TestModels.input(rnd, model.inputWidth());
                System.arraycopy(x, 0, ctx.input(), 0, x.length);
                ctx.forward();
                final float[] expected = emulate(model.network(), x);
                for (int o = 0; o < expected.length; o++) {
                    assertEquals(Float.floatToRawIntBits(expected[o]), Float.floatToRawIntBits(ctx.output()[o]),
                            "output " + o + " of input " + n);
                }
            }
        }
    }

    private static float[] emulate(final DenseNetwork net, final float[] raw) {
        final float[] mean = net.mean();
        final float[] scale = net.scale();
        float[] x = new float[raw.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (raw[i] - mean[i]) / scale[i];
        }
        for (int k = 0; k < net.layerCount(); k++) {
            final int in = net.inputs(k);
            final float[] y = new float[net.outputs(k)];
            for (int o = 0; o < y.length; o++) {
                final float[] s = {net.bias(k, o), 0f, 0f, 0f};
                final int in4 = in & ~3;
                int i = 0;
                for (; i < in4; i += 4) {
                    for (int phase = 0; phase < 4; phase++) {
                        s[phase] = Math.fma(net.weight(k, o, i + phase), x[i + phase], s[phase]);
                    }
                }
                for (; i < in; i++) {
                    s[0] = Math.fma(net.weight(k, o, i), x[i], s[0]);
                }
                final float sum = (s[0] + s[1]) + (s[2] + s[3]);
                y[o] = net.activation(k) == Activation.RELU ? (sum > 0f ? sum : 0f) : net.activation(k).apply(sum);
            }
            x = y;
        }
        return x;
    }
}
