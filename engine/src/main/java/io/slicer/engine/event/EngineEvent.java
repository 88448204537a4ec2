package io.slicer.engine.event;

import io.slicer.engine.market.Side;
import io.slicer.engine.risk.ControlReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.OperatorRole;

/**
 * One slot of the engine's ring: a preallocated, mutable event whose meaning depends on {@link #type()}. Publishers
 * fill a slot with one of the typed writers ({@link #quote}, {@link #fill}, ...), which first reset every field, so
 * no value leaks from the slot's previous use. Only primitive fields and enum constants: writing and reading a slot
 * allocates nothing. The journal writes each type as its own message ({@code slicer-journal.xml}) and rebuilds it
 * with the same typed writer.
 *
 * <p>Which fields each type uses:
 * <pre>
 *   type             fields
 *   QUOTE            timestamp symbol bid ask bidSize askSize
 *   TRADE            timestamp symbol price size aggressor           (+1 buyer-, -1 seller-initiated, 0 unknown)
 *   NEW_ORDER        timestamp symbol orderId side quantity startTime endTime slices strategy
 *                    limitPrice wouldPrice urgency referenceVolatility expectedVolume
 *                    expectedRemainingVolume                      (NaN = unknown)
 *   CANCEL_ORDER     timestamp orderId
 *   AMEND_ORDER      timestamp orderId limitPrice urgency expectedVolume expectedRemainingVolume
 *                    quantity endTime              (NaN = unchanged; quantity, endTime 0 = unchanged)
 *   PAUSE/RESUME     timestamp scope id role reason               (id: order id, symbol or 0 for ALL)
 *   HALT             timestamp scope id role reason               (role, reason: who acted and why)
 *   CHILD_ACK        timestamp orderId childId
 *   FILL             timestamp orderId childId execId quantity price
 *   CHILD_REJECT     timestamp orderId childId
 *   CHILD_CANCELLED  timestamp orderId childId cumQuantity       (venue's cumulative filled quantity)
 *   TIMER            timestamp
 * </pre>
 * Timestamps are event time in nanoseconds on any epoch the OMS chooses, the same for every event of one engine.
 * The engine never reads a clock: all of its time comes from here, so replaying the same events reproduces the same
 * decisions bit for bit.
 *
 * <p>Not thread-safe: a slot belongs to the publisher until published, then to the consumer.
 */
public final class EngineEvent {
    private static final EventType[] TYPES = EventType.values();
    private static final Side[] SIDES = Side.values();
    private static final HaltScope[] SCOPES = HaltScope.values();
    private static final byte PAUSE_ORDINAL = (byte) EventType.PAUSE.ordinal();
    private static final byte RESUME_ORDINAL = (byte) EventType.RESUME.ordinal();
    private static final byte HALT_ORDINAL = (byte) EventType.HALT.ordinal();
    private static final OperatorRole[] ROLES = OperatorRole.values();
    private static final ControlReason[] REASONS = ControlReason.values();
    /** A side or scope the publisher left out (null), which the core refuses with the order or control event. */
    private static final byte NONE = -1;
    /** An AMEND_ORDER's quantity or end time that leaves the order's own. */
    public static final long UNCHANGED = 0;

    // The enums are held as ordinals. Events live in the ring for the engine's lifetime (the old generation, under
    // G1), and a reference store into such an object runs G1's post-write barrier, whose slow path (a StoreLoad
    // fence and a dirty-card enqueue) is taken whenever the stored enum constant lives in another heap region: with
    // references, a market event took 25-30 ns instead of 8 in about one JVM run in three (CoreBenchmark.marketEvent,
    // 10 forks; none under the Parallel collector, whose barrier has no fence). A byte store has no barrier.
    private byte type = (byte) EventType.TIMER.ordinal();
    private long timestamp;
    private int symbol;
    private long orderId;
    private long childId;
    private long execId;
    private byte side = (byte) Side.BUY.ordinal();
    private long quantity;
    private long cumQuantity;
    private double price = Double.NaN;
    private long size;
    private byte aggressor;
    private double bid = Double.NaN;
    private double ask = Double.NaN;
    private long bidSize;
    private long askSize;
    private long startTime;
    private long endTime;
    private int slices;
    private int strategy;
    private double limitPrice = Double.NaN;
    private double wouldPrice = Double.NaN;
    private double urgency = Double.NaN;
    private double referenceVolatility = Double.NaN;
    private double expectedVolume = Double.NaN;
    private double expectedRemainingVolume = Double.NaN;
    private byte scope = (byte) HaltScope.ORDER.ordinal();
    private long scopeId;
    private byte role = (byte) OperatorRole.OMS.ordinal();
    private byte reason = (byte) ControlReason.UNSPECIFIED.ordinal();

