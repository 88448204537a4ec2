package io.slicer.policy.kernel;

import io.slicer.policy.PolicyModel;
import io.slicer.policy.TestModels;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Line-aligned weight panels change where the vector kernel's weights lie in their arrays, never what it computes:
 * the same weights under both layouts give the same output bits, input by input.
 */
class PanelLayoutTest {

    @Test
    void lineAlignedAndPackedPanelsGiveIdenticalOutputBits() {
        final PanelLayout[] layouts = {PanelLayout.lineAligned(16), PanelLayout.lineAligned(24)};
        for (final PolicyModel model : new PolicyModel[]{TestModels.dqn(3), TestModels.iqlActor(4),
                TestModels.mixed(5)}) {
            final DenseNetwork net = model.network();
            final VectorKernel packed = new VectorKernel(net, PanelLayout.PACKED);
            final SplittableRandom rnd = new SplittableRandom(17);
            final float[] a = new float[packed.scratchWidth()];
            final float[] b = new float[packed.scratchWidth()];
            final float[] expected = new float[net.outputWidth()];
            final float[] got = new float[net.outputWidth()];
            for (final PanelLayout layout : layouts) {
                final VectorKernel aligned = new VectorKernel(net, layout);
                // the aligned kernel keeps its activations from a line start on: its scratch is longer
                final float[] alignedA = new float[aligned.scratchWidth()];
                final float[] alignedB = new float[aligned.scratchWidth()];
                for (int n = 0; n < 5_000; n++) {
                    final float[] x = TestModels.input(rnd, net.inputWidth());
                    packed.forward(x, a, b, expected);
                    aligned.forward(x, alignedA, alignedB, got);
                    for (int o = 0; o < expected.length; o++) {
                        assertEquals(Float.floatToRawIntBits(expected[o]), Float.floatToRawIntBits(got[o]),
                                layout + ": output " + o + " of input " + n);
                    }
                }
            }
        }
    }

    @Test
    void alignedPanelsStartWhereTheirDataMeetsACacheLine() {
        final PanelLayout compressed = PanelLayout.lineAligned(16);
        assertEquals(12, compressed.panelStart(0)); // 16 + 4 * 12 = 64
        assertEquals(12, compressed.panelStart(12));
        assertEquals(28, compressed.panelStart(13));
        assertEquals(12 + 64 * 32, compressed.panelStart(12 + 64 * 32)); // a 64x32 panel ends on a line
        final PanelLayout uncompressed = PanelLayout.lineAligned(24);
        assertEquals(10, uncompressed.panelStart(0)); // 24 + 4 * 10 = 64
        assertEquals(26, uncompressed.panelStart(11));
        assertEquals(5, PanelLayout.PACKED.panelStart(5));
    }

    @Test
    void theDefaultJvmAlignmentGivesPackedPanels() {
        // surefire runs with jvm.options, which leaves ObjectAlignmentInBytes at its default of 8
        assertFalse(PanelLayout.detected().aligned(), PanelLayout.detected().toString());
    }
}
