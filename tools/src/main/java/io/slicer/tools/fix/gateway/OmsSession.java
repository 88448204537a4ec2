package io.slicer.tools.fix.gateway;

import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.order.OrderProgress;
import io.slicer.engine.order.OrderStatus;
import quickfix.ApplicationAdapter;
import quickfix.FieldNotFound;
import quickfix.Message;
import quickfix.SessionID;
import quickfix.field.ClOrdID;
import quickfix.field.CxlRejReason;
import quickfix.field.CxlRejResponseTo;
import quickfix.field.OrdStatus;
import quickfix.field.OrderID;
import quickfix.field.OrigClOrdID;
import quickfix.field.Text;
import quickfix.fix44.OrderCancelReject;

import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The OMS side (Slicer accepts): NewOrderSingle opens a parent order, OrderCancelRequest cancels it,
 * OrderCancelReplaceRequest amends its limit or urgency. Every message the engine acts on is journaled before this
 * callback returns ({@link EngineIngress#durable()}), and QuickFIX/J counts an incoming sequence number only when
 * the callback returns: after a crash the OMS resends (PossDup) what the journal does not hold. An order's engine id
 * is its NewOrderSingle's MsgSeqNum, so a resent order is recognised whatever the crash left. Runs on the acceptor's
 * thread.
 */
final class OmsSession extends ApplicationAdapter {
    private final EngineIngress ingress;
    private final SlicerEngine engine;
    private final OmsReports reports;
    private final GatewayConfig config;
    private final Executor outbound;
    private final OrderProgress progress = new OrderProgress();

    private volatile Watcher watcher = (order, symbol) -> { };

    OmsSession(final EngineIngress ingress, final SlicerEngine engine, final OmsReports reports,
               final GatewayConfig config, final Executor outbound) {
        this.ingress = ingress;
        this.engine = engine;
        this.reports = reports;
        this.config = config;
        this.outbound = outbound;
    }

    @Override
    public void onLogon(final SessionID sessionId) {
        // What the OMS was not told before a crash (fills, ends) is reported once it is back.
        for (final OmsReports.OmsOrder o : reports.orders()) {
            refreshLater(o.orderId);
        }
    }

    @Override
    public void fromApp(final Message m, final SessionID sessionId) throws FieldNotFound {
        final String type = m.getHeader().getString(35);
        switch (type) {
            case "D" -> newOrder(m);
            case "F" -> cancel(m);
            case "G" -> replace(m);
            default -> { }
        }
    }

    private void newOrder(final Message m) throws FieldNotFound {
        final long orderId = m.getHeader().getInt(34);
        final String clOrdId = FixFields.str(m, 11, "");
        if (reports.byOrderId(orderId) != null || reports.rejectedBefore(orderId)) {
            // Answered before a crash (the OMS resends what the gateway had not counted): answered once only.
            return;
        }
        if (clOrdId.isEmpty()) {
            reports.rejected(m, 99, "required tag 11 missing");
            return;
        }
        if (reports.byClOrdId(clOrdId) != null) {
            reports.rejected(m, 6, "duplicate ClOrdID " + clOrdId);
            return;
        }
        final OmsReports.OmsOrder order = new OmsReports.OmsOrder(orderId, clOrdId, FixFields.str(m, 55, ""),
                FixFields.str(m, 54, "1").charAt(0), (long) FixFields.num(m, 38, 0));
        if (engine.progress(orderId, progress)) {
            // Journaled before a crash that kept the acknowledgement from the OMS: acknowledge, do not open again.
            reports.accepted(order);
            refreshLater(orderId);
            return;
        }
        final ParentOrderRequest.Outcome outcome = ParentOrderRequest.read(m, orderId, ingress.now(), config);
        if (!outcome.accepted()) {
            reports.rejected(m, outcome.rejectReason(), outcome.text());
            return;
        }
        final NewOrder o = outcome.order();
        ingress.newOrder(o);
        // An order that starts now has its first slice decided now, not at the next tick of the wall-clock timer.
        ingress.timer();
        ingress.durable();
        if (!engine.progress(orderId, progress) || progress.status() == OrderStatus.REJECTED) {
            reports.rejected(m, 99, "refused by the engine (invalid terms or no capacity)");
            return;
        }
        reports.accepted(order);
        watcher.accepted(o, order.symbol);
        refreshLater(orderId);
    }

    /** Told of every parent order the engine accepted from the OMS (the operator console's blotter). */
    @FunctionalInterface
    interface Watcher {
        void accepted(NewOrder order, String symbol);
    }

    /** Who is told of accepted orders from now on (nobody by default). */
    void watcher(final Watcher w) {
        this.watcher = w;
    }

    private void cancel(final Message m) throws FieldNotFound {
        final OmsReports.OmsOrder o = target(m, CxlRejResponseTo.ORDER_CANCEL_REQUEST);
        if (o == null) {
            return;
        }
        ingress.cancel(o.orderId);
        ingress.durable();
        refreshLater(o.orderId);
    }

    private void replace(final Message m) throws FieldNotFound {
        final OmsReports.OmsOrder o = target(m, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST);
        if (o == null) {
            return;
        }
        if (m.isSetField(38) && (long) FixFields.num(m, 38, -1) != o.quantity) {
            cancelReject(m, o, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST, CxlRejReason.OTHER,
                    "OrderQty 38 cannot change: the engine amends limit and urgency only");
            return;
        }
        if (m.isSetField(126)) {
            cancelReject(m, o, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST, CxlRejReason.OTHER,
                    "ExpireTime 126 cannot change: the engine amends limit and urgency only");
            return;
        }
        final double limit = m.isSetField(44) ? FixFields.num(m, 44, -1) : Double.NaN;
        double urgency = Double.NaN;
        try {
            final Map<String, String> params = ParentOrderRequest.parameters(FixFields.str(m, 848, ""));
            if (params.containsKey("urgency")) {
                urgency = Double.parseDouble(params.get("urgency"));
            }
        } catch (final IllegalArgumentException e) {
            cancelReject(m, o, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST, CxlRejReason.OTHER, e.getMessage());
            return;
        }
        if (!(Double.isNaN(limit) || limit > 0 && !Double.isInfinite(limit))
                || !(Double.isNaN(urgency) || urgency > 0 && !Double.isInfinite(urgency))
                || Double.isNaN(limit) && Double.isNaN(urgency)) {
            cancelReject(m, o, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST, CxlRejReason.OTHER,
                    "expected a positive Price 44 and/or urgency=U (U > 0) in 848");
            return;
        }
        ingress.amend(o.orderId, limit, urgency);
        ingress.durable();
        // Sent before returning, like the New report: the OMS learns the new ClOrdID before the amend counts as received.
        reports.replaced(o, m.getString(11), m.getString(41), m.getHeader().getInt(34));
    }

    /** The open order a cancel or replace names, or null after answering with an OrderCancelReject. */
    private OmsReports.OmsOrder target(final Message m, final char responseTo) throws FieldNotFound {
        final String orig = FixFields.str(m, 41, "");
        final OmsReports.OmsOrder o = reports.byClOrdId(orig);
        if (o == null) {
            cancelReject(m, null, responseTo, CxlRejReason.UNKNOWN_ORDER, "unknown OrigClOrdID '" + orig + "'");
            return null;
        }
        if (!engine.progress(o.orderId, progress) || progress.status() != OrderStatus.OPEN) {
            cancelReject(m, o, responseTo, CxlRejReason.TOO_LATE_TO_CANCEL, "order " + orig + " is "
                    + (engine.progress(o.orderId, progress) ? progress.status() : "unknown to the engine"));
            return null;
        }
        return o;
    }

    private void cancelReject(final Message m, final OmsReports.OmsOrder o, final char responseTo, final int reason,
                              final String text) {
        final OrderCancelReject r = new OrderCancelReject(new OrderID(o == null ? "NONE" : Long.toString(o.orderId)),
                new ClOrdID(FixFields.str(m, 11, "NONE")), new OrigClOrdID(FixFields.str(m, 41, "NONE")),
                new OrdStatus(o == null ? OrdStatus.REJECTED : OrdStatus.NEW), new CxlRejResponseTo(responseTo));
        r.set(new CxlRejReason(reason));
        r.set(new Text(text));
        FixSessions.send(r, new SessionID(FixFields.str(m.getHeader(), 8, ""), FixFields.str(m.getHeader(), 56, ""),
                FixFields.str(m.getHeader(), 49, "")));
    }

    private void refreshLater(final long orderId) {
        outbound.execute(() -> {
            engine.flush();
            reports.refresh(orderId);
        });
    }
}
