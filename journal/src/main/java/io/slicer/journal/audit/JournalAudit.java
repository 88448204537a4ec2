package io.slicer.journal.audit;

import io.slicer.engine.event.EventType;
import io.slicer.engine.market.Side;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.RiskVerdict;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.SessionRecord;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.slicer.journal.format.JournalRecordDescriptor.*;

/** Reads a journal once and builds the {@link OrderAudit} of every parent order in it (or of one). */
public final class JournalAudit {
    private JournalAudit() {
    }

    /** Audits of every parent order (or only {@code onlyOrder} when it is not null), by order id. */
    public static Map<Long, OrderAudit> read(final Path journalDir, final Long onlyOrder) {
        final Map<Integer, Double> mids = new HashMap<>();
        final Map<Long, Builder> orders = new TreeMap<>();
        final Map<Long, Double> childDecisionMid = new HashMap<>();
        final Map<Long, Long> childOrder = new HashMap<>();
        List<String> strategies = List.of();
        final JournalRecord r = new JournalRecord();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journalDir))) {
            while (reader.next(r)) {
                switch (r.type()) {
                    case SESSION -> strategies = SessionRecord.read(r).strategies();
                    case INPUT -> {
                        final EventType type = EventType.ofCode(r.getInt(INPUT_EVENT_TYPE));
                        final long orderId = r.getLong(INPUT_ORDER_ID);
                        if (type == EventType.QUOTE) {
                            final double bid = r.getDouble(INPUT_BID);
                            final double ask = r.getDouble(INPUT_ASK);
                            if (bid > 0 && ask >= bid) {
                                mids.put(r.getInt(INPUT_SYMBOL), (bid + ask) / 2);
                            }
                        } else if (type == EventType.NEW_ORDER && (onlyOrder == null || onlyOrder == orderId)
                                && !orders.containsKey(orderId)) {
                            final int strategy = r.getInt(INPUT_STRATEGY);
                            orders.put(orderId, new Builder(orderId, r.getInt(INPUT_SYMBOL),
                                    r.getInt(INPUT_SIDE) == 1 ? Side.BUY : Side.SELL, r.getLong(INPUT_QUANTITY),
                                    mids.getOrDefault(r.getInt(INPUT_SYMBOL), Double.NaN),
                                    r.getLong(INPUT_START_TIME),
                                    strategy >= 0 && strategy < strategies.size() ? strategies.get(strategy)
                                            : "strategy #" + strategy));
                        } else if (type == EventType.FILL && orders.containsKey(orderId)) {
                            final long childId = r.getLong(INPUT_CHILD_ID);
                            orders.get(orderId).fill(r.getLong(INPUT_QUANTITY), r.getDouble(INPUT_PRICE),
                                    childDecisionMid.getOrDefault(childId, Double.NaN));
                        }
                    }
                    case DECISION -> {
                        final Builder b = orders.get(r.getLong(DECISION_ORDER_ID));
                        if (b != null) {
                            final long childId = r.getLong(DECISION_CHILD_ID);
                            if (childId != 0) {
                                childDecisionMid.put(childId, r.getDouble(DECISION_REFERENCE_PRICE));
                                childOrder.put(childId, b.orderId);
                            }
                            b.decision(r);
                        }
                    }
                    case HALT -> {
                        final HaltScope scope = HaltScope.ofCode(r.getInt(HALT_SCOPE));
                        final String reason = HaltReason.ofCode(r.getInt(HALT_REASON)).name();
                        final long id = r.getLong(HALT_ID);
                        for (final Builder b : orders.values()) {
                            if (scope == HaltScope.ALL || (scope == HaltScope.ORDER && id == b.orderId)
                                    || (scope == HaltScope.SYMBOL && id == b.symbol)) {
                                b.halt(r.getLong(HALT_TIMESTAMP), scope, reason, r.getDouble(HALT_DETAIL));
                            }
                        }
                    }
                    case ANOMALY -> {
                    }
                }
            }
        }
        final Map<Long, OrderAudit> audits = new TreeMap<>();
        for (final Builder b : orders.values()) {
            audits.put(b.orderId, b.build(mids.getOrDefault(b.symbol, Double.NaN)));
        }
        if (onlyOrder != null && audits.isEmpty()) {
            throw new IllegalArgumentException("journal " + journalDir + " has no parent order " + onlyOrder);
        }
        return audits;
    }

    private static final class Builder {
        final long orderId;
        final int symbol;
        final Side side;
        final long quantity;
        final double arrival;
        final long startTime;
        final String strategy;
        final List<OrderAudit.Row> rows = new ArrayList<>();
        final List<String> halts = new ArrayList<>();
        long filled;
        double notional;
        double impact;
        double timing;
        String killSwitch = "active";

        Builder(final long orderId, final int symbol, final Side side, final long quantity, final double arrival,
                final long startTime, final String strategy) {
            this.orderId = orderId;
            this.symbol = symbol;
            this.side = side;
            this.quantity = quantity;
            this.arrival = arrival;
            this.startTime = startTime;
            this.strategy = strategy;
        }

        void fill(final long qty, final double price, final double decisionMid) {
            filled += qty;
            notional += qty * price;
            final double mid = Double.isNaN(decisionMid) ? arrival : decisionMid;
            impact += side.sign() * (price - mid) * qty;
            timing += side.sign() * (mid - arrival) * qty;
        }

        void decision(final JournalRecord r) {
            final double mid = r.getDouble(DECISION_REFERENCE_PRICE);
            final boolean fallback = r.getInt(DECISION_FALLBACK) != 0;
            if (fallback && killSwitch.equals("active")) {
                killSwitch = "twap fallback";
            }
            rows.add(new OrderAudit.Row(r.getLong(DECISION_TIMESTAMP), r.getInt(DECISION_PERIOD), mid,
                    bps(side.sign() * (mid - arrival)), quantity - filled, r.getInt(DECISION_ACTION_INDEX),
                    r.getDouble(DECISION_ACTION_VALUE), r.getLong(DECISION_PROPOSED_SHARES),
                    r.getLong(DECISION_CHILD_ID), r.getLong(DECISION_CHILD_QUANTITY),
                    RiskVerdict.ofCode(r.getInt(DECISION_RISK_VERDICT)).name(), filled, shortfallSoFarBps(),
                    killSwitch));
        }

        void halt(final long timestamp, final HaltScope scope, final String reason, final double detail) {
            killSwitch = "halted: " + reason;
            halts.add("t=" + timestamp + " " + scope + " " + reason + (Double.isNaN(detail) ? "" : " (" + detail
                    + ")"));
        }

        /** IS of the shares filled so far, in bps of their arrival value. */
        double shortfallSoFarBps() {
            if (filled == 0 || !(arrival > 0)) {
                return 0;
            }
            return side.sign() * (notional / filled - arrival) / arrival * 1e4;
        }

        private double bps(final double perShare) {
            return arrival > 0 ? perShare / arrival * 1e4 : Double.NaN;
        }

        OrderAudit build(final double lastMid) {
            final double value = quantity * arrival;
            final double opportunity = side.sign() * (lastMid - arrival) * (quantity - filled);
            return new OrderAudit(orderId, side, quantity, arrival, startTime, strategy, List.copyOf(rows), filled,
                    filled == 0 ? Double.NaN : notional / filled, lastMid, impact / value * 1e4,
                    timing / value * 1e4, filled == quantity ? 0.0 : opportunity / value * 1e4, List.copyOf(halts));
        }
    }
}
