package io.slicer.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** Test helper: starts a JVM with the repository's {@code jvm.options} and this test's class path. */
final class ChildJvm {
    private ChildJvm() {
    }

    /** The repository's one {@code jvm.options}, found by walking up from the working directory. */
    static Path jvmOptions() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            final Path candidate = dir.resolve("jvm.options");
            if (Files.isRegularFile(candidate) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no jvm.options above " + System.getProperty("user.dir"));
    }

    static ProcessBuilder builder(final List<String> extraJvmArgs, final Class<?> main, final String... args) {
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + jvmOptions());
        command.addAll(extraJvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    /** Runs to completion and returns stdout; fails with stderr when the exit code is not 0. */
    static String run(final List<String> extraJvmArgs, final Class<?> main, final String... args)
            throws IOException, InterruptedException {
        final Process process = builder(extraJvmArgs, main, args).redirectErrorStream(false).start();
        final String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        final String err = new String(process.getErrorStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        final int code = process.waitFor();
        if (code != 0) {
            throw new IllegalStateException(main.getSimpleName() + " exited " + code + ": " + err + out);
        }
        return out;
    }
}
