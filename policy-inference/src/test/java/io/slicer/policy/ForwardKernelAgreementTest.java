package io.slicer.policy;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForwardKernelAgreementTest {
    private static final double TOLERANCE = 1e-5;

    @Test
    void scalarKernelAgreesWithDoubleReference() {
        for (final PolicyModel model : new PolicyModel[]{TestModels.dqn(1), TestModels.iqlActor(2), TestModels.mixed(3)}) {
            assertAgreesWithReference(model, KernelKind.SCALAR);
        }
    }

    @Test
    void vectorKernelAgreesWithDoubleReference() {
        for (final PolicyModel model : new PolicyModel[]{TestModels.dqn(1), TestModels.iqlActor(2), TestModels.mixed(3)}) {
            assertAgreesWithReference(model, KernelKind.VECTOR);
        }
    }

    @Test
    void eachKernelGivesIdenticalBitsOnEveryRun() {
        final PolicyModel model = TestModels.iqlActor(9);
        for (final KernelKind kind : new KernelKind[]{KernelKind.SCALAR, KernelKind.VECTOR}) {
            final InferenceContext first = model.newContext(kind);
            final InferenceContext second = model.newContext(kind);
            final SplittableRandom rnd = new SplittableRandom(4);
            for (int n = 0; n < 2_000; n++) {
                final float[] x = TestModels.input(rnd, model.inputWidth());
                System.arraycopy(x, 0, first.input(), 0, x.length);
                first.forward();
                final float[] before = first.output().clone();
                System.arraycopy(x, 0, second.input(), 0, x.length);
                second.forward();
                first.forward();
                assertArrayEquals(before, first.output(), kind + " rerun");
                assertArrayEquals(before, second.output(), kind + " second context");
            }
        }
    }

    @Test
    void argmaxPicksLowestIndexOnTies() {
        final PolicyModel model = TestModels.dqn(1);
        final InferenceContext ctx = model.newContext();
        final float[] out = ctx.output();
        out[0] = 1f;
        out[1] = 3f;
        out[2] = 3f;
        out[3] = -2f;
        out[4] = 3f;
        assertEquals(1, ctx.argmax());
        out[0] = Float.NaN;
        out[1] = Float.NaN;
        assertEquals(2, ctx.argmax());
    }

    @Test
    void continuousHeadSquashesIntoTheActionRange() {
        final PolicyModel model = TestModels.iqlActor(5);
        final InferenceContext ctx = model.newContext();
        ctx.output()[0] = 0f;
        assertEquals(0.125, ctx.continuousAction(), 1e-15);
        ctx.output()[0] = 40f;
        assertEquals(0.25, ctx.continuousAction(), 1e-15);
        ctx.output()[0] = -40f;
        assertEquals(0.0, ctx.continuousAction(), 1e-15);
        ctx.output()[0] = 0.5f;
        assertEquals((StrictMath.tanh(0.5) + 1) / 2 * 0.25, ctx.continuousAction(), 1e-15);
    }

    private static void assertAgreesWithReference(final PolicyModel model, final KernelKind kind) {
        final InferenceContext ctx = model.newContext(kind);
        final SplittableRandom rnd = new SplittableRandom(17);
        double worst = 0;
        for (int n = 0; n < 500; n++) {
            final float[] x = TestModels.input(rnd, model.inputWidth());
            System.arraycopy(x, 0, ctx.input(), 0, x.length);
            ctx.forward();
            final double[] ref = model.network().referenceForward(x);
            for (int o = 0; o < ref.length; o++) {
                final double err = Math.abs(ctx.output()[o] - ref[o]) / Math.max(1.0, Math.abs(ref[o]));
                worst = Math.max(worst, err);
            }
        }
        assertTrue(worst <= TOLERANCE, kind + " worst relative error " + worst);
    }
}
