package io.slicer.policy.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;

/**
 * Where {@link VectorKernel} starts each weight panel inside its array, so that vector loads fall on 64-byte cache
 * lines when the JVM makes that possible.
 *
 * <p>Java gives no control over where an array lands, and a collection may move it; but under
 * {@code -XX:ObjectAlignmentInBytes=64} every object starts on a 64-byte boundary and keeps that through every move,
 * so a {@code float[]}'s element {@code i} sits at a fixed distance from a line: the array's header (16 bytes with
 * compressed class pointers, 24 without) plus {@code 4 * i}. Starting each panel at the first index whose address is a
 * multiple of 64 (index 12 with a 16-byte header) then puts every 64-byte load on one line instead of straddling two,
 * which measured about 30% faster on the 64->32 layer ({@code PanelAlignmentHarness}). Under any other alignment the
 * layout is the packed one, panels back to back from index 0. Either way the kernel reads the same weights in the same
 * order, so the output bits do not depend on the layout.
 *
 * <p>Read once, at class initialisation, from the HotSpot diagnostic MXBean; on a JVM without it (not HotSpot) the
 * layout is the packed one.
 */
final class PanelLayout {
    /** The cache line (and AVX-512 vector) size the panels are aligned to, in bytes. */
    static final int LINE_BYTES = 64;

    /** Panels back to back from index 0: what the kernel uses when the JVM does not line-align objects. */
    static final PanelLayout PACKED = new PanelLayout(false, 0);

    private static final PanelLayout DETECTED = detect();

    private final boolean aligned;
    private final int headerBytes;

    private PanelLayout(final boolean aligned, final int headerBytes) {
        this.aligned = aligned;
        this.headerBytes = headerBytes;
    }

    /** Line-aligned panels for a JVM whose {@code float[]} data starts {@code headerBytes} after a line. */
    static PanelLayout lineAligned(final int headerBytes) {
        if (headerBytes % Float.BYTES != 0) {
            throw new IllegalArgumentException("a float[] header of " + headerBytes + " bytes is not a whole number"
                    + " of floats");
        }
        return new PanelLayout(true, headerBytes);
    }

    /** The layout this JVM allows: line-aligned under {@code -XX:ObjectAlignmentInBytes=64} (or more), else packed. */
    static PanelLayout detected() {
        return DETECTED;
    }

    private static PanelLayout detect() {
        try {
            final HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            final int objectAlignment = Integer.parseInt(hotSpot.getVMOption("ObjectAlignmentInBytes").getValue());
            if (objectAlignment % LINE_BYTES != 0) {
                return PACKED;
            }
            final boolean compressedClass = Boolean.parseBoolean(
                    hotSpot.getVMOption("UseCompressedClassPointers").getValue());
            // mark word (8) + class pointer (4 compressed, 8 not) + length (4), rounded up to 8 bytes
            return lineAligned(compressedClass ? 16 : 24);
        } catch (final IllegalArgumentException | LinkageError | SecurityException e) {
            return PACKED; // not HotSpot, or an option it does not know: the portable layout
        }
    }

    boolean aligned() {
        return aligned;
    }

    /** The first index at or after {@code index} where a panel may start. */
    int panelStart(final int index) {
        if (!aligned) {
            return index;
        }
        final int perLine = LINE_BYTES / Float.BYTES;
        final int phase = (LINE_BYTES - headerBytes % LINE_BYTES) % LINE_BYTES / Float.BYTES;
        return index + Math.floorMod(phase - index, perLine);
    }

    @Override
    public String toString() {
        return aligned ? "line-aligned panels (float[] data " + headerBytes + " bytes after a line)" : "packed panels";
    }
}
