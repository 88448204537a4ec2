package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.InputAnomaly;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.AmendTermsDecoder;
import io.slicer.tools.day.DayRunner;
import io.slicer.tools.day.OmsLog;
import io.slicer.tools.day.SimulatedDay;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journaled day on which the OMS cuts one order's quantity, extends another's horizon and asks a third for more
 * shares ({@link SimulatedDay#standardWithAmends}): the amends are journaled as AmendTerms records, the day replays
 * bit for bit, and a JVM killed with SIGKILL around the amends and restarted on its journal finishes the day exactly
 * as the uninterrupted run did.
 */
class AmendedDayTest {
    private static final long SEED = 2026;
    private static final long PACE_MICROS = 300;

    @TempDir
    Path tmp;

    private static DayRunner.Outcome runDay(final Path journal, final Path oms) {
        return DayRunner.run(journal, oms, SimulatedDay.standardWithAmends(SEED, DayRunner.STRATEGIES.size()),
                DayRunner.STRATEGIES, 0, second -> {
                });
    }

    @Test
    void aDayWithAQuantityCutAndAHorizonExtensionReplaysBitForBit() {
        final Path journal = tmp.resolve("journal");
        final Path omsLog = tmp.resolve("oms.log");
        final DayRunner.Outcome outcome = runDay(journal, omsLog);

        // Order 1 was cut to 18,000 of its 30,000 and filled all but 300: its last child (id 35, 600 shares) is one
        // of the venue's every-fifth-id half fills and is still working at the order's end (which child ids land
        // where follows order 2's POV children); order 2 kept its 20,000; order 3 traded past its first end (500 s):
        // its last slice opens at 250 + 12 x 340 / 13 = 563.8 s.
        assertEquals(17_700L, CrashRecoveryTest.fillsByOrder(journal).get(1L));
        assertEquals(20_000L, CrashRecoveryTest.fillsByOrder(journal).get(2L));
        assertEquals(12_000L, CrashRecoveryTest.fillsByOrder(journal).get(3L));
        try (OmsLog oms = new OmsLog(omsLog)) {
            final long lastSecondOfOrder3 = oms.sent().values().stream().filter(c -> c.parentId() == 3)
                    .mapToLong(OmsLog.SentChild::second).max().orElseThrow();
            // At its last slice's first timer it sends 800 and cancels child 45 (a venue half fill); the 400 the
            // cancel frees go out a second later, when the venue confirms it.
            assertTrue(oms.sent().values().stream().anyMatch(c -> c.parentId() == 3 && c.second() == 564),
                    "order 3 sends a child at the first timer of its last slice");
            assertEquals(565, lastSecondOfOrder3, "order 3's last child sweeps what the confirmed cancel freed");
        }
        assertEquals(List.of("1 q=18000 end=0", "2 q=25000 end=0", "3 q=0 end=590000000000"), amendRecords(journal));
        assertEquals(List.of(InputAnomaly.AMEND_QUANTITY_UP), amendAnomalies(journal));

        try (JournalReplayer replayer = new JournalReplayer(journal)) {
            final ReplaySummary summary = replayer.run();
            assertTrue(summary.matched(), () -> summary.divergence().describe());
            assertEquals(outcome.inputs(), summary.inputs());
            assertEquals(outcome.children(), summary.childrenSent());
        }
    }

    @Test
    void sigkillAroundTheAmendsLosesNothingAndSendsNothingTwice() throws Exception {
        final Path baselineJournal = tmp.resolve("baseline");
        final Path baselineOms = tmp.resolve("baseline-oms.log");
        runDay(baselineJournal, baselineOms);

        final Path journal = tmp.resolve("crashed");
        final Path oms = tmp.resolve("crashed-oms.log");
        int killed = 0;
        for (final int killAt : new int[] {99, 100, 150, 250, 251}) {
            final Process p = ChildJvm.builder(List.of(), DayRunner.class, journal.toString(), oms.toString(),
                    String.valueOf(SEED), String.valueOf(PACE_MICROS), "amends").redirectErrorStream(true).start();
            final String last = CrashRecoveryTest.readUntil(p, killAt);
            if (last.startsWith("second")) {
                p.destroyForcibly();
                killed++;
            }
            p.waitFor();
            assertTrue(last.startsWith("second") || last.startsWith("done"), "child JVM said: " + last);
        }
        final Process finish = ChildJvm.builder(List.of(), DayRunner.class, journal.toString(), oms.toString(),
                String.valueOf(SEED), "0", "amends").redirectErrorStream(true).start();
        final String done = CrashRecoveryTest.readUntil(finish, Integer.MAX_VALUE);
        assertEquals(0, finish.waitFor(), done);
        assertTrue(done.startsWith("done recovered=true"), done);
        assertTrue(killed >= 4, "only " + killed + " kills landed while the day was running");

        try (OmsLog expected = new OmsLog(baselineOms); OmsLog actual = new OmsLog(oms)) {
            assertEquals(List.of(), actual.duplicates(), "children sent twice");
            assertEquals(expected.sent(), actual.sent(), "children the OMS received");
            assertEquals(expected.cancels(), actual.cancels(), "cancels the OMS received");
        }
        assertEquals(CrashRecoveryTest.decisions(baselineJournal), CrashRecoveryTest.decisions(journal));
        assertEquals(CrashRecoveryTest.fillsByOrder(baselineJournal), CrashRecoveryTest.fillsByOrder(journal));
        assertEquals(amendRecords(baselineJournal), amendRecords(journal));
        try (JournalReplayer replayer = new JournalReplayer(journal)) {
            final ReplaySummary summary = replayer.run();
            assertTrue(summary.matched(), () -> summary.divergence().describe());
            assertTrue(summary.sessions() >= 1 + killed, "sessions " + summary.sessions());
        }
    }

    /** Each AmendTerms record's order, quantity and end, in journal order. */
    private static List<String> amendRecords(final Path journal) {
        final List<String> out = new ArrayList<>();
        final JournalRecord r = new JournalRecord();
        final EngineRecords records = new EngineRecords();
        final EngineEvent e = new EngineEvent();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journal))) {
            while (reader.next(r)) {
                if (r.type() == RecordType.INPUT && r.templateId() == AmendTermsDecoder.TEMPLATE_ID) {
                    records.decodeInput(r, e);
                    out.add(e.orderId() + " q=" + e.quantity() + " end=" + e.endTime());
                }
            }
        }
        return out;
    }

    /** The amend refusals the journal holds, in order. */
    private static List<InputAnomaly> amendAnomalies(final Path journal) {
        final List<InputAnomaly> out = new ArrayList<>();
        final JournalRecord r = new JournalRecord();
        final EngineRecords records = new EngineRecords();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journal))) {
            while (reader.next(r)) {
                if (r.type() == RecordType.ANOMALY) {
                    final short code = records.anomaly(r).anomaly();
                    for (final InputAnomaly a : InputAnomaly.values()) {
                        if (a.code() == code && a.name().startsWith("AMEND_")) {
                            out.add(a);
                        }
                    }
                }
            }
        }
        return out;
    }
}
