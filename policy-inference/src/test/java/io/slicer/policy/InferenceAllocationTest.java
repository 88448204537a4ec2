package io.slicer.policy;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The hot path allocates nothing: forward + head, measured with the JVM's per-thread allocation counter. */
class InferenceAllocationTest {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void scalarForwardAllocatesNothingAfterWarmUp() {
        assertEquals(0, bytesPerLoop(TestModels.dqn(1).newContext(KernelKind.SCALAR), true));
        assertEquals(0, bytesPerLoop(TestModels.iqlActor(1).newContext(KernelKind.SCALAR), false));
    }

    @Test
    void vectorForwardAllocatesNothingAfterWarmUp() {
        assertEquals(0, bytesPerLoop(TestModels.dqn(1).newContext(KernelKind.VECTOR), true));
        assertEquals(0, bytesPerLoop(TestModels.iqlActor(1).newContext(KernelKind.VECTOR), false));
    }

    @Test
    void warmUpRestoresTheInputAndChangesNoLaterResult() {
        final PolicyModel model = TestModels.dqn(5);
        final InferenceContext cold = model.newContext(KernelKind.VECTOR);
        final InferenceContext warmed = model.newContext(KernelKind.VECTOR);
        final float[] features = TestModels.input(new java.util.SplittableRandom(9), cold.input().length);
        System.arraycopy(features, 0, cold.input(), 0, features.length);
        System.arraycopy(features, 0, warmed.input(), 0, features.length);
        warmed.warmUp(1_000);
        org.junit.jupiter.api.Assertions.assertArrayEquals(features, warmed.input());
        cold.forward();
        warmed.forward();
        org.junit.jupiter.api.Assertions.assertArrayEquals(cold.output(), warmed.output());
    }

    /** Warms up until the JIT has compiled the loop, then measures one more loop; returns its allocated bytes. */
    private static long bytesPerLoop(final InferenceContext ctx, final boolean discrete) {
        final long threadId = Thread.currentThread().getId();
        long allocated = -1;
        for (int round = 0; round < 20 && allocated != 0; round++) {
            loop(ctx, discrete, 20_000);
            final long before = THREADS.getThreadAllocatedBytes(threadId);
            loop(ctx, discrete, 10_000);
            allocated = THREADS.getThreadAllocatedBytes(threadId) - before;
        }
        return allocated;
    }

    private static double sink;

    private static void loop(final InferenceContext ctx, final boolean discrete, final int n) {
        final float[] in = ctx.input();
        double acc = 0;
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < in.length; f++) {
                in[f] = (i % 97) * 0.01f - f * 0.1f;
            }
            ctx.forward();
            acc += discrete ? ctx.argmax() : ctx.continuousAction();
        }
        sink += acc;
    }
}
