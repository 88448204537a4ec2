package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.format.RecordType;
import io.slicer.tools.day.DayRunner;
import io.slicer.tools.day.OmsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a JVM running a journaled simulated day with SIGKILL at 20+ seeded random points, restarts it on the same
 * journal each time, and checks the finished day against an uninterrupted run: the OMS saw exactly the same child
 * orders and cancels (none twice, none missing), the journal holds the same decisions bit for bit, the same fills,
 * and it still replays cleanly.
 */
class CrashRecoveryTest {
    private static final int KILLS_PER_DAY = 11;
    private static final long PACE_MICROS = 300;

    @TempDir
    Path tmp;

    /** Two independent days (seeds) killed in parallel: 22 kill points in about half the wall time. */
    @Test
    void sigkillAtRandomPointsLosesNothingAndSendsNothingTwice() throws Exception {
        final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            final var first = pool.submit(() -> crashAndCompare(2026));
            final var second = pool.submit(() -> crashAndCompare(7));
            final int kills = first.get() + second.get();
            assertTrue(kills >= 20, "only " + kills + " kills landed while a day was running");
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the day of {@code seed} uninterrupted and with kills; checks the invariants; returns the kills. */
    private int crashAndCompare(final long seed) throws Exception {
        final Path baselineJournal = tmp.resolve("baseline-" + seed);
        final Path baselineOms = tmp.resolve("baseline-oms-" + seed + ".log");
        DayRunner.run(baselineJournal, baselineOms, seed, 0, second -> {
        });

        final Path journal = tmp.resolve("crashed-" + seed);
        final Path oms = tmp.resolve("crashed-oms-" + seed + ".log");
        final SplittableRandom random = new SplittableRandom(seed);
        final TreeSet<Integer> killSeconds = new TreeSet<>();
        while (killSeconds.size() < KILLS_PER_DAY) {
            killSeconds.add(1 + random.nextInt(590));
        }
        int killed = 0;
        for (final int killAt : killSeconds) {
            final Process p = ChildJvm.builder(List.of(), DayRunner.class, journal.toString(), oms.toString(),
                    String.valueOf(seed), String.valueOf(PACE_MICROS)).redirectErrorStream(true).start();
            final String last = readUntil(p, killAt);
            if (last.startsWith("second")) {
                p.destroyForcibly();
                killed++;
            }
            p.waitFor();
            assertTrue(last.startsWith("second") || last.startsWith("done"), "child JVM said: " + last);
        }
        final Process finish = ChildJvm.builder(List.of(), DayRunner.class, journal.toString(), oms.toString(),
                String.valueOf(seed), "0").redirectErrorStream(true).start();
        final String done = readUntil(finish, Integer.MAX_VALUE);
        assertEquals(0, finish.waitFor(), done);
        assertTrue(done.startsWith("done recovered=true"), done);

        try (OmsLog expected = new OmsLog(baselineOms); OmsLog actual = new OmsLog(oms)) {
            assertEquals(List.of(), actual.duplicates(), "children sent twice");
            assertEquals(expected.sent(), actual.sent(), "children the OMS received");
            assertEquals(expected.cancels(), actual.cancels(), "cancels the OMS received");
            assertTrue(expected.sent().size() > 50, "children: " + expected.sent().size());
        }
        assertEquals(decisions(baselineJournal), decisions(journal));
        assertEquals(fillsByOrder(baselineJournal), fillsByOrder(journal));
        try (JournalReplayer replayer = new JournalReplayer(journal)) {
            final ReplaySummary summary = replayer.run();
            assertTrue(summary.matched(), () -> summary.divergence().describe());
            assertTrue(summary.sessions() >= 1 + killed, "sessions " + summary.sessions());
        }
        return killed;
    }

    /** Reads the child's output until it reports second {@code killAt} (or ends); returns the last line. */
    static String readUntil(final Process p, final int killAt) throws Exception {
        final BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        final StringBuilder all = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.startsWith("second ")) {
                if (Integer.parseInt(line.substring(7)) >= killAt) {
                    return line;
                }
            } else if (line.startsWith("done ")) {
                return line;
            } else {
                all.append(line).append('\n');
            }
        }
        return "(no 'done' line) " + all;
    }

    /** Every DECISION payload in journal order, as hex, session records and sequence numbers aside. */
    static List<String> decisions(final Path journal) {
        final List<String> out = new ArrayList<>();
        final JournalRecord r = new JournalRecord();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journal))) {
            while (reader.next(r)) {
                if (r.type() == RecordType.DECISION) {
                    out.add(java.util.HexFormat.of().formatHex(java.util.Arrays.copyOfRange(r.bytes(),
                            JournalFrame.MESSAGE_OFFSET, r.length())));
                }
            }
        }
        return out;
    }

    static Map<Long, Long> fillsByOrder(final Path journal) {
        final Map<Long, Long> fills = new TreeMap<>();
        final JournalRecord r = new JournalRecord();
        final EngineRecords records = new EngineRecords();
        final EngineEvent e = new EngineEvent();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journal))) {
            while (reader.next(r)) {
                if (r.type() == RecordType.INPUT && records.decodeInput(r, e).type() == EventType.FILL) {
                    fills.merge(e.orderId(), e.quantity(), Long::sum);
                }
            }
        }
        return fills;
    }
}
