package io.slicer.journal;

import io.slicer.journal.format.JournalRecordDescriptor;
import io.slicer.journal.format.RecordType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Journaling runs on the decision thread, so appending and reading a record must not allocate per record. Chronicle
 * itself allocates a few hundred bytes now and then (a new index block, the next 64 MB mapped chunk, a JIT
 * deoptimisation), so the bound is "less than one object per thousand records": a single allocation per record
 * would be at least 16 bytes each, 3.2 MB over the measured window.
 */
class JournalWriterAllocationTest {
    private static final int WARM_UP = 100_000;
    private static final int MEASURED = 200_000;
    private static final long MAX_AMORTISED_BYTES = 16L * MEASURED / 1000;

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

    private static void appendDecision(final JournalWriter writer, final long i) {
        final JournalRecord r = writer.stage();
        r.putLong(JournalRecordDescriptor.DECISION_INPUT_SEQUENCE, i)
                .putLong(JournalRecordDescriptor.DECISION_ORDER_ID, 1)
                .putLong(JournalRecordDescriptor.DECISION_CHILD_QUANTITY, i & 1023)
                .putDouble(JournalRecordDescriptor.DECISION_ACTION_VALUE, 0.25)
                .putInt(JournalRecordDescriptor.DECISION_FEATURE_COUNT, 8)
                .putInt(JournalRecordDescriptor.DECISION_OUTPUT_COUNT, 5);
        for (int f = 0; f < 13; f++) {
            r.putFloat(JournalRecordDescriptor.DECISION_FEATURES + 4 * f, f * 0.5f);
        }
        writer.commit(RecordType.DECISION, JournalRecordDescriptor.decisionLength(8, 5));
    }

    private static void appendRange(final JournalWriter writer, final int from, final int to) {
        for (int i = from; i < to; i++) {
            appendDecision(writer, i);
        }
    }

    private static long readQuantities(final JournalReader reader, final JournalRecord record, final int count) {
        long sum = 0;
        for (int i = 0; i < count && reader.next(record); i++) {
            sum += record.getLong(JournalRecordDescriptor.DECISION_CHILD_QUANTITY);
        }
        return sum;
    }

    @Test
    void appendingAndReadingAllocateNothingPerRecord() {
        try (JournalWriter writer = JournalWriter.open(dir, 0)) {
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
