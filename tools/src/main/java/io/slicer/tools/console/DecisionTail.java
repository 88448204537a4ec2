package io.slicer.tools.console;

import io.slicer.engine.risk.RiskVerdict;
import io.slicer.journal.EngineRecords;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.DecisionDecoder;

import java.nio.file.Path;
import java.util.function.LongFunction;

/**
 * Follows the journal the engine writes, on the console's sampler thread, for each watched order's last decision
 * (features, raw policy outputs, action): the engine publishes no decision detail to other threads, and the journal
 * already holds every one, so the console reads it there rather than adding work to the decision path.
 */
final class DecisionTail implements AutoCloseable {
    private final JournalReader reader;
    private final JournalRecord record = new JournalRecord();
    private final EngineRecords records = new EngineRecords();
    private long read;

    DecisionTail(final Path journalDir) {
        this.reader = JournalReader.open(JournalDirectory.queue(journalDir));
    }

    /** Reads what was appended since the last call; hands each decision to its watched order, if any. */
    void poll(final LongFunction<WatchedOrder> orders) {
        while (reader.next(record)) {
            read++;
            if (record.type() != RecordType.DECISION) {
                continue;
            }
            final DecisionDecoder d = records.decision(record);
            final WatchedOrder o = orders.apply(d.orderId());
            if (o == null) {
                continue;
            }
            final long timestamp = d.timestamp();
            final long proposed = d.proposedShares();
            final long childId = d.childId();
            final long childQuantity = d.childQuantity();
            final double actionValue = d.actionValue();
            final int slice = d.slice();
            final int action = d.actionIndex();
            final String verdict = RiskVerdict.ofCode(d.verdict()).name();
            final DecisionDecoder.FeaturesDecoder f = d.features();
            final float[] features = new float[f.count()];
            for (int i = 0; f.hasNext(); i++) {
                features[i] = f.next().value();
            }
            final DecisionDecoder.RawOutputDecoder r = d.rawOutput();
            final float[] raw = new float[r.count()];
            for (int i = 0; r.hasNext(); i++) {
                raw[i] = r.next().value();
            }
            synchronized (o) {
                o.lastDecision = new WatchedOrder.LastDecision(timestamp, slice, action, actionValue, proposed,
                        childId, childQuantity, verdict, features, raw);
            }
        }
    }

    /** Journal records this tail has read. */
    long recordsRead() {
        return read;
    }

    @Override
    public void close() {
        reader.close();
    }
}
