package io.slicer.policy;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hot path allocates nothing: forward + head, measured with the JVM's per-thread allocation counter. */
class InferenceAllocationTest {
    @Test
    void scalarForwardAllocatesNothingAfterWarmUp() {
        assertEquals(0, AllocationProbe.bytesPerLoop(TestModels.dqn(1).newContext(KernelKind.SCALAR), true));
        assertEquals(0, AllocationProbe.bytesPerLoop(TestModels.iqlActor(1).newContext(KernelKind.SCALAR), false));
    }

    @Test
    void vectorForwardAllocatesNothingAfterWarmUp() {
        assertEquals(0, AllocationProbe.bytesPerLoop(TestModels.dqn(1).newContext(KernelKind.VECTOR), true));
        assertEquals(0, AllocationProbe.bytesPerLoop(TestModels.iqlActor(1).newContext(KernelKind.VECTOR), false));
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

    /**
     * The flake this pins: C2 boxed one 16-lane vector per pass (96 B) on runs where it had compiled a small helper
     * taking a vector on its own and then declined to inline it. The kernel now hands no vector across a method
     * boundary, so it allocates nothing even in a JVM told to inline none of the kernel's methods.
     */
    @Test
    void vectorForwardAllocatesNothingEvenWhenTheJitInlinesNoneOfTheKernelsMethods() throws Exception {
        final Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        final Process child = new ProcessBuilder(java.toString(), "--add-modules=jdk.incubator.vector",
                "-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,io.slicer.policy.kernel.VectorKernel::*",
                "-cp", System.getProperty("java.class.path"), AllocationProbe.class.getName())
                .redirectErrorStream(true).start();
        final String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("dqn=0 iql=0"), output);
    }
}
