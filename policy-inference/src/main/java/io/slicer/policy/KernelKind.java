package io.slicer.policy;

/** Which forward kernel a context runs; {@link #AUTO} follows {@code -Dslicer.kernel} and the platform. */
public enum KernelKind {
    AUTO, SCALAR, VECTOR
}