    /** Resets every field to its empty value (NaN for optional prices): each typed writer starts here. */
    private EngineEvent clear() {
        type = (byte) EventType.TIMER.ordinal();
        timestamp = 0;
        symbol = 0;
        orderId = 0;
        childId = 0;
        execId = 0;
        side = (byte) Side.BUY.ordinal();
        quantity = 0;
        cumQuantity = 0;
        price = Double.NaN;
        size = 0;
        aggressor = 0;
        bid = Double.NaN;
        ask = Double.NaN;
        bidSize = 0;
        askSize = 0;
        startTime = 0;
        endTime = 0;
        slices = 0;
        strategy = 0;
        limitPrice = Double.NaN;
        wouldPrice = Double.NaN;
        urgency = Double.NaN;
        referenceVolatility = Double.NaN;
        expectedVolume = Double.NaN;
        expectedRemainingVolume = Double.NaN;
        scope = (byte) HaltScope.ORDER.ordinal();
        scopeId = 0;
        role = (byte) OperatorRole.OMS.ordinal();
        reason = (byte) ControlReason.UNSPECIFIED.ordinal();
        return this;
    }

    /** Copies every field of {@code other} (replay, tests, journals). */
    public EngineEvent copyFrom(final EngineEvent other) {
        type = other.type;
        timestamp = other.timestamp;
        symbol = other.symbol;
        orderId = other.orderId;
        childId = other.childId;
        execId = other.execId;
        side = other.side;
        quantity = other.quantity;
        cumQuantity = other.cumQuantity;
        price = other.price;
        size = other.size;
        aggressor = other.aggressor;
        bid = other.bid;
        ask = other.ask;
        bidSize = other.bidSize;
        askSize = other.askSize;
        startTime = other.startTime;
        endTime = other.endTime;
        slices = other.slices;
        strategy = other.strategy;
        limitPrice = other.limitPrice;
        wouldPrice = other.wouldPrice;
        urgency = other.urgency;
        referenceVolatility = other.referenceVolatility;
        expectedVolume = other.expectedVolume;
        expectedRemainingVolume = other.expectedRemainingVolume;
        scope = other.scope;
        scopeId = other.scopeId;
        role = other.role;
        reason = other.reason;
        return this;
    }

    // ---- typed writers: each clears the slot first ----

    public EngineEvent quote(final long timestamp, final int symbol, final double bid, final double ask,
                             final long bidSize, final long askSize) {
        clear();
        this.type = (byte) EventType.QUOTE.ordinal();
        this.timestamp = timestamp;
        this.symbol = symbol;
        this.bid = bid;
        this.ask = ask;
        this.bidSize = bidSize;
        this.askSize = askSize;
        return this;
    }

    /**
     * A print on the tape; {@code aggressor} the side that crossed the spread: +1 buyer-initiated (it lifted the
     * offer), -1 seller-initiated, 0 unknown (FIX MD AggressorSide 2446, CME MDP3's aggressor side, LOBSTER's
     * direction of the resting order reversed). Any other value is kept as its sign.
     */
    public EngineEvent trade(final long timestamp, final int symbol, final double price, final long size,
                             final int aggressor) {
        clear();
        this.type = (byte) EventType.TRADE.ordinal();
        this.timestamp = timestamp;
        this.symbol = symbol;
        this.price = price;
        this.size = size;
        this.aggressor = (byte) Integer.signum(aggressor);
        return this;
    }

    /**
     * A new parent order. {@code strategy} is the index of a strategy registered with the engine;
     * {@code referenceVolatility} is the OMS's volatility per slice (currency per share) and {@code expectedVolume}
     * its expected market volume per slice (shares); limit and "I would" prices are NaN when absent, urgency NaN
     * for the strategy's default. The expected market volume of all remaining slices is unknown (see the overload).
     */
    public EngineEvent newOrder(final long timestamp, final long orderId, final int symbol, final Side side,
                                final long quantity, final long startTime, final long endTime, final int slices,
                                final int strategy, final double limitPrice, final double wouldPrice,
                                final double urgency, final double referenceVolatility,
                                final double expectedVolume) {
        return newOrder(timestamp, orderId, symbol, side, quantity, startTime, endTime, slices, strategy, limitPrice,
                wouldPrice, urgency, referenceVolatility, expectedVolume, Double.NaN);
    }

