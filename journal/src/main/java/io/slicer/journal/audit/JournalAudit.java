package io.slicer.journal.audit;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.event.EventType;
import io.slicer.engine.market.Side;
import io.slicer.engine.order.CancelReason;
import io.slicer.engine.order.ChildTactic;
import io.slicer.engine.risk.ControlReason;
import io.slicer.engine.risk.HaltReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.RiskVerdict;
import io.slicer.engine.risk.TradingState;
import io.slicer.journal.EngineRecords;
import io.slicer.journal.JournalDirectory;
import io.slicer.journal.JournalReader;
import io.slicer.journal.JournalRecord;
import io.slicer.journal.SessionRecord;
import io.slicer.journal.sbe.ChildCancelDecoder;
import io.slicer.journal.sbe.DecisionDecoder;
import io.slicer.journal.sbe.TransitionDecoder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a journal once and builds the {@link OrderAudit} of every parent order in it (or of one). A kill-switch move
 * caused by a control input says who pressed it and why ("halted: OPERATOR by TRADER, reason RISK_LIMIT"); each
 * cancel the engine sent says which child, at what price and open quantity, and why ("PEG_REPRICE").
 */
public final class JournalAudit {
    private JournalAudit() {
    }

    /** Audits of every parent order (or only {@code onlyOrder} when it is not null), by order id. */
    public static Map<Long, OrderAudit> read(final Path journalDir, final Long onlyOrder) {
        final Map<Integer, Double> mids = new HashMap<>();
        final Map<Long, Builder> orders = new TreeMap<>();
        final Map<Long, Double> childDecisionMid = new HashMap<>();
        final Map<Long, Long> childOrder = new HashMap<>();
        final Map<Long, String> operators = new HashMap<>();
        List<String> strategies = List.of();
        final JournalRecord r = new JournalRecord();
        final EngineRecords records = new EngineRecords();
        final EngineEvent e = new EngineEvent();
        try (JournalReader reader = JournalReader.open(JournalDirectory.queue(journalDir))) {
            while (reader.next(r)) {
                switch (r.type()) {
                    case SESSION -> strategies = SessionRecord.read(r).strategies();
                    case INPUT -> {
                        records.decodeInput(r, e);
                        final long orderId = e.orderId();
                        if (e.type() == EventType.QUOTE) {
                            if (e.bid() > 0 && e.ask() >= e.bid()) {
                                mids.put(e.symbol(), (e.bid() + e.ask()) / 2);
                            }
                        } else if (e.type() == EventType.NEW_ORDER && (onlyOrder == null || onlyOrder == orderId)
                                && !orders.containsKey(orderId)) {
                            final int strategy = e.strategy();
                            orders.put(orderId, new Builder(orderId, e.symbol(), e.side(), e.quantity(),
                                    mids.getOrDefault(e.symbol(), Double.NaN), e.startTime(),
                                    strategy >= 0 && strategy < strategies.size() ? strategies.get(strategy)
                                            : "strategy #" + strategy));
                        } else if (e.isControl()) {
                            operators.put(EngineRecords.inputSequence(r), " by " + e.role()
                                    + (e.reason() == ControlReason.UNSPECIFIED ? "" : ", reason " + e.reason()));
                        } else if (e.type() == EventType.FILL && orders.containsKey(orderId)) {
                            orders.get(orderId).fill(e.quantity(), e.price(),
                                    childDecisionMid.getOrDefault(e.childId(), Double.NaN));
                        }
                    }
                    case DECISION -> {
                        final DecisionDecoder d = records.decision(r);
                        final Builder b = orders.get(d.orderId());
                        if (b != null && b.rows.isEmpty()) {
                            // The strategy that decided: the OMS's choice, or the order's arm under an A/B test.
                            final int s = d.strategy();
                            b.strategy = s >= 0 && s < strategies.size() ? strategies.get(s) : "strategy #" + s;
                        }
                        if (b != null) {
                            final long childId = d.childId();
                            if (childId != 0) {
                                childDecisionMid.put(childId, d.referencePrice());
                                childOrder.put(childId, b.orderId);
                            }
                            b.decision(d);
                        }
                    }
                    case TRANSITION -> {
                        final TransitionDecoder t = records.transition(r);
                        final HaltScope scope = HaltScope.ofCode(t.scope());
                        final TradingState state = TradingState.ofCode(t.state());
                        final String change = t.twapFallback() != 0 && state != TradingState.HALTED
                                ? "twap fallback: " + HaltReason.ofCode(t.reason()).name()
                                : state == TradingState.HALTED ? "halted: " + HaltReason.ofCode(t.reason()).name()
                                : state.name().toLowerCase(java.util.Locale.ROOT);
                        final String who = operators.getOrDefault(t.inputSequence(), "");
                        final long id = t.id();
                        for (final Builder b : orders.values()) {
                            if (scope == HaltScope.ALL || (scope == HaltScope.ORDER && id == b.orderId)
                                    || (scope == HaltScope.SYMBOL && id == b.symbol)) {
                                b.transition(t.timestamp(), scope, change + who, t.detail());
                            }
                        }
                    }
                    case CHILD_CANCEL -> {
                        final ChildCancelDecoder c = records.childCancel(r);
                        final Builder b = orders.get(c.orderId());
                        if (b != null) {
                            b.cancels.add("t=" + c.timestamp() + " child " + c.childId() + " open " + c.openQuantity()
                                    + " @ " + c.limitPrice() + " " + CancelReason.ofCode(c.reason()).name()
                                    + (c.haltReason() != 0 ? " (" + HaltReason.ofCode(c.haltReason()).name() + ")"
                                    : ""));
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
        String strategy;
        final List<OrderAudit.Row> rows = new ArrayList<>();
        final List<String> halts = new ArrayList<>();
        final List<String> cancels = new ArrayList<>();
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

        void decision(final DecisionDecoder d) {
            final double mid = d.referencePrice();
            if (d.fallback() != 0 && killSwitch.equals("active")) {
                killSwitch = "twap fallback";
            }
            rows.add(new OrderAudit.Row(d.timestamp(), d.slice(), mid, bps(side.sign() * (mid - arrival)),
                    quantity - filled, d.actionIndex(), d.actionValue(), d.proposedShares(), d.childId(),
                    d.childQuantity(), RiskVerdict.ofCode(d.verdict()).name(),
                    d.tactic() < ChildTactic.values().length ? ChildTactic.values()[d.tactic()].spec() : null, filled,
                    shortfallSoFarBps(), killSwitch));
        }

        /** A kill-switch transition of a scope holding this order: {@code change} says to what and why. */
        void transition(final long timestamp, final HaltScope scope, final String change, final double detail) {
            killSwitch = change;
            halts.add("t=" + timestamp + " " + scope + " " + change + (Double.isNaN(detail) ? "" : " (" + detail
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
                    timing / value * 1e4, filled == quantity ? 0.0 : opportunity / value * 1e4, List.copyOf(halts),
                    List.copyOf(cancels));
        }
    }
}
