package io.slicer.policy;

import java.lang.management.ManagementFactory;

/**
 * Measures what a context allocates per forward pass once the JIT has compiled the loop. A {@code main} as well, so
 * {@link InferenceAllocationTest} can run it in a JVM whose JIT flags it chooses.
 */
final class AllocationProbe {
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static double sink;

    private AllocationProbe() {
    }

    /** Prints "dqn=BYTES iql=BYTES" for the vector kernel: bytes allocated by 10,000 passes after warm-up. */
    public static void main(final String[] args) {
        System.out.println("dqn=" + bytesPerLoop(TestModels.dqn(1).newContext(KernelKind.VECTOR), true)
                + " iql=" + bytesPerLoop(TestModels.iqlActor(1).newContext(KernelKind.VECTOR), false));
    }

    /** Warms up until the JIT has compiled the loop, then measures one more loop; returns its allocated bytes. */
    static long bytesPerLoop(final InferenceContext ctx, final boolean discrete) {
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
