package io.slicer.tools.fix;

import io.slicer.journal.JournalReplayer;
import io.slicer.journal.ReplaySummary;
import io.slicer.tools.cli.SlicerCli;
import io.slicer.tools.fix.oms.OmsClient;
import io.slicer.tools.fix.venue.SimulatedVenue;
import io.slicer.tools.sim.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import quickfix.Message;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static io.slicer.tools.fix.oms.OmsClient.field;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the gateway as a separate JVM ({@code slicer fix-gateway}) between a QuickFIX/J OMS and venue in this JVM,
 * SIGKILLs it at five random points of a TWAP parent's life and restarts it on the same journal and session stores
 * each time. The parent still completes; the venue never sees a ClOrdID twice; the OMS's CumQty, the sum of its
 * distinct Trade reports and the venue's fills agree; and the journal replays bit for bit across every restart.
 */
class FixGatewayCrashTest {
    private static final int KILLS = 5;
    /** Long enough for five restarts on a loaded machine to leave the parent's last slices to a running gateway. */
    private static final long HORIZON_MILLIS = 50_000;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path tmp;

    @Test
    void sigkilledGatewayRecoversAndThePendingParentCompletesWithoutDuplicates() throws Exception {
        final long seed = System.nanoTime();
        final Random random = new Random(seed);
        final int venuePort = FixPorts.free();
        final int omsPort = FixPorts.free();
        final Path journal = tmp.resolve("gateway");
        final List<Long> killAt = new ArrayList<>();
        try (SimulatedVenue venue = SimulatedVenue.start(Scenarios.byName("liquid-stock"), "AAPL", venuePort, 1.0,
                System.err)) {
            Process gateway = startGateway(omsPort, venuePort, journal);
            awaitLine(journal, "quoted AAPL");
            try (OmsClient oms = OmsClient.connect("127.0.0.1", omsPort, System.err)) {
                assertTrue(oms.awaitLogon(20_000), "OMS logged on");
                final long t0 = System.currentTimeMillis();
                oms.send(oms.order("crash-1", "AAPL", '1', 10_000, Double.NaN, "1001", "slices=10", Double.NaN,
                        HORIZON_MILLIS));
                for (int k = 0; k < KILLS; k++) {
                    // A random moment while this gateway runs: its startup time varies with the machine's load.
                    Thread.sleep(200 + random.nextInt(1_300));
                    killAt.add(System.currentTimeMillis() - t0);
                    gateway.destroyForcibly();
                    gateway.waitFor();
                    gateway = startGateway(omsPort, venuePort, journal);
                }
                final Message filled = oms.await(m -> field(m, 11).equals("crash-1") && field(m, 39).equals("2"),
                        HORIZON_MILLIS + 30_000);
                assertNotNull(filled, "seed " + seed + ", kills at " + killAt + ": crash-1 FILLED; reports "
                        + oms.received());
                final long parent = Long.parseLong(field(filled, 37));
                final Map<String, Long> trades = new HashMap<>();
                for (final Message m : oms.received()) {
                    if (!field(m, 150).equals("F")) {
                        continue;
                    }
                    final Long before = trades.put(field(m, 17), (long) Double.parseDouble(field(m, 32)));
                    assertTrue(before == null || field(m, 43).equals("Y"),
                            "ExecID " + field(m, 17) + " twice without PossDup");
                }
                final long lastQtySum = trades.values().stream().mapToLong(Long::longValue).sum();
                assertEquals(10_000, (long) Double.parseDouble(field(filled, 14)), "OMS CumQty");
                assertEquals(10_000, venue.filled(parent), "venue fills, seed " + seed + " kills " + killAt);
                assertEquals(10_000, lastQtySum, "distinct Trade reports' LastQty");
                final List<String> sent = venue.receivedClOrdIds();
                final Set<String> unique = new HashSet<>(sent);
                assertEquals(unique.size(), sent.size(), "a child ClOrdID sent twice: " + sent);
            } finally {
                gateway.destroy();
                gateway.waitFor();
            }
        }
        try (JournalReplayer replayer = new JournalReplayer(journal.resolve("engine"))) {
            final ReplaySummary summary = replayer.run();
            assertTrue(summary.matched(), () -> summary.divergence().describe());
            assertEquals(1 + KILLS, summary.sessions());
        }
    }

    private static Process startGateway(final int omsPort, final int venuePort, final Path journal)
            throws IOException {
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("@" + jvmOptions());
        // C1 only: the gateway is restarted five times inside one parent's horizon, so its start-up time matters more
        // here than its peak speed.
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(SlicerCli.class.getName());
        command.addAll(List.of("fix-gateway", "--port", String.valueOf(omsPort), "--venue",
                "127.0.0.1:" + venuePort, "--journal", journal.toString()));
        final Path log = journal.resolveSibling("gateway-" + System.nanoTime() + ".log");
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        final long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && p.isAlive()) {
            if (Files.readString(log).contains("ready ")) {
                return p;
            }
            try {
                Thread.sleep(20);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("gateway did not start: " + Files.readString(log));
    }

    /** Waits until a gateway log beside {@code journal} holds {@code line}. */
    private static void awaitLine(final Path journal, final String line) throws IOException, InterruptedException {
        final long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            try (java.util.stream.Stream<Path> logs = Files.list(journal.getParent())) {
                for (final Path log : logs.filter(p -> p.getFileName().toString().startsWith("gateway-")).toList()) {
                    if (Files.readString(log).contains(line)) {
                        return;
                    }
                }
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no gateway said '" + line + "' within 60 s");
    }

    private static Path jvmOptions() {
        Path dir = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("jvm.options"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no jvm.options above " + System.getProperty("user.dir"));
        }
        return dir.resolve("jvm.options");
    }
}
