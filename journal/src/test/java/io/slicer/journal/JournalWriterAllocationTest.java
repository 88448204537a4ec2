package io.slicer.journal;

import io.slicer.engine.market.Side;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.port.DecisionRecord;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.RiskVerdict;
import io.slicer.journal.format.JournalFrame;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.MessageHeaderDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journaling runs on the decision thread, so appending and reading a record must not allocate per record. Encoding a
 * record allocates nothing at all; Chronicle itself allocates now and then (a new index block, the next mapped chunk,
 * a JIT deoptimisation): measured here from 0.8 to 50 KB per 200,000 appends of 176-byte DECISION records, in bursts
 * that vary from run to run. So the bound is an average of one byte per record: a single allocation per record would
 * be at least 16 bytes each, sixteen times the bound.
 */
class JournalWriterAllocationTest {
    private static final int WARM_UP = 100_000;
    private static final int MEASURED = 200_000;
    private static final long MAX_AMORTISED_BYTES = MEASURED;

    @TempDir
    Path dir;

    private static long expectedQuantitySum() {
        long sum = 0;
        for (int i = WARM_UP; i < WARM_UP + MEASURED; i++) {
            sum += i & 1023;
        }
        return sum;
    }

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
                .getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private final EngineRecords records = new EngineRecords();
    private final DecisionRecord decision = new DecisionRecord();
    private final MessageHeaderDecoder header = new MessageHeaderDecoder();
    private final DecisionDecoder decoder = new DecisionDecoder();

    private void appendDecision(final JournalWriter writer, final long i) {
        decision.reset(i, i, 1, 0, Side.BUY, 0, (int) (i % 26));
        for (int f = 0; f < decision.features().length; f++) {
            decision.features()[f] = f * 0.5f;
        }
        for (int o = 0; o < 5; o++) {
            decision.rawOutput()[o] = o * 0.25f;
        }
        decision.rawOutputLength(5);
        decision.action(2, 0.25);
        decision.child(i & 1023, 100.01);
        decision.verdict(RiskVerdict.ACCEPTED);
        writer.commit(records.encodeDecision(writer.stage(), decision));
    }

    private void appendRange(final JournalWriter writer, final int from, final int to) {
        for (int i = from; i < to; i++) {
            appendDecision(writer, i);
        }
    }

    private long readQuantities(final JournalReader reader, final JournalRecord record, final int count) {
        long sum = 0;
        for (int i = 0; i < count && reader.next(record); i++) {
            sum += decoder.wrapAndApplyHeader(record.buffer(), JournalFrame.MESSAGE_OFFSET, header).childQuantity();
        }
        return sum;
    }

    @Test
    void journalingACancelRequestAllocatesNothingPerRecord() {
        try (JournalWriter writer = JournalWriter.open(dir.resolve("cancels"))) {
            final JournalingHook cancels = new JournalingHook(writer);
            for (int round = 0; round < 10; round++) {
                appendCancels(cancels, round * WARM_UP / 10, (round + 1) * WARM_UP / 10);
                allocatedBytes();
            }
            final long before = allocatedBytes();
            appendCancels(cancels, WARM_UP, WARM_UP + MEASURED);
            final long allocated = allocatedBytes() - before;
            assertTrue(allocated < MAX_AMORTISED_BYTES, allocated + " bytes allocated by " + MEASURED
                    + " cancel records");
            assertEquals(WARM_UP + MEASURED, writer.nextSequence());
        }
    }

    private static void appendCancels(final JournalingHook hook, final int from, final int to) {
        for (int i = from; i < to; i++) {
            hook.onChildCancel(i, i, 1, i, 0, 100.01, i & 1023, CancelReason.PEG_REPRICE,
                    (i & 1) == 0 ? null : HaltReason.OPERATOR);
        }
    }

    @Test
    void appendingAndReadingAllocateNothingPerRecord() {
        try (JournalWriter writer = JournalWriter.open(dir)) {
            for (int round = 0; round < 10; round++) {
                appendRange(writer, round * WARM_UP / 10, (round + 1) * WARM_UP / 10);
                allocatedBytes();
            }
            final long before = allocatedBytes();
            appendRange(writer, WARM_UP, WARM_UP + MEASURED);
            final long allocated = allocatedBytes() - before;
            assertTrue(allocated < MAX_AMORTISED_BYTES, allocated + " bytes allocated by " + MEASURED + " appends");
        }
        final JournalRecord record = new JournalRecord();
        try (JournalReader reader = JournalReader.open(dir)) {
            for (int round = 0; round < 10; round++) {
                readQuantities(reader, record, WARM_UP / 10);
                allocatedBytes();
            }
            final long before = allocatedBytes();
            final long sum = readQuantities(reader, record, MEASURED);
            final long allocated = allocatedBytes() - before;
            assertTrue(allocated < MAX_AMORTISED_BYTES, allocated + " bytes allocated by reading " + MEASURED
                    + " records");
            assertEquals(WARM_UP + MEASURED, reader.validRecords());
            assertEquals(expectedQuantitySum(), sum);
        }
    }
}