    /**
     * A new parent order that also says how much market volume the OMS expects from the order's current slice (its
     * first, before it starts) to its end, in shares: an intraday volume curve's exact remaining sum, which the
     * engine otherwise extrapolates flat from {@code expectedVolume}. NaN = unknown.
     */
    public EngineEvent newOrder(final long timestamp, final long orderId, final int symbol, final Side side,
                                final long quantity, final long startTime, final long endTime, final int slices,
                                final int strategy, final double limitPrice, final double wouldPrice,
                                final double urgency, final double referenceVolatility,
                                final double expectedVolume, final double expectedRemainingVolume) {
        clear();
        this.type = (byte) EventType.NEW_ORDER.ordinal();
        this.timestamp = timestamp;
        this.orderId = orderId;
        this.symbol = symbol;
        this.side = side == null ? NONE : (byte) side.ordinal();
        this.quantity = quantity;
        this.startTime = startTime;
        this.endTime = endTime;
        this.slices = slices;
        this.strategy = strategy;
        this.limitPrice = limitPrice;
        this.wouldPrice = wouldPrice;
        this.urgency = urgency;
        this.referenceVolatility = referenceVolatility;
        this.expectedVolume = expectedVolume;
        this.expectedRemainingVolume = expectedRemainingVolume;
        return this;
    }

    public EngineEvent cancelOrder(final long timestamp, final long orderId) {
        clear();
        this.type = (byte) EventType.CANCEL_ORDER.ordinal();
        this.timestamp = timestamp;
        this.orderId = orderId;
        return this;
    }

    /** NaN in either field leaves it unchanged. */
    public EngineEvent amendOrder(final long timestamp, final long orderId, final double limitPrice,
                                  final double urgency) {
        return amendOrder(timestamp, orderId, limitPrice, urgency, Double.NaN);
    }

    /**
     * NaN in any field leaves it unchanged. {@code expectedVolume} is the OMS's new estimate of the market volume
     * per slice, from the current slice on (an OMS following an intraday volume curve updates it as each slice starts).
     */
    public EngineEvent amendOrder(final long timestamp, final long orderId, final double limitPrice,
                                  final double urgency, final double expectedVolume) {
        return amendOrder(timestamp, orderId, limitPrice, urgency, expectedVolume, Double.NaN);
    }

    /**
     * As {@link #amendOrder(long, long, double, double, double)}, plus {@code expectedRemainingVolume}: the market
     * volume the OMS expects from the current slice (the one containing {@code timestamp}) to the order's end.
     * NaN leaves it unchanged.
     */
    public EngineEvent amendOrder(final long timestamp, final long orderId, final double limitPrice,
                                  final double urgency, final double expectedVolume,
                                  final double expectedRemainingVolume) {
        return amendOrder(timestamp, orderId, limitPrice, urgency, expectedVolume, expectedRemainingVolume,
                UNCHANGED, UNCHANGED);
    }

    /**
     * As {@link #amendOrder(long, long, double, double, double, double)}, plus the order's terms: a lower
     * {@code quantity} and a new {@code endTime} (the end of the horizon), each {@link #UNCHANGED} (0) to leave it.
     */
    public EngineEvent amendOrder(final long timestamp, final long orderId, final double limitPrice,
                                  final double urgency, final double expectedVolume,
                                  final double expectedRemainingVolume, final long quantity, final long endTime) {
        clear();
        this.type = (byte) EventType.AMEND_ORDER.ordinal();
        this.timestamp = timestamp;
        this.orderId = orderId;
        this.limitPrice = limitPrice;
        this.urgency = urgency;
        this.expectedVolume = expectedVolume;
        this.expectedRemainingVolume = expectedRemainingVolume;
        this.quantity = quantity;
        this.endTime = endTime;
        return this;
    }

    /** True when this AMEND_ORDER changes the order's quantity or the end of its horizon. */
    public boolean amendsTerms() {
        return quantity != UNCHANGED || endTime != UNCHANGED;
    }

    /**
     * {@code type} is PAUSE, RESUME or HALT; {@code id} is an order id, a symbol, or ignored for ALL. Pressed by the
     * embedding application ({@link OperatorRole#OMS}), no reason given.
     */
    public EngineEvent control(final EventType type, final long timestamp, final HaltScope scope, final long id) {
        return control(type, timestamp, scope, id, OperatorRole.OMS, ControlReason.UNSPECIFIED);
    }

