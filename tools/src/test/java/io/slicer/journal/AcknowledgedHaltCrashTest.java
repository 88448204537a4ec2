package io.slicer.journal;

import io.slicer.engine.api.ControlAck;
import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.port.ChildOrderSink;
import io.slicer.engine.risk.ControlReason;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.OperatorRole;
import io.slicer.journal.audit.JournalAudit;
import io.slicer.journal.audit.OrderAudit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's halt is durable before it is acknowledged: a JVM running the ring engine on a journal halts one of two
 * orders as a trader, waits for the acknowledgement, says so, and keeps trading; the test kills it with SIGKILL the
 * moment it reads the line, and the engine reopened on the same journal holds that order halted by the operator (the
 * other still open), with the trader and the reason in the audit.
 */
class AcknowledgedHaltCrashTest {
    private static final long SECOND = 1_000_000_000L;
    private static final String VERSION = "slicer-ack-test";
    private static final List<String> STRATEGIES = List.of("twap");

    @TempDir
    Path tmp;

    @Test
    void aHaltAcknowledgedBeforeSigkillIsHaltedAfterRestart() throws Exception {
        final Path journal = tmp.resolve("journal");
        final Process p = ChildJvm.builder(List.of(), Trader.class, journal.toString()).redirectErrorStream(true)
                .start();
        final String said = readUntilAcknowledged(p);
        p.destroyForcibly();
        p.waitFor();
        assertTrue(said.startsWith("acknowledged "), "child JVM said: " + said);

        try (RingJournal ring = RingJournal.open(journal, VERSION, EngineSettings.parse(""), STRATEGIES,
                ChildOrderSink.NONE)) {
            assertTrue(ring.recovery() != null, "the restart recovered the journal");
            final SlicerEngine engine = ring.engine();
            final OrderProgress halted = new OrderProgress();
            assertTrue(engine.progress(1, halted));
            assertEquals(OrderStatus.HALTED, halted.status());
            assertEquals(HaltReason.OPERATOR, halted.haltReason());
            final OrderProgress other = new OrderProgress();
            assertTrue(engine.progress(2, other));
            assertEquals(OrderStatus.OPEN, other.status(), "only the order the trader halted stopped");
        }
        final Map<Long, OrderAudit> audits = JournalAudit.read(journal, null);
        assertEquals(List.of(), audits.get(2L).halts());
        assertEquals(1, audits.get(1L).halts().size(), audits.get(1L).halts().toString());
        assertTrue(audits.get(1L).halts().get(0).endsWith("halted: OPERATOR by TRADER, reason RISK_LIMIT"),
                audits.get(1L).halts().toString());
    }

    private static String readUntilAcknowledged(final Process p) throws Exception {
        final BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8));
        final StringBuilder all = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("acknowledged ")) {
                return line;
            }
            all.append(line).append('\n');
        }
        return "(no 'acknowledged' line) " + all;
    }

    /** The child JVM: two TWAP orders on the ring, a trader's halt of order 1, then trading on until killed. */
    static final class Trader {
        private Trader() {
        }

        public static void main(final String[] args) throws Exception {
            final RingJournal ring = RingJournal.open(Path.of(args[0]), VERSION, EngineSettings.parse(""),
                    STRATEGIES, ChildOrderSink.NONE);
            final SlicerEngine engine = ring.engine();
            engine.quote(0, 0, 99.99, 100.01, 500, 500);
            engine.newOrder(0, NewOrder.of(1, 0, Side.BUY, 100_000, SECOND, 3_601 * SECOND, 60, 0, 0.05, 100_000));
            engine.newOrder(0, NewOrder.of(2, 0, Side.SELL, 50_000, SECOND, 3_601 * SECOND, 60, 0, 0.05, 100_000));
            engine.timer(SECOND);
            final ControlAck ack = engine.halt(SECOND + 1, HaltScope.ORDER, 1, OperatorRole.TRADER,
                    ControlReason.RISK_LIMIT);
            if (!ack.await(Duration.ofSeconds(30))) {
                System.out.println("not acknowledged within 30 s");
                System.exit(3);
            }
            System.out.println("acknowledged " + ack.sequence());
            System.out.flush();
            for (long s = 2; ; s++) {
                engine.quote(s * SECOND, 0, 99.99, 100.01, 500, 500);
                engine.timer(s * SECOND);
                Thread.sleep(1);
            }
        }
    }
}
