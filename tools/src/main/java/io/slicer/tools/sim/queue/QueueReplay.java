package io.slicer.tools.sim.queue;

import io.slicer.engine.order.ChildTactic;
import io.slicer.tools.marketdata.lobster.LobsterFormat;
import io.slicer.tools.marketdata.lobster.LobsterTape;

/**
 * Works one slice's child with a passive {@link ChildTactic} over a LOBSTER day, fill by fill, under the queue rules
 * of {@link QueuePosition}:
 * <pre>
 *   decided at S      the child is priced on the book after the last row stamped before S + latency
 *                     (the tactic's passive price, on the day's tick) and joins the queue there
 *   rows in [S + latency, D + latency)   move our queue position and fill us; a peg is repriced after
 *                     any row that moves its price (cancel and new order: behind what is displayed there)
 *   deadline D        the cancel is sent; it arrives at D + latency; what is unfilled then is the leftover,
 *                     which the caller crosses on the book of the last row before D + latency
 * </pre>
 * Adverse selection is marked out on the day's mids: for each fill, the mid before its row against the mid after the
 * last row stamped at or before the fill + 1 s (+ 10 s); a one-sided book there counts as no move.
 *
 * <p>Allocation-free after construction. One thread.
 */
public final class QueueReplay {
    private final LobsterTape tape;
    private final QueueModel model;
    private final long tickUnits;
    private final QueuePosition position = new QueuePosition();
    private final PassiveFills fills = new PassiveFills();

    /**
     * A replay over {@code tape}; {@code tickUnits} is the instrument's tick in LOBSTER price units (a cent is 100).
     */
    public QueueReplay(final LobsterTape tape, final QueueModel model, final long tickUnits) {
        if (tickUnits <= 0) {
            throw new IllegalArgumentException(tape.label() + ": tick must be a positive number of LOBSTER price "
                    + "units, found " + tickUnits);
        }
        this.tape = tape;
        this.model = model;
        this.tickUnits = tickUnits;
    }

    public QueueModel model() {
        return model;
    }

    /** The queue position of the child last worked: for tests and traces. */
    public QueuePosition position() {
        return position;
    }

    /**
     * Works {@code quantity} shares on side {@code sign} (+1 buy, -1 sell) with {@code tactic} from decision time
     * {@code startNanos} to deadline {@code deadlineNanos} (nanoseconds after midnight) and returns the reused fills.
     */
    public PassiveFills work(final int sign, final long quantity, final ChildTactic tactic, final long startNanos,
                             final long deadlineNanos) {
        fills.reset(quantity);
        final long latency = model.latencyNanos();
        final long cancelArrives = deadlineNanos + latency;
        int row = tape.firstAtOrAfter(startNanos + latency);
        fills.crossRow = tape.firstAtOrAfter(cancelArrives) - 1;
        if (quantity <= 0 || !tactic.passive() || row == 0 || !tape.twoSided(row - 1)) {
            return fills;
        }
        final int book = row - 1;
        if (!post(sign, tactic, book, quantity)) {
            return fills;
        }
        fills.posted = true;
        fills.farTouchAtSubmission = LobsterFormat.toDollars(sign > 0 ? tape.askTicks(book) : tape.bidTicks(book));
        final int rows = tape.rows();
        while (row < rows && tape.time(row) < cancelArrives && position.leaves() > 0) {
            final long filled = position.onMessage(tape.type(row), tape.direction(row), tape.price(row),
                    tape.size(row));
            if (filled > 0) {
                fill(sign, row, filled);
            }
            if (tactic.reprices() && position.leaves() > 0 && tape.twoSided(row)) {
                final long price = tactic.passiveTicks(sign, tape.bidTicks(row) / tickUnits,
                        tape.askTicks(row) / tickUnits) * tickUnits;
                if (price != position.priceTicks() && price > 0) {
                    final long leaves = position.cancel();
                    position.join(sign, price, displayedAt(sign, price, row), leaves, model.cancels());
                    fills.repricings++;
                }
            }
            row++;
        }
        fills.leftover = position.cancel();
        return fills;
    }

    /** Prices the child on {@code book}'s touch and joins the queue; false when the book has no passive price. */
    private boolean post(final int sign, final ChildTactic tactic, final int book, final long quantity) {
        final long bid = tape.bidTicks(book);
        final long ask = tape.askTicks(book);
        if (bid % tickUnits != 0 || ask % tickUnits != 0) {
            throw new IllegalArgumentException(tape.label() + ": touch " + bid + "/" + ask
                    + " is not on the tick of " + tickUnits + " price units");
        }
        final long ticks = tactic.passiveTicks(sign, bid / tickUnits, ask / tickUnits);
        if (ticks == Long.MIN_VALUE) {
            return false;
        }
        final long price = ticks * tickUnits;
        position.join(sign, price, displayedAt(sign, price, book), quantity, model.cancels());
        return true;
    }

    /** What level 1 shows at {@code price} on our side after {@code row}: the near touch's size, else nothing. */
    private long displayedAt(final int sign, final long price, final int row) {
        if (sign > 0) {
            return price == tape.bidTicks(row) ? tape.bidSize(row) : 0;
        }
        return price == tape.askTicks(row) ? tape.askSize(row) : 0;
    }

    private void fill(final int sign, final int row, final long shares) {
        final double price = LobsterFormat.toDollars(position.priceTicks());
        fills.shares += shares;
        fills.notional += shares * price;
        final double before = mid(row - 1, Double.NaN);
        if (Double.isNaN(before)) {
            return;
        }
        for (int h = 0; h < PassiveFills.MARKOUT_NANOS.length; h++) {
            final int later = tape.firstAtOrAfter(tape.time(row) + PassiveFills.MARKOUT_NANOS[h] + 1) - 1;
            fills.adverse[h] += shares * sign * (before - mid(later, before));
        }
    }

    /** The mid after {@code row}, or {@code otherwise} when the book there is one-sided. */
    private double mid(final int row, final double otherwise) {
        if (row < 0 || !tape.twoSided(row)) {
            return otherwise;
        }
        return (tape.askTicks(row) + tape.bidTicks(row)) / (2 * LobsterFormat.PRICE_SCALE);
    }
}
