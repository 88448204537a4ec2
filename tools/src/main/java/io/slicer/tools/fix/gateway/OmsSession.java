package io.slicer.tools.fix.gateway;

import io.slicer.engine.api.NewOrder;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.order.AmendRefusal;
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
 * OrderCancelReplaceRequest amends its limit, urgency, quantity (down) or horizon. Every message the engine acts on
 * is journaled before this callback returns ({@link EngineIngress#durable()}), and QuickFIX/J counts an incoming sequence number only when
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

    /**
     * OrderCancelReplaceRequest: a new Price 44 (the limit), urgency in 848, a lower OrderQty 38 (the order's total,
     * as FIX counts it) and a new ExpireTime 126 (the end of the horizon); an OrderQty or ExpireTime equal to the
     * order's own changes nothing. The engine applies the amend or refuses all of it; a refusal is answered with an
     * OrderCancelReject naming why, an amend applied with ExecType Replaced carrying the new OrderQty and LeavesQty.
     */
    private void replace(final Message m) throws FieldNotFound {
        final OmsReports.OmsOrder o = target(m, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST);
        if (o == null) {
            return;
        }
        final long requestedQty = m.isSetField(38) ? (long) FixFields.num(m, 38, -1) : o.quantity;
        if (requestedQty <= 0) {
            cancelReject(m, o, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST, CxlRejReason.OTHER,
                    "OrderQty 38 must be positive, found " + FixFields.str(m, 38, ""));
            return;
        }
        // The order's current end and amend count, read on this thread before the amend.
        engine.progress(o.orderId, progress);
        final int amendsBefore = progress.termsAmends();
        final long quantity = requestedQty == progress.quantity() ? EngineEvent.UNCHANGED : requestedQty;
        long end = EngineEvent.UNCHANGED;
        if (m.isSetField(126)) {
            try {
                final long requestedEnd = ParentOrderRequest.nanos(m, 126);
                end = requestedEnd == progress.endTime() ? EngineEvent.UNCHANGED : requestedEnd;
            } catch (final FieldNotFound | quickfix.FieldException e) {
                cancelReject(m, o, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST, CxlRejReason.OTHER,
                        "ExpireTime 126 must be a UTCTimestamp, found '" + FixFields.str(m, 126, "") + "'");
                return;
            }
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
        final boolean terms = quantity != EngineEvent.UNCHANGED || end != EngineEvent.UNCHANGED;
        final boolean restated = (m.isSetField(38) || m.isSetField(126)) && !terms;
        if (!(Double.isNaN(limit) || limit > 0 && !Double.isInfinite(limit))
                || !(Double.isNaN(urgency) || urgency > 0 && !Double.isInfinite(urgency))
                || Double.isNaN(limit) && Double.isNaN(urgency) && !terms && !restated) {
            cancelReject(m, o, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST, CxlRejReason.OTHER,
                    "expected a positive Price 44, urgency=U (U > 0) in 848, a lower OrderQty 38 and/or a new"
                            + " ExpireTime 126");
            return;
        }
        if (!Double.isNaN(limit) || !Double.isNaN(urgency) || terms) {
            // A replace that only restates the order's OrderQty and ExpireTime (an OMS sending every field, or one
            // resending a replace the engine already applied before a crash) changes nothing in the engine.
            ingress.amend(o.orderId, limit, urgency, quantity, end);
            ingress.durable();
        }
        if (terms && engine.progress(o.orderId, progress) && progress.termsAmends() > amendsBefore
                && progress.lastAmendRefusal() != null) {
            cancelReject(m, o, CxlRejResponseTo.ORDER_CANCEL_REPLACE_REQUEST, CxlRejReason.OTHER,
                    refusalText(progress.lastAmendRefusal(), requestedQty, progress));
            return;
        }
        // Sent before returning, like the New report: the OMS learns the new ClOrdID before the amend counts as
        // received. Its CumQty and LeavesQty are those of the reports before it (the report table's lock orders them).
        reports.replaced(o, m.getString(11), m.getString(41), m.getHeader().getInt(34), requestedQty);
        refreshLater(o.orderId);
    }

    private static String refusalText(final AmendRefusal refusal, final long requestedQty, final OrderProgress p) {
        return switch (refusal) {
            case QUANTITY_UP -> "OrderQty 38 " + requestedQty + " is above the order's " + p.quantity() + ": "
                    + refusal.reason();
            case QUANTITY_BELOW_DONE -> "OrderQty 38 " + requestedQty + " is below CumQty " + p.filled()
                    + " plus working " + p.inFlight() + ": " + refusal.reason();
            case END_NOT_AHEAD -> "ExpireTime 126: " + refusal.reason();
        };
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