    /** As {@link #control(EventType, long, HaltScope, long)}, saying who acted ({@code role}) and why. */
    public EngineEvent control(final EventType type, final long timestamp, final HaltScope scope, final long id,
                               final OperatorRole role, final ControlReason reason) {
        if (type != EventType.PAUSE && type != EventType.RESUME && type != EventType.HALT) {
            throw new IllegalArgumentException("control event must be PAUSE, RESUME or HALT, got " + type);
        }
        clear();
        this.type = (byte) type.ordinal();
        this.timestamp = timestamp;
        this.scope = scope == null ? NONE : (byte) scope.ordinal();
        this.scopeId = id;
        this.role = (byte) role.ordinal();
        this.reason = (byte) reason.ordinal();
        return this;
    }

    public EngineEvent childAck(final long timestamp, final long orderId, final long childId) {
        clear();
        this.type = (byte) EventType.CHILD_ACK.ordinal();
        this.timestamp = timestamp;
        this.orderId = orderId;
        this.childId = childId;
        return this;
    }

    public EngineEvent fill(final long timestamp, final long orderId, final long childId, final long execId,
                            final long quantity, final double price) {
        clear();
        this.type = (byte) EventType.FILL.ordinal();
        this.timestamp = timestamp;
        this.orderId = orderId;
        this.childId = childId;
        this.execId = execId;
        this.quantity = quantity;
        this.price = price;
        return this;
    }

    public EngineEvent childReject(final long timestamp, final long orderId, final long childId) {
        clear();
        this.type = (byte) EventType.CHILD_REJECT.ordinal();
        this.timestamp = timestamp;
        this.orderId = orderId;
        this.childId = childId;
        return this;
    }

    /** The venue confirms a cancel; {@code cumQuantity} is what it had filled on the child in total. */
    public EngineEvent childCancelled(final long timestamp, final long orderId, final long childId,
                                      final long cumQuantity) {
        clear();
        this.type = (byte) EventType.CHILD_CANCELLED.ordinal();
        this.timestamp = timestamp;
        this.orderId = orderId;
        this.childId = childId;
        this.cumQuantity = cumQuantity;
        return this;
    }

    public EngineEvent timer(final long timestamp) {
        clear();
        this.type = (byte) EventType.TIMER.ordinal();
        this.timestamp = timestamp;
        return this;
    }

    // ---- getters ----

    public EventType type() { return TYPES[type]; }
    public long timestamp() { return timestamp; }
    public int symbol() { return symbol; }
    public long orderId() { return orderId; }
    public long childId() { return childId; }
    public long execId() { return execId; }
    public Side side() { return side == NONE ? null : SIDES[side]; }
    public long quantity() { return quantity; }
    public long cumQuantity() { return cumQuantity; }
    public double price() { return price; }
    public long size() { return size; }
    /** TRADE: +1 buyer-initiated, -1 seller-initiated, 0 unknown. */
    public int aggressor() { return aggressor; }
    public double bid() { return bid; }
    public double ask() { return ask; }
    public long bidSize() { return bidSize; }
    public long askSize() { return askSize; }
    public long startTime() { return startTime; }
    public long endTime() { return endTime; }
    public int slices() { return slices; }
    public int strategy() { return strategy; }
    public double limitPrice() { return limitPrice; }
    public double wouldPrice() { return wouldPrice; }
    public double urgency() { return urgency; }
    public double referenceVolatility() { return referenceVolatility; }
    public double expectedVolume() { return expectedVolume; }
    public double expectedRemainingVolume() { return expectedRemainingVolume; }
    public HaltScope scope() { return scope == NONE ? null : SCOPES[scope]; }
    public long scopeId() { return scopeId; }
    public OperatorRole role() { return ROLES[role]; }
    public ControlReason reason() { return REASONS[reason]; }

    /** PAUSE, RESUME or HALT: an operator's input, acknowledged to its publisher once processed (and journaled). */
    public boolean isControl() {
        return type == PAUSE_ORDINAL || type == RESUME_ORDINAL || type == HALT_ORDINAL;
    }

    @Override
    public String toString() {
        return "EngineEvent{" + type() + " t=" + timestamp + " sym=" + symbol + " order=" + orderId
                + " child=" + childId + " exec=" + execId + " side=" + side() + " qty=" + quantity
                + " cum=" + cumQuantity + " px=" + price + " size=" + size + " aggressor=" + aggressor + " bid=" + bid + " ask=" + ask
                + " start=" + startTime + " end=" + endTime + " slices=" + slices + " strategy=" + strategy
                + " limit=" + limitPrice + " would=" + wouldPrice + " urgency=" + urgency
                + " volatility=" + referenceVolatility + " expectedVolume=" + expectedVolume
                + " expectedRemaining=" + expectedRemainingVolume
                + " scope=" + scope() + ":" + scopeId + " role=" + role() + " reason=" + reason() + "}";
    }
}
