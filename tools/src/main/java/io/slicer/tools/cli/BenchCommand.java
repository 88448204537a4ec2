package io.slicer.tools.cli;

import io.slicer.tools.bench.JmhResults;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * {@code slicer bench}: the whole JMH and latency suite in one go, each in its own JVM with the project's
 * {@code jvm.options}, results gathered into one Markdown file. Benchmarks need a quiet machine and their own JVM,
 * so this command only orchestrates: JMH runs every {@code @Benchmark} in {@code benchmarks/target/benchmarks.jar},
 * then every class named {@code *Harness} in {@code io.slicer.bench} runs with its defaults.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {
                "Runs the JMH suite (with -prof gc: ns/op and B/op) and the fixed-rate latency harnesses, and writes "
                        + "OUT/bench-results.md with every table (raw outputs beside it).",
                "Takes about 10-15 minutes on 2 cores; run it on an otherwise idle machine."})
public final class BenchCommand implements Callable<Integer> {
    private static final String HARNESS_PACKAGE = "io/slicer/bench/";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-results",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--include", paramLabel = "REGEX", defaultValue = "io.slicer.bench.",
            description = "JMH benchmarks to run (regular expression; default: all).")
    String include;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "5",
            description = "JMH measurement iterations of 1 s each, after 3 warm-up iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--skip-jmh", description = "Run only the harnesses.")
    boolean skipJmh;

    @Option(names = "--skip-harnesses", description = "Run only JMH.")
    boolean skipHarnesses;

    @Override
    public Integer call() throws Exception {
        final PrintWriter err = spec.commandLine().getErr();
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
        }
        final Path home = slicerHome();
        final Path jar = home.resolve("benchmarks/target/benchmarks.jar");
        if (!Files.isRegularFile(jar)) {
            err.println("slicer bench: building benchmarks/target/benchmarks.jar ...");
            run(home, List.of("mvn", "-q", "-B", "-ntp", "-DskipTests", "package", "-pl", "benchmarks", "-am"),
                    home.resolve("target-bench-build.log"));
        }
        Files.createDirectories(out);
        final StringBuilder md = new StringBuilder("# Slicer benchmark results\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(". Command: `./slicer bench`.\n\n");
        if (!skipJmh) {
            final Path json = out.resolve("jmh.json");
            err.println("slicer bench: JMH (" + include + ") ...");
            final int rc = run(home, javaCommand(home, List.of("-jar", jar.toString(), include,
                    "-f", "1", "-wi", "3", "-w", "1s", "-i", Integer.toString(iterations), "-r", "1s",
                    "-prof", "gc", "-rf", "json", "-rff", json.toAbsolutePath().toString())), out.resolve("jmh.txt"));
            if (rc != 0 || !Files.isRegularFile(json)) {
                throw new IllegalStateException("JMH failed with exit code " + rc + "; see " + out.resolve("jmh.txt"));
            }
            md.append("## JMH (average time per operation; B/op from -prof gc)\n\n")
                    .append(JmhResults.markdown(JmhResults.read(json))).append('\n');
        }
        if (!skipHarnesses) {
            for (final String harness : harnesses(jar)) {
                final String simple = harness.substring(harness.lastIndexOf('.') + 1);
                err.println("slicer bench: " + simple + " ...");
                final Path log = out.resolve(simple + ".txt");
                final int rc = run(home, javaCommand(home, List.of("-cp", jar.toString(), harness)), log);
                md.append("## ").append(simple).append(rc == 0 ? "" : " (FAILED, exit " + rc + ")").append("\n\n```\n")
                        .append(Files.readString(log, StandardCharsets.UTF_8).strip()).append("\n```\n\n");
            }
        }
        final Path results = out.resolve("bench-results.md");
        Files.writeString(results, md.toString(), StandardCharsets.UTF_8);
        spec.commandLine().getOut().println(results.toAbsolutePath());
        return 0;
    }

    /** The repository root: set by the ./slicer launcher, else the working directory. */
    private static Path slicerHome() {
        final String home = System.getProperty("slicer.home");
        final Path p = home == null ? Paths.get("").toAbsolutePath() : Paths.get(home);
        if (!Files.isRegularFile(p.resolve("jvm.options"))) {
            throw new IllegalStateException("cannot find jvm.options in " + p + ": run slicer bench from the "
                    + "repository (./slicer bench)");
        }
        return p;
    }

    private static List<String> javaCommand(final Path home, final List<String> args) {
        final List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("@" + home.resolve("jvm.options"));
        cmd.addAll(args);
        return cmd;
    }

    /** Classes named *Harness under io.slicer.bench, in name order so the results file is stable. */
    static List<String> harnesses(final Path jar) throws IOException {
        final List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            final Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                final String name = entries.nextElement().getName();
                if (name.startsWith(HARNESS_PACKAGE) && name.endsWith("Harness.class") && !name.contains("$")) {
                    names.add(name.substring(0, name.length() - ".class".length()).replace('/', '.'));
                }
            }
        }
        names.sort(String::compareTo);
        return names;
    }

    private static int run(final Path dir, final List<String> command, final Path log) {
        try {
            final Process p = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return p.waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command).toLowerCase(Locale.ROOT), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
