package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.risk.HaltScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The writer's durability policy, observed where it leaves its mark: the chain head file is written only after the
 * queue was forced to disk, so the records it names are the ones a power loss cannot take. SESSION, SEAL and CONTROL
 * records are forced before the commit returns; anything else waits for a batch of {@link JournalWriter#BATCH}
 * records or the close. (Children leaving for the OMS: {@code ChildSendDurabilityTest} in the tools.)
 */
class JournalDurabilityTest {
    @TempDir
    Path dir;

    private final EngineRecords records = new EngineRecords();

    private long durable() {
        return ChainHeadFile.read(dir).records();
    }

    /** What the chain head file names once the writer's background thread has forced {@code records}. */
    private long durableOnceForced(final JournalWriter writer, final long records) throws InterruptedException {
        final long deadline = System.nanoTime() + 30_000_000_000L;
        while (writer.forcedThrough() < records && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return durable();
    }

    private void quotes(final JournalWriter writer, final int count) {
        for (int i = 0; i < count; i++) {
            final long input = writer.nextSequence() - 1;
            writer.commit(records.encodeInput(writer.stage(), input,
                    new EngineEvent().quote(input, 1, 99.5, 100.5, 100, 100)));
        }
    }

    @Test
    void aSessionAndAControlRecordAreOnDiskBeforeTheirCommitReturns() {
        try (JournalWriter writer = JournalWriter.open(dir, ChainHead.GENESIS, JournalKey.NONE)) {
            assertEquals(0, durable());
            new SessionRecord("test", "", 0, List.of("twap"), List.of()).write(writer);
            assertEquals(1, durable());
            assertEquals(1, writer.forces());
            quotes(writer, 10);
            assertEquals(1, durable(), "market data waits for its batch");
            writer.commit(records.encodeInput(writer.stage(), 10,
                    new EngineEvent().control(EventType.HALT, 11, HaltScope.ALL, 0)));
            assertEquals(12, durable(), "the halt forces itself and the quotes before it");
            assertEquals(2, writer.forces());
            assertEquals(writer.chainHead(), ChainHeadFile.read(dir));
        }
    }

    @Test
    void marketDataIsForcedInBatchesOffTheAppendingThreadAndOnClose() throws InterruptedException {
        try (JournalWriter writer = JournalWriter.open(dir, ChainHead.GENESIS, JournalKey.NONE)) {
            new SessionRecord("test", "", 0, List.of("twap"), List.of()).write(writer);
            quotes(writer, JournalWriter.BATCH - 1);
            assertEquals(1, durable());
            quotes(writer, 1);
            assertEquals(1 + JournalWriter.BATCH, durableOnceForced(writer, 1 + JournalWriter.BATCH),
                    "the batch is forced by the writer's background thread");
            assertEquals(writer.nextSequence(), writer.forcedThrough());
            quotes(writer, JournalWriter.BATCH - 1);
            assertEquals(1 + JournalWriter.BATCH, durable());
            assertEquals(2, writer.forces());
            writer.forceToDisk();
            writer.forceToDisk();
            assertEquals(2 * JournalWriter.BATCH, durable());
            assertEquals(3, writer.forces(), "a second force with nothing new writes nothing");
            quotes(writer, 5);
        }
        assertEquals(2 * JournalWriter.BATCH + 5, durable(), "the close forces the rest");
    }

    @Test
    void theAppendingThreadForcesItselfBeforeMoreThanTwoBatchesGoUnforced() {
        try (JournalWriter writer = JournalWriter.open(dir, ChainHead.GENESIS, JournalKey.NONE)) {
            new SessionRecord("test", "", 0, List.of("twap"), List.of()).write(writer);
            for (int i = 0; i < 5 * JournalWriter.BATCH; i++) {
                quotes(writer, 1);
                assertTrue(writer.nextSequence() - durable() < JournalWriter.MAX_UNFORCED,
                        "record " + writer.nextSequence() + ", chain head names " + durable());
            }
        }
    }

    @Test
    void pagesAheadOfTheAppenderAreTouchedWithoutChangingWhatIsRead() throws InterruptedException {
        final int quotes = 3 * JournalWriter.BATCH;
        try (JournalWriter writer = JournalWriter.open(dir, ChainHead.GENESIS, JournalKey.NONE)) {
            new SessionRecord("test", "", 0, List.of("twap"), List.of()).write(writer);
            quotes(writer, quotes);
            final long deadline = System.nanoTime() + 30_000_000_000L;
            while (writer.pagesPretouched() < JournalPretoucher.AHEAD_BYTES / 4096 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertTrue(writer.pagesPretouched() >= JournalPretoucher.AHEAD_BYTES / 4096,
                    "pages touched: " + writer.pagesPretouched());
            writer.seal(quotes);
        }
        try (JournalReader reader = JournalReader.open(dir, JournalKey.NONE)) {
            final JournalRecord record = new JournalRecord();
            long read = 0;
            while (reader.next(record)) {
                read++;
            }
            assertEquals(quotes + 2, read, "SESSION, the quotes and the SEAL, nothing more");
        }
    }

    @Test
    void theSealIsForcedAndIsTheRecordTheChainHeadNames() {
        try (JournalWriter writer = JournalWriter.open(dir, ChainHead.GENESIS, JournalKey.NONE)) {
            new SessionRecord("test", "", 0, List.of("twap"), List.of()).write(writer);
            quotes(writer, 3);
            writer.seal(3);
            assertEquals(5, durable());
            assertEquals(writer.chainHead(), ChainHeadFile.read(dir));
        }
    }
}
