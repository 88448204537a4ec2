package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slicer.tools.bench.JmhResults;
import io.slicer.tools.bench.LatencyPercentiles;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code slicer bench}: the whole JMH and latency suite in one go, each in its own JVM with the project's
 * {@code jvm.options}, results gathered into one Markdown file. Benchmarks need a quiet machine and their own JVM,
 * so this command only orchestrates: JMH runs every {@code @Benchmark} in {@code benchmarks/target/benchmarks.jar},
 * then each harness of {@link #HARNESSES} runs with the arguments listed there. A harness that prints percentile lines
 * ({@link LatencyPercentiles}: the FIX gateway's and the console's) also gets them as a table and as JSON fields.
 */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {
                "Runs the JMH suite (with -prof gc: ns/op and B/op) and the fixed-rate latency harnesses, and writes "
                        + "OUT/bench-results.md with every table (raw outputs beside it).",
                "Needs about 3 minutes of CPU (measured: 194 s user + sys over all its JVMs, before the fix and console"
                        + " stages, which add well under a minute); its JMH iterations alone take 2 minutes of wall"
                        + " time. Run it on an otherwise idle machine: shared with a load average of 20 on 2 cores, it"
                        + " took 27 minutes."})
public final class BenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A harness main and its arguments, under a stage name for --skip: what the results show, how to rerun it. */
    record HarnessRun(String stage, String title, String mainClass, List<String> args) {
        String command() {
            return "java @jvm.options -cp benchmarks/target/benchmarks.jar " + mainClass + " " + String.join(" ", args);
        }
    }

    /** The fixed-rate and throughput harnesses, in the order they run. */
    static final List<HarnessRun> HARNESSES = List.of(
            new HarnessRun("ring-latency", "Ring: event-to-child-order latency at a fixed 100,000 events/s, DQN policy",
                    "io.slicer.bench.engine.LatencyHarness", List.of("latency", "dqn", "100000", "20")),
            new HarnessRun("ring-throughput", "Ring: market events per second through the ring and market state",
                    "io.slicer.bench.engine.LatencyHarness", List.of("throughput", "x", "0", "10")),
            new HarnessRun("journal", "Journal: what writing the journal on the decision thread adds",
                    "io.slicer.bench.journal.JournalLatencyHarness", List.of()),
            new HarnessRun("replay", "Replay: journaled inputs per second through a fresh engine, bit-for-bit compared",
                    "io.slicer.bench.journal.ReplayThroughput", List.of("3")),
            new HarnessRun("fix", "FIX gateway: OMS order in to child out, venue fill in to OMS report out, over "
                    + "loopback (closed loop), beside one QuickFIX/J hop",
                    "io.slicer.bench.fix.FixLatencyHarness", List.of("1000")),
            new HarnessRun("console", "Operator console: blotter snapshot, halt to its acknowledgement, fill to the "
                    + "live stream, over HTTP on 127.0.0.1 (closed loop)",
                    "io.slicer.bench.console.ConsoleLatencyHarness", List.of("100", "1000", "60")));

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

    @Option(names = "--skip", split = ",", paramLabel = "STAGE",
            description = "Harness stages not to run, comma-separated: ring-latency, ring-throughput, journal, replay,"
                    + " fix, console.")
    List<String> skip = List.of();

    @Option(names = "--json", description = "Print one JSON document (JMH rows and harness outputs) instead of the path.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        final PrintWriter err = spec.commandLine().getErr();
        if (iterations < 1) {
            throw new IllegalArgumentException("--iterations must be at least 1, got " + iterations);
        }
        final Set<String> skipped = stagesToSkip(skip);
        final Path home = slicerHome();
        final Path jar = home.resolve("benchmarks/target/benchmarks.jar");
        if (!Files.isRegularFile(jar)) {
            err.println("slicer bench: building benchmarks/target/benchmarks.jar ...");
            run(home, List.of("mvn", "-q", "-B", "-ntp", "-DskipTests", "package", "-pl", "benchmarks", "-am"),
                    home.resolve("target-bench-build.log"));
        }
        Files.createDirectories(out);
        final ObjectNode doc = JSON.createObjectNode().put("schema", "slicer.bench.v1");
        final ArrayNode jmhRows = doc.putArray("jmh");
        final ArrayNode harnessRuns = doc.putArray("harnesses");
        final StringBuilder md = new StringBuilder("# Slicer benchmark results\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append(". Command: `./slicer bench`.\n\n");
        if (!skipJmh) {
            final Path jmhJson = out.resolve("jmh.json");
            err.println("slicer bench: JMH (" + include + ") ...");
            final int rc = run(home, javaCommand(home, List.of("-jar", jar.toString(), include,
                    "-f", "1", "-wi", "3", "-w", "1s", "-i", Integer.toString(iterations), "-r", "1s",
                    "-prof", "gc", "-rf", "json", "-rff", jmhJson.toAbsolutePath().toString())), out.resolve("jmh.txt"));
            if (rc != 0 || !Files.isRegularFile(jmhJson)) {
                throw new IllegalStateException("JMH failed with exit code " + rc + "; see " + out.resolve("jmh.txt"));
            }
            final List<JmhResults.Row> rows = JmhResults.read(jmhJson);
            for (final JmhResults.Row row : rows) {
                final ObjectNode o = jmhRows.addObject().put("benchmark", row.benchmark()).put("params", row.params())
                        .put("score", row.score()).put("unit", row.unit());
                // JSON has no NaN: an error or allocation JMH did not report is null.
                putFinite(o, "error", row.error());
                putFinite(o, "bytesPerOp", row.bytesPerOp());
            }
            md.append("## JMH (average time per operation; B/op from -prof gc)\n\n`java @jvm.options -jar ")
                    .append("benchmarks/target/benchmarks.jar ").append(include).append(" -f 1 -wi 3 -w 1s -i ")
                    .append(iterations).append(" -r 1s -prof gc`\n\n")
                    .append(JmhResults.markdown(rows)).append('\n');
        }
        if (!skipHarnesses) {
            for (final HarnessRun harness : HARNESSES) {
                if (skipped.contains(harness.stage())) {
                    continue;
                }
                final String simple = harness.mainClass().substring(harness.mainClass().lastIndexOf('.') + 1);
                err.println("slicer bench: " + harness.title() + " ...");
                final Path log = out.resolve(harness.args().isEmpty() ? simple + ".txt"
                        : simple + "-" + String.join("-", harness.args()) + ".txt");
                final List<String> args = new ArrayList<>(List.of("-cp", jar.toString(), harness.mainClass()));
                args.addAll(harness.args());
                final int rc = run(home, javaCommand(home, args), log);
                final String output = Files.readString(log, StandardCharsets.UTF_8).strip();
                final List<LatencyPercentiles.Row> percentiles = LatencyPercentiles.read(output);
                final ObjectNode entry = harnessRuns.addObject().put("stage", harness.stage())
                        .put("title", harness.title()).put("command", harness.command().strip()).put("exitCode", rc);
                if (!percentiles.isEmpty()) {
                    final ArrayNode paths = entry.putArray("percentiles");
                    for (final LatencyPercentiles.Row p : percentiles) {
                        paths.addObject().put("path", p.label()).put("samples", p.samples())
                                .put("p50Nanos", p.p50Nanos()).put("p90Nanos", p.p90Nanos())
                                .put("p99Nanos", p.p99Nanos()).put("maxNanos", p.maxNanos());
                    }
                }
                entry.put("output", output);
                md.append("## ").append(harness.title()).append(rc == 0 ? "" : " (FAILED, exit " + rc + ")")
                        .append("\n\n`").append(harness.command().strip()).append("`\n\n");
                if (!percentiles.isEmpty()) {
                    md.append(LatencyPercentiles.markdown(percentiles)).append('\n');
                }
                md.append("```\n").append(output).append("\n```\n\n");
                err.println("slicer bench: " + harness.stage() + (rc == 0 ? "" : " FAILED, exit " + rc));
                for (final LatencyPercentiles.Row p : percentiles) {
                    err.printf(Locale.ROOT, "  %-60s p50 %,10.1f µs  p99 %,10.1f µs%n", p.label(), p.p50Nanos() / 1e3,
                            p.p99Nanos() / 1e3);
                }
            }
        }
        final Path results = out.resolve("bench-results.md");
        Files.writeString(results, md.toString(), StandardCharsets.UTF_8);
        doc.put("results", results.toAbsolutePath().toString());
        spec.commandLine().getOut().println(json
                ? JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc)
                : results.toAbsolutePath().toString());
        return 0;
    }

    /** The stage names of {@code --skip}, each one checked against {@link #HARNESSES}. */
    static Set<String> stagesToSkip(final List<String> names) {
        final Set<String> known = HARNESSES.stream().map(HarnessRun::stage)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        final Set<String> out = new LinkedHashSet<>();
        for (final String name : names) {
            final String stage = name.strip();
            if (!known.contains(stage)) {
                throw new IllegalArgumentException("--skip: unknown stage '" + stage + "', expected one of "
                        + String.join(", ", known));
            }
            out.add(stage);
        }
        return out;
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

    private static void putFinite(final ObjectNode o, final String field, final double value) {
        if (Double.isFinite(value)) {
            o.put(field, value);
        } else {
            o.putNull(field);
        }
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
