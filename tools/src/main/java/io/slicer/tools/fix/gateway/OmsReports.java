package io.slicer.tools.fix.gateway;

import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.AvgPx;
import quickfix.field.ClOrdID;
import quickfix.field.CumQty;
import quickfix.field.ExecID;
import quickfix.field.ExecType;
import quickfix.field.LastPx;
import quickfix.field.LastQty;
import quickfix.field.LeavesQty;
import quickfix.field.OrdRejReason;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrderQty;
import quickfix.field.Side;
import quickfix.field.Symbol;
import quickfix.field.Text;
import quickfix.fix44.ExecutionReport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The OMS's view of its parent orders, and the only place ExecutionReports to the OMS are made. What it reports
 * comes from the engine's published progress ({@link SlicerEngine#progress}), so a fill the engine ignored (a
 * duplicate ExecID, a report for a resolved child) never reaches the OMS and CumQty is always the engine's: each
 * {@link #refresh} reports the shares filled since the last report as one Trade (LastQty, LastPx the average of those
 * shares) and then, once, the order's end (Canceled, Expired, Rejected, or DoneForDay naming the halt reason).
 *
 * <p>After a restart the last report of every order is read back from the OMS session's message store
 * ({@link #recover}): what the OMS has been told is exactly what the store holds, so the first refresh reports only
 * what the crash kept from it.
 *
 * <p>Thread-safety: the order table is concurrent (the OMS session adds and looks up); what the OMS has been told of
 * an order is written under this object's lock: {@link #refresh} runs on the outbound thread, {@link #replaced} on
 * the OMS session's, which answers a replace before the callback returns.
 */
final class OmsReports {
    /** One parent order as the OMS knows it. */
    static final class OmsOrder {
        final long orderId;
        final String symbol;
        final char side;
        /** The OrderQty the OMS was last told (a replace may lower it). */
        volatile long quantity;
        volatile String clOrdId;
        volatile boolean acknowledged;
        long reportedCum;
        double reportedNotional;
        boolean ended;

        OmsOrder(final long orderId, final String clOrdId, final String symbol, final char side, final long quantity) {
            this.orderId = orderId;
            this.clOrdId = clOrdId;
            this.symbol = symbol;
            this.side = side;
            this.quantity = quantity;
        }

        /** True once the order ended (terminal report written). Outbound thread, or before the gateway starts. */
        boolean ended() {
            return ended;
        }
    }

    private static final String REJECT_PREFIX = "REJ-";
    private final Map<Long, OmsOrder> byOrder = new ConcurrentHashMap<>();
    private final Map<String, OmsOrder> byClOrdId = new ConcurrentHashMap<>();
    /** MsgSeqNums of NewOrderSingles refused before this start (read from the store): a resend of one is not refused twice. */
    private final java.util.Set<Long> rejectedBefore = ConcurrentHashMap.newKeySet();
    private final SlicerEngine engine;
    private final SessionID session;
    private final OrderProgress progress = new OrderProgress();

    OmsReports(final SlicerEngine engine, final SessionID session) {
        this.engine = engine;
        this.session = session;
    }

    OmsOrder byClOrdId(final String clOrdId) {
        return byClOrdId.get(clOrdId);
    }

    boolean rejectedBefore(final long msgSeqNum) {
        return rejectedBefore.contains(msgSeqNum);
    }

    OmsOrder byOrderId(final long orderId) {
        return byOrder.get(orderId);
    }

    Iterable<OmsOrder> orders() {
        return byOrder.values();
    }

    /** Records an order the engine accepted (journaled) and acknowledges it to the OMS with a New report. */
    void accepted(final OmsOrder o) {
        byOrder.put(o.orderId, o);
        byClOrdId.put(o.clOrdId, o);
        send(report(o, ExecType.NEW, OrdStatus.NEW, 0, o.quantity, Double.NaN, FixIds.omsExecId(o.orderId, 'N', 0)));
        o.acknowledged = true;
    }

    /** A new ClOrdID for an order after an accepted replace; the Replaced report carries it. */
    synchronized void replaced(final OmsOrder o, final String newClOrdId, final String origClOrdId,
                               final int msgSeqNum, final long newQuantity) {
        o.clOrdId = newClOrdId;
        o.quantity = newQuantity;
        byClOrdId.put(newClOrdId, o);
        // Cut to exactly what the OMS has been told is filled: the replace itself ends the order.
        final boolean done = o.reportedCum >= newQuantity;
        final ExecutionReport r = report(o, ExecType.REPLACED, done ? OrdStatus.FILLED
                        : o.reportedCum > 0 ? OrdStatus.PARTIALLY_FILLED : OrdStatus.NEW, o.reportedCum,
                Math.max(0, newQuantity - o.reportedCum), o.reportedCum > 0 ? o.reportedNotional / o.reportedCum
                        : Double.NaN,
                FixIds.omsExecId(o.orderId, 'R', msgSeqNum));
        r.setString(41, origClOrdId);
        o.ended = done;
        send(r);
    }

    /** Refuses a NewOrderSingle without telling the engine anything. */
    void rejected(final Message nos, final int reason, final String text) {
        final ExecutionReport r = new ExecutionReport();
        copy(nos, r, 11);
        copy(nos, r, 55);
        copy(nos, r, 54);
        copy(nos, r, 38);
        r.set(new OrderID("NONE"));
        r.set(new ExecID(REJECT_PREFIX + FixFields.str(nos.getHeader(), 34, "0")));
        r.set(new ExecType(ExecType.REJECTED));
        r.set(new OrdStatus(OrdStatus.REJECTED));
        if (!r.isSetField(54)) {
            r.set(new Side(Side.BUY));
        }
        if (!r.isSetField(55)) {
            r.set(new Symbol("NONE"));
        }
        r.set(new LeavesQty(0));
        r.set(new CumQty(0));
        r.set(new AvgPx(0));
        r.set(new OrdRejReason(reason));
        r.set(new Text(text));
        send(r);
    }

    private static void copy(final Message from, final Message to, final int tag) {
        if (from.isSetField(tag)) {
            to.setString(tag, FixFields.str(from, tag, ""));
        }
    }

    /** Reports what changed in the engine since the last report of {@code orderId}. Any thread. */
    synchronized void refresh(final long orderId) {
        final OmsOrder o = byOrder.get(orderId);
        if (o == null || !o.acknowledged || o.ended || !engine.progress(orderId, progress)) {
            return;
        }
        final long cum = progress.filled();
        final OrderStatus status = progress.status();
        if (cum > o.reportedCum) {
            final double notional = progress.averagePrice() * cum;
            final long last = cum - o.reportedCum;
            final double lastPx = (notional - o.reportedNotional) / last;
            final boolean filled = cum >= o.quantity;
            final char ordStatus = filled ? OrdStatus.FILLED : OrdStatus.PARTIALLY_FILLED;
            final ExecutionReport r = report(o, ExecType.TRADE, ordStatus, cum, o.quantity - cum,
                    progress.averagePrice(), FixIds.omsExecId(orderId, 'T', cum));
            r.set(new LastQty(last));
            r.set(new LastPx(round(lastPx)));
            o.reportedCum = cum;
            o.reportedNotional = notional;
            o.ended = filled;
            send(r);
        }
        if (!o.ended && status != OrderStatus.OPEN && status != OrderStatus.FILLED) {
            final ExecutionReport r;
            final double avg = cum > 0 ? progress.averagePrice() : 0;
            switch (status) {
                case CANCELLED -> r = report(o, ExecType.CANCELED, OrdStatus.CANCELED, cum, 0, avg,
                        FixIds.omsExecId(orderId, 'C', cum));
                case EXPIRED -> r = report(o, ExecType.EXPIRED, OrdStatus.EXPIRED, cum, 0, avg,
                        FixIds.omsExecId(orderId, 'E', cum));
                case REJECTED -> {
                    r = report(o, ExecType.REJECTED, OrdStatus.REJECTED, cum, 0, avg,
                            FixIds.omsExecId(orderId, 'J', cum));
                    r.set(new OrdRejReason(OrdRejReason.OTHER));
                    r.set(new Text("refused by the engine"));
                }
                default -> {
                    r = report(o, ExecType.DONE_FOR_DAY, OrdStatus.DONE_FOR_DAY, cum, 0, avg,
                            FixIds.omsExecId(orderId, 'H', cum));
                    r.set(new Text("halted by the kill switch: " + progress.haltReason()));
                }
            }
            o.ended = true;
            send(r);
        }
    }

    private ExecutionReport report(final OmsOrder o, final char execType, final char ordStatus, final long cum,
                                   final long leaves, final double avg, final String execId) {
        final ExecutionReport r = new ExecutionReport(new OrderID(Long.toString(o.orderId)), new ExecID(execId),
                new ExecType(execType), new OrdStatus(ordStatus), new Side(o.side), new LeavesQty(leaves),
                new CumQty(cum), new AvgPx(Double.isNaN(avg) ? 0 : round(avg)));
        r.set(new ClOrdID(o.clOrdId));
        r.set(new Symbol(o.symbol));
        r.set(new OrderQty(o.quantity));
        return r;
    }

    private static double round(final double price) {
        return Math.round(price * 1e6) / 1e6;
    }

    private void send(final Message m) {
        FixSessions.send(m, session);
    }

    /**
     * Rebuilds the order table from the reports in the OMS session's store (oldest first): an order's ClOrdID, symbol,
     * side and quantity from its reports, what the OMS was told (CumQty, AvgPx) and whether it was told the end.
     */
    void recover(final Iterable<String> storedMessages) {
        for (final String raw : storedMessages) {
            final Message m;
            try {
                m = new Message(raw, false);
            } catch (final quickfix.InvalidMessage e) {
                continue;
            }
            if (!"8".equals(FixFields.str(m.getHeader(), 35, "")) || !m.isSetField(37)) {
                continue;
            }
            final String execId = FixFields.str(m, 17, "");
            if ("NONE".equals(FixFields.str(m, 37, ""))) {
                if (execId.startsWith(REJECT_PREFIX)) {
                    rejectedBefore.add(Long.parseLong(execId.substring(REJECT_PREFIX.length())));
                }
                continue;
            }
            final long orderId = Long.parseLong(FixFields.str(m, 37, "0"));
            final String clOrdId = FixFields.str(m, 11, "");
            OmsOrder o = byOrder.get(orderId);
            if (o == null) {
                o = new OmsOrder(orderId, clOrdId, FixFields.str(m, 55, ""), FixFields.str(m, 54, "1").charAt(0),
                        (long) Double.parseDouble(FixFields.str(m, 38, "0")));
                byOrder.put(orderId, o);
            }
            o.clOrdId = clOrdId;
            byClOrdId.put(clOrdId, o);
            o.acknowledged = true;
            o.quantity = (long) Double.parseDouble(FixFields.str(m, 38, Long.toString(o.quantity)));
            final long cum = (long) Double.parseDouble(FixFields.str(m, 14, "0"));
            o.reportedCum = cum;
            o.reportedNotional = cum * Double.parseDouble(FixFields.str(m, 6, "0"));
            final char ordStatus = FixFields.str(m, 39, "0").charAt(0);
            o.ended = ordStatus == OrdStatus.FILLED || ordStatus == OrdStatus.CANCELED || ordStatus == OrdStatus.EXPIRED
                    || ordStatus == OrdStatus.REJECTED || ordStatus == OrdStatus.DONE_FOR_DAY;
        }
    }
}
