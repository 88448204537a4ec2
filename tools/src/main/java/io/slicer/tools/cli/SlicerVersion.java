package io.slicer.tools.cli;

import io.slicer.tools.demo.CodeVersion;
import picocli.CommandLine;

/** {@code slicer --version}: the code version ({@link CodeVersion#release}) stamped into models and journals. */
public final class SlicerVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"slicer " + CodeVersion.release()};
    }
}
