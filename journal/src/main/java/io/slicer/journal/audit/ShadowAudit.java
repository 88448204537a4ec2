package io.slicer.journal.audit;

import io.slicer.engine.risk.HaltReason;
import io.slicer.journal.EngineRecords;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.SessionRecord;
import io.slicer.journal.format.RecordType;
import io.slicer.journal.sbe.ShadowDecisionDecoder;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the shadow strategy would have done with each parent order, from a journal's SHADOW records: how many slices
 * it decided, the units it would have traded, and their <b>estimated</b> IS, a counterfactual estimate (the order's
 * impact model applied to the would-be children on the path the engine observed; no child was sent, no fill backs
 * it). A shadow that failed says how, and the estimate covers the slices before the failure.
 */
public final class ShadowAudit {
    /** One order's shadow: {@code fault} null when it decided every slice it saw. */
    public record OrderShadow(long orderId, String strategy, int slices, long wouldTrade,
                              double estimatedIsBps, HaltReason fault) {
        /** A shadow that decided every slice, with units to price. */
        public boolean estimated() {
            return fault == null && wouldTrade > 0;
        }
    }

    private ShadowAudit() {
    }

    /** The shadow of every parent order that had one, by order id (empty when the journal ran no shadow). */
    public static Map<Long, OrderShadow> read(final Path journalDir) {
        final Map<Long, OrderShadow> out = new TreeMap<>();
        final JournalRecord r = new JournalRecord();
        final EngineRecords records = new EngineRecords();
        List<String> strategies = List.of();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journalDir))) {
            while (reader.next(r)) {
                if (r.type() == RecordType.SESSION) {
                    strategies = SessionRecord.read(r).strategies();
                } else if (r.type() == RecordType.SHADOW) {
                    final ShadowDecisionDecoder d = records.shadow(r);
                    final OrderShadow before = out.get(d.orderId());
                    final int index = d.strategy();
                    final String name = index >= 0 && index < strategies.size() ? strategies.get(index)
                            : "strategy #" + index;
                    final HaltReason fault = d.fault() == 0 ? null : HaltReason.ofCode(d.fault());
                    out.put(d.orderId(), new OrderShadow(d.orderId(), name, (before == null ? 0 : before.slices())
                            + (fault == null ? 1 : 0), d.shares(), d.estimatedIsBps(), fault));
                }
            }
        }
        return out;
    }
}
