package io.slicer.tools.example;

import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.market.Side;
import io.slicer.engine.port.ChildOrderSink;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * A venue for the example and the integration tests. The engine's consumer thread hands it child orders and cancels
 * (queued, never published from that thread); the OMS thread then calls {@link #answer}: each new child is
 * acknowledged and executed at once for as many shares as fit under its limit on the simulator's impact curve, the
 * rest rests until cancelled; each cancel is confirmed with the child's cumulative filled quantity.
 */
public final class SimulatedVenue implements ChildOrderSink {
    private record Instruction(boolean cancel, long childId, long parentId, Side side, long quantity, double limit) {
    }

    private static final class Resting {
        final long childId;
        final long parentId;
        final long quantity;
        long filled;

        Resting(final long childId, final long parentId, final long quantity) {
            this.childId = childId;
            this.parentId = parentId;
            this.quantity = quantity;
        }
    }

    private final ConcurrentLinkedQueue<Instruction> inbox = new ConcurrentLinkedQueue<>();
    private final List<Resting> resting = new ArrayList<>();
    private long execId = 1;
    private long childrenReceived;
    private long sharesExecuted;

    @Override
    public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                           final long quantity, final double limitPrice) {
        inbox.add(new Instruction(false, childId, parentId, side, quantity, limitPrice));
    }

    @Override
    public void onCancelChild(final long childId, final long parentId) {
        inbox.add(new Instruction(true, childId, parentId, null, 0, Double.NaN));
    }

    /** OMS thread: executes what the engine sent since the last call and publishes the venue's reports. */
    public void answer(final SlicerEngine engine, final SimulatedMarket market, final long t) {
        Instruction in;
        while ((in = inbox.poll()) != null) {
            if (in.cancel()) {
                for (int i = 0; i < resting.size(); i++) {
                    final Resting r = resting.get(i);
                    if (r.childId == in.childId()) {
                        resting.remove(i);
                        engine.childCancelled(t, r.parentId, r.childId, r.filled);
                        break;
                    }
                }
                continue;
            }
            childrenReceived++;
            engine.childAck(t, in.parentId(), in.childId());
            final int sign = in.side().sign();
            final long shares = Math.min(in.quantity(), market.executableWithin(sign, in.limit()));
            final Resting r = new Resting(in.childId(), in.parentId(), in.quantity());
            if (shares > 0) {
                final double price = market.executionPrice(sign, shares);
                market.permanentImpact(sign, shares);
                engine.fill(t, in.parentId(), in.childId(), execId++, shares, price);
                r.filled = shares;
                sharesExecuted += shares;
            }
            if (r.filled < r.quantity) {
                resting.add(r);
            }
        }
    }

    public long childrenReceived() {
        return childrenReceived;
    }

    public long sharesExecuted() {
        return sharesExecuted;
    }
}
