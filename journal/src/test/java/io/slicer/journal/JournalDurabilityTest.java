package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.risk.HaltScope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    void marketDataIsForcedInBatchesAndOnClose() {
        try (JournalWriter writer = JournalWriter.open(dir, ChainHead.GENESIS, JournalKey.NONE)) {
            new SessionRecord("test", "", 0, List.of("twap"), List.of()).write(writer);
            quotes(writer, JournalWriter.BATCH - 1);
            assertEquals(1, durable());
            quotes(writer, 1);
            assertEquals(1 + JournalWriter.BATCH, durable());
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
