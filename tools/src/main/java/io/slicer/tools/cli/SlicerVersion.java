package io.slicer.tools.cli;

import picocli.CommandLine;

/** Version string from the jar manifest (falls back to "dev" when run from classes). */
public final class SlicerVersion implements CommandLine.IVersionProvider {
    /** The code version stamped into model provenance and journals. */
    public static String current() {
        final String v = SlicerVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"slicer " + current()};
    }
}
