package io.slicer.journal;

import io.slicer.tools.day.DayRunner;
import io.slicer.tools.day.OmsLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Kills a JVM running the simulated day on the ring engine ({@link RingJournal}) with SIGKILL at a few points, restarts
 * it on the same journal each time, and checks the finished day against an uninterrupted ring run: the OMS saw
 * exactly the same child orders and cancels (none twice, none missing), the journal holds the same decisions and fills
 * and replays bit for bit as one record across every restart. A kill may land while the consumer thread is journaling
 * or while events wait in the ring unjournaled; the restart republishes from the input the journal ends at.
 */
class RingCrashRecoveryTest {
    private static final long SEED = 31;
    private static final long PACE_MICROS = 300;
    /** Seconds of the day at which the test kills the child JVM, once each. */
    private static final List<Integer> KILL_SECONDS = List.of(61, 233, 452);

    @TempDir
    Path tmp;

    @Test
    void sigkillOnTheRingLosesNothingAndSendsNothingTwice() throws Exception {
        final Path baselineJournal = tmp.resolve("baseline");
        final Path baselineOms = tmp.resolve("baseline-oms.log");
        final DayRunner.Outcome baseline = DayRunner.runOnRing(baselineJournal, baselineOms, SEED, 0, second -> {
        });

        final Path journal = tmp.resolve("crashed");
        final Path oms = tmp.resolve("crashed-oms.log");
        int killed = 0;
        for (final int killAt : KILL_SECONDS) {
            final Process p = ChildJvm.builder(List.of(), DayRunner.class, journal.toString(), oms.toString(),
                    String.valueOf(SEED), String.valueOf(PACE_MICROS), "ring").redirectErrorStream(true).start();
            final String last = CrashRecoveryTest.readUntil(p, killAt);
            if (last.startsWith("second")) {
                p.destroyForcibly();
                killed++;
            }
            p.waitFor();
            assertTrue(last.startsWith("second") || last.startsWith("done"), "child JVM said: " + last);
        }
        assertTrue(killed >= 2, "only " + killed + " kills landed while the day was running");

        final Process finish = ChildJvm.builder(List.of(), DayRunner.class, journal.toString(), oms.toString(),
                String.valueOf(SEED), "0", "ring").redirectErrorStream(true).start();
        final String done = CrashRecoveryTest.readUntil(finish, Integer.MAX_VALUE);
        assertEquals(0, finish.waitFor(), done);
        assertTrue(done.startsWith("done recovered=true"), done);
        assertTrue(done.endsWith(" inputs=" + baseline.inputs()), done + ", uninterrupted: " + baseline.inputs());

        try (OmsLog expected = new OmsLog(baselineOms); OmsLog actual = new OmsLog(oms)) {
            assertEquals(List.of(), actual.duplicates(), "children sent twice");
            assertEquals(expected.sent(), actual.sent(), "children the OMS received");
            assertEquals(expected.cancels(), actual.cancels(), "cancels the OMS received");
            assertTrue(expected.sent().size() > 50, "children: " + expected.sent().size());
        }
        assertEquals(CrashRecoveryTest.decisions(baselineJournal), CrashRecoveryTest.decisions(journal));
        assertEquals(CrashRecoveryTest.fillsByOrder(baselineJournal), CrashRecoveryTest.fillsByOrder(journal));
        try (JournalReplayer replayer = new JournalReplayer(journal)) {
            final ReplaySummary summary = replayer.run();
            assertTrue(summary.matched(), () -> summary.divergence().describe());
            assertEquals(1 + KILL_SECONDS.size(), summary.sessions());
            assertEquals(baseline.inputs(), summary.inputs());
            assertEquals(baseline.children(), summary.childrenSent());
        }
    }
}
