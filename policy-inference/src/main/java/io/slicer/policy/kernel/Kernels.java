package io.slicer.policy.kernel;

import java.util.Locale;

/**
 * Chooses the forward kernel: the Vector API one when {@code jdk.incubator.vector} is in the boot layer (jvm.options
 * adds it), the portable scalar one otherwise. The system property {@code slicer.kernel=scalar|vector} forces one;
 * forcing "vector" without the module is an error rather than a silent fallback.
 */
public final class Kernels {
    /** System property that forces a kernel: "scalar", "vector" or "auto" (the default). */
    public static final String PROPERTY = "slicer.kernel";

    private static final String VECTOR_CLASS = "io.slicer.policy.kernel.VectorKernel";

    private Kernels() {
    }

    /** Whether the Vector API module is present and its kernel class links. */
    public static boolean vectorAvailable() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            Class.forName(VECTOR_CLASS);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The kernel the property (or, by default, the platform) asks for. */
    public static ForwardKernel select(final DenseNetwork network) {
        final String wanted = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        switch (wanted) {
            case "scalar":
                return scalar(network);
            case "vector":
                return vector(network);
            case "auto":
            case "":
                return vectorAvailable() ? vector(network) : scalar(network);
            default:
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + wanted + ": expected scalar, vector or auto");
        }
    }

    public static ForwardKernel scalar(final DenseNetwork network) {
        return new ScalarKernel(network);
    }

    /** The Vector API kernel; {@link IllegalStateException} when the module is absent. */
    public static ForwardKernel vector(final DenseNetwork network) {
        if (!vectorAvailable()) {
            throw new IllegalStateException("vector kernel requested but module jdk.incubator.vector is not present"
                    + " (add --add-modules=jdk.incubator.vector, see jvm.options)");
        }
        try {
            return (ForwardKernel) Class.forName(VECTOR_CLASS).getConstructor(DenseNetwork.class).newInstance(network);
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("vector kernel could not be loaded: " + e, e);
        }
    }
}
