package io.slicer.policy;

import io.slicer.policy.kernel.Kernels;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KernelSelectionTest {

    @AfterEach
    void clearProperty() {
        System.clearProperty(Kernels.PROPERTY);
    }

    @Test
    void vectorKernelIsTheDefaultWhenTheModuleIsPresent() {
        assertTrue(Kernels.vectorAvailable(), "jvm.options adds jdk.incubator.vector to every test JVM");
        assertEquals("vector", TestModels.dqn(1).newContext().kernelName());
    }

    @Test
    void propertyForcesTheScalarKernel() {
        System.setProperty(Kernels.PROPERTY, "scalar");
        assertEquals("scalar", TestModels.dqn(1).newContext().kernelName());
        assertEquals("vector", TestModels.dqn(1).newContext(KernelKind.VECTOR).kernelName());
    }

    @Test
    void unknownKernelNameIsRefused() {
        System.setProperty(Kernels.PROPERTY, "gpu");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestModels.dqn(1));
        assertEquals("-Dslicer.kernel=gpu: expected scalar, vector or auto", e.getMessage());
    }
}
