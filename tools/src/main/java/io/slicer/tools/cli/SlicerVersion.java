package io.slicer.tools.cli;

import io.slicer.tools.demo.CodeVersion;
import picocli.CommandLine;

/** Version string from the jar manifest (falls back to "dev" when run from classes). */
public final class SlicerVersion implements CommandLine.IVersionProvider {
    /** The code version stamped into model provenance and journals. */
    public static String current() {
        return CodeVersion.release();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"slicer " + current()};
    }
}
