package io.slicer.engine.core;

import io.slicer.engine.event.MarketDataCheck;
import io.slicer.engine.market.Instrument;
import io.slicer.engine.market.SliceVolatilityEstimator;
import io.slicer.engine.risk.TradingState;

import java.util.Map;
import java.util.TreeMap;

/**
 * Every number the core runs with: the instruments it trades (reference data: tick, lot, multiplier), capacities,
 * slice sizing, pre-trade limits, kill-switch thresholds and the impact model of the TWAP benchmark. Immutable;
 * build with {@link #builder()}. Times are event-time nanoseconds.
 */
public final class EngineConfig {
    /**
     * Plausibility ceilings: a limit set past these does not limit anything, so it is refused rather than taken as a
     * silent way of switching a check off. Largest child, in shares or contracts.
     */
    public static final long MAX_CHILD_LIMIT = 1_000_000_000L;
    /** Largest child notional, in the instrument's currency. */
    public static final double MAX_NOTIONAL_LIMIT = 1e11;
    /** Largest IS kill multiple of TWAP's cost, and largest floor in bps (100%). */
    public static final double MAX_IS_MULTIPLE = 100;
    public static final double MAX_IS_FLOOR_BPS = 10_000;
    /** Largest number of standard deviations for the out-of-domain and IS-noise checks. */
    public static final double MAX_SIGMAS = 100;

    final int maxSymbols;
    final int maxOrders;
    final int maxLiveChildrenPerOrder;
    final int maxLiveChildren;
    final int maxSlices;
    final long firstChildId;

    final Instrument[] instruments;
    final long minChild;
    final long maxChild;
    final double participationCap;
    final double policyParticipationLimit;
    final boolean cancelAtSliceEnd;
    final double marketableOffsetBps;

    final long maxChildQuantity;
    final double maxChildNotional;
    final double priceCollar;
    final int throttleMessages;
    final long throttleWindowNanos;
    final long duplicateWindowNanos;

    final double isMultiple;
    final double isFloorBps;
    final double isMinFilledFraction;
    final double isNoiseSigmas;
    final double domainSigmas;
    final long staleAfterNanos;
    final boolean twapFallback;
    final double priceBand;
    final TradingState onBadMarketData;

    final double volatilityDecay;
    final double temporaryImpact;
    final double permanentImpact;
    final double sliceLength;

    private EngineConfig(final Builder b) {
        maxSymbols = positive(b.maxSymbols, "maxSymbols");
        maxOrders = positive(b.maxOrders, "maxOrders");
        maxLiveChildrenPerOrder = positive(b.maxLiveChildrenPerOrder, "maxLiveChildrenPerOrder");
        maxLiveChildren = positive(b.maxLiveChildren, "maxLiveChildren");
        maxSlices = positive(b.maxSlices, "maxSlices");
        firstChildId = b.firstChildId;
        instruments = new Instrument[maxSymbols];
        for (int i = 0; i < maxSymbols; i++) {
            instruments[i] = b.instruments.getOrDefault(i, b.defaultInstrument);
        }
        for (final int symbol : b.instruments.keySet()) {
            if (symbol < 0 || symbol >= maxSymbols) {
                throw new IllegalArgumentException("instrument for symbol " + symbol + ": symbols are 0.."
                        + (maxSymbols - 1));
            }
        }
        minChild = b.minChild;
        maxChild = b.maxChild;
        participationCap = b.participationCap;
        // A policy planning on more than the hard cap lets through would fall behind and leave the last slice a
        // backlog that sweeps far over the cap: it is told the stricter of the two.
        policyParticipationLimit = Double.isNaN(b.policyParticipationLimit) ? participationCap
                : Double.isNaN(participationCap) ? b.policyParticipationLimit
                : Math.min(b.policyParticipationLimit, participationCap);
        if (!Double.isNaN(b.policyParticipationLimit)
                && !(b.policyParticipationLimit > 0 && b.policyParticipationLimit <= 1)) {
            throw new IllegalArgumentException("policy participation limit must be in (0, 1] or NaN (the hard cap),"
                    + " got " + b.policyParticipationLimit);
        }
        for (final Instrument instrument : instruments) {
            if (minChild < 0 || maxChild < instrument.lotSize() || minChild > maxChild) {
                throw new IllegalArgumentException("slice sizing needs 0 <= min child <= max child and max child >= "
                        + "the lot of " + instrument.symbol() + "; got lot " + instrument.lotSize() + ", min "
                        + minChild + ", max " + maxChild);
            }
        }
        cancelAtSliceEnd = b.cancelAtSliceEnd;
        marketableOffsetBps = b.marketableOffsetBps;
        if (!(marketableOffsetBps >= 0) || Double.isInfinite(marketableOffsetBps)) {
            throw new IllegalArgumentException("marketable offset must be >= 0 bps, got " + marketableOffsetBps);
        }
        maxChildQuantity = b.maxChildQuantity;
        maxChildNotional = b.maxChildNotional;
        priceCollar = b.priceCollar;
        throttleMessages = b.throttleMessages;
        throttleWindowNanos = b.throttleWindowNanos;
        duplicateWindowNanos = b.duplicateWindowNanos;
        isMultiple = b.isMultiple;
        isFloorBps = b.isFloorBps;
        isMinFilledFraction = b.isMinFilledFraction;
        isNoiseSigmas = b.isNoiseSigmas;
        domainSigmas = b.domainSigmas;
        staleAfterNanos = b.staleAfterNanos;
        twapFallback = b.twapFallback;
        priceBand = b.priceBand;
        onBadMarketData = b.onBadMarketData;
        if (!(priceBand > 0)) {
            throw new IllegalArgumentException("price band must be > 0 (a fraction of the last price; Infinity: off),"
                    + " got " + priceBand);
        }
        if (onBadMarketData != TradingState.HALTED && onBadMarketData != TradingState.PAUSED) {
            throw new IllegalArgumentException("on bad market data the symbol's orders are HALTED or PAUSED, got "
                    + onBadMarketData);
        }
        volatilityDecay = b.volatilityDecay;
        temporaryImpact = b.temporaryImpact;
        permanentImpact = b.permanentImpact;
        sliceLength = b.sliceLength;
        if (!(isMultiple >= 1) || Double.isInfinite(isMultiple) || !(isFloorBps >= 0)
                || !(isMinFilledFraction >= 0 && isMinFilledFraction <= 1)
                || !(isNoiseSigmas >= 0) || Double.isInfinite(isNoiseSigmas)) {
            throw new IllegalArgumentException("IS kill switch needs a finite multiple >= 1 (of TWAP's cost), floor"
                    + " >= 0 bps, min filled fraction in [0, 1] and noise sigmas >= 0; got " + isMultiple + ", "
                    + isFloorBps + ", " + isMinFilledFraction + ", " + isNoiseSigmas);
        }
        requireAtMost("maxChild", maxChild, MAX_CHILD_LIMIT);
        requireAtMost("maxChildQuantity", maxChildQuantity, MAX_CHILD_LIMIT);
        requireAtMost("maxChildNotional", maxChildNotional, MAX_NOTIONAL_LIMIT);
        requireAtMost("isKill multiple", isMultiple, MAX_IS_MULTIPLE);
        requireAtMost("isKill floor bps", isFloorBps, MAX_IS_FLOOR_BPS);
        requireAtMost("isNoiseSigmas", isNoiseSigmas, MAX_SIGMAS);
        requireAtMost("domainSigmas", domainSigmas, MAX_SIGMAS);
        if (!(domainSigmas > 0) || staleAfterNanos <= 0 || duplicateWindowNanos < 0) {
            throw new IllegalArgumentException("domain sigmas and staleness must be > 0, duplicate window >= 0; got "
                    + domainSigmas + ", " + staleAfterNanos + " ns, " + duplicateWindowNanos + " ns");
        }
        if (!(volatilityDecay >= 0 && volatilityDecay <= 1) || !(temporaryImpact >= 0) || !(permanentImpact >= 0)
                || !(sliceLength > 0)) {
            throw new IllegalArgumentException("market model needs decay in [0, 1], impacts >= 0 and slice length"
                    + " > 0; got " + volatilityDecay + ", " + temporaryImpact + ", " + permanentImpact + ", "
                    + sliceLength);
        }
    }

    private static void requireAtMost(final String name, final double value, final double ceiling) {
        if (!(value <= ceiling)) {
            throw new IllegalArgumentException(name + " is " + value + ", above the plausible " + ceiling
                    + ": a limit that high switches its check off (see EngineConfig)");
        }
    }

    private static int positive(final int v, final String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be > 0, got " + v);
        }
        return v;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static EngineConfig defaults() {
        return builder().build();
    }

    /** Reference data of symbol {@code symbol} (the default instrument unless one was configured for it). */
    public Instrument instrument(final int symbol) { return instruments[symbol]; }
    public double domainSigmas() { return domainSigmas; }

    /** Defaults suit US equities traded in minute slices; every one can be overridden. */
    public static final class Builder {
        private int maxSymbols = 256;
        private int maxOrders = 1024;
        private int maxLiveChildrenPerOrder = 64;
        private int maxLiveChildren = 16_384;
        private int maxSlices = 100_000;
        private long firstChildId = 1;
        private final Map<Integer, Instrument> instruments = new TreeMap<>();
        private Instrument defaultInstrument = Instrument.usEquity("");
        private long minChild = 100;
        private long maxChild = 100_000;
        private double participationCap = Double.NaN;
        private double policyParticipationLimit = Double.NaN;
        private boolean cancelAtSliceEnd = true;
        private double marketableOffsetBps;
        private long maxChildQuantity = 250_000;
        private double maxChildNotional = 50_000_000;
        private double priceCollar = 0.05;
        private int throttleMessages = 200;
        private long throttleWindowNanos = 1_000_000_000L;
        private long duplicateWindowNanos = 1_000_000L;
        private double isMultiple = 2.0;
        private double isFloorBps = 5.0;
        private double isMinFilledFraction = 0.05;
        private double isNoiseSigmas = 3.0;
        private double domainSigmas = 3.0;
        private long staleAfterNanos = 30_000_000_000L;
        private boolean twapFallback;
        private double priceBand = MarketDataCheck.DEFAULT_BAND;
        private TradingState onBadMarketData = TradingState.HALTED;
        private double volatilityDecay = SliceVolatilityEstimator.DEFAULT_DECAY;
        private double temporaryImpact;
        private double permanentImpact;
        private double sliceLength = 1.0;

        /** Symbols are ints 0..n-1. */
        public Builder maxSymbols(final int n) { maxSymbols = n; return this; }
        /** Parent orders held at once (terminal orders are recycled when full). */
        public Builder maxOrders(final int n) { maxOrders = n; return this; }
        public Builder maxLiveChildrenPerOrder(final int n) { maxLiveChildrenPerOrder = n; return this; }
        /** Unresolved children across the engine (the child pool). */
        public Builder maxLiveChildren(final int n) { maxLiveChildren = n; return this; }
        public Builder maxSlices(final int n) { maxSlices = n; return this; }
        /** Child ids are assigned from here upwards, in decision order. */
        public Builder firstChildId(final long id) { firstChildId = id; return this; }

        /** Reference data of symbol {@code symbol}: children are sized in its lots and priced on its tick. */
        public Builder instrument(final int symbol, final Instrument instrument) {
            instruments.put(symbol, java.util.Objects.requireNonNull(instrument, "instrument"));
            return this;
        }
        /**
         * Reference data of every symbol not given its own {@link #instrument} (default: a US equity in cents and
         * round lots of 100, {@link Instrument#usEquity}).
         */
        public Builder defaultInstrument(final Instrument instrument) {
            defaultInstrument = java.util.Objects.requireNonNull(instrument, "instrument");
            return this;
        }
        public Builder minChild(final long v) { minChild = v; return this; }
        public Builder maxChild(final long v) { maxChild = v; return this; }
        /**
         * Desk participation cap on realized volume, (0, 1], NaN for none: a HARD clamp the slice sizer applies to
         * every child, and (unless {@link #policyParticipationLimit} says otherwise) the limit told to strategies.
         */
        public Builder participationCap(final double v) { participationCap = v; return this; }
        /**
         * A SOFT participation limit, (0, 1], told to strategies only: it is the {@code participationLimit} of the
         * decision context (a learned policy's {@link io.slicer.engine.decision.ParticipationFeasibility} floor
         * works from it) and the scenario cap strategies are created with, but it never clamps a child; only
         * {@link #participationCap} does. This is how the simulators treat a scenario's cap (breaches are counted,
         * not prevented), so an engine running a simulated day gives a policy exactly what the simulator gives it.
         * NaN (default): the hard cap is also the limit told to strategies. With both set, strategies are told the
         * stricter.
         */
        public Builder policyParticipationLimit(final double v) { policyParticipationLimit = v; return this; }
        /** Cancel a slice's unfilled children at the next slice boundary (default true). */
        public Builder cancelAtSliceEnd(final boolean v) { cancelAtSliceEnd = v; return this; }
        /**
         * A child's limit is the far touch moved this many bps through it (a marketable limit that may walk the
         * book), then capped by the parent's limit. Default 0: the far touch itself.
         */
        public Builder marketableOffsetBps(final double v) { marketableOffsetBps = v; return this; }

        public Builder maxChildQuantity(final long v) { maxChildQuantity = v; return this; }
        public Builder maxChildNotional(final double v) { maxChildNotional = v; return this; }
        /** Allowed |limit - reference| / reference. */
        public Builder priceCollar(final double v) { priceCollar = v; return this; }
        /**
         * Messages to the venue allowed per window of event time: new children and cancels both count (a venue's
         * rate limit does); only new children are ever refused.
         */
        public Builder throttle(final int messages, final long windowNanos) {
            throttleMessages = messages;
            throttleWindowNanos = windowNanos;
            return this;
        }
        /** Same order, quantity and price within this window = duplicate child. */
        public Builder duplicateWindowNanos(final long v) { duplicateWindowNanos = v; return this; }

        /**
         * Halt when the running IS costs more than {@code multiple} times what TWAP would have on the same path:
         * IS - TWAP IS > max((multiple - 1) * TWAP's cost of trading, floor) + noise sigmas * schedule noise (see
         * {@link SlicerCore}). Multiple >= 1 (default 2), floor in bps (default 5), checked once the order has
         * filled {@code minFilledFraction} (default 0.05).
         */
        public Builder isKill(final double multiple, final double floorBps, final double minFilledFraction) {
            isMultiple = multiple;
            isFloorBps = floorBps;
            isMinFilledFraction = minFilledFraction;
            return this;
        }
        /**
         * Standard deviations of price noise the IS check allows for the order's schedule differing from TWAP's
         * (default 3); 0 ignores that noise.
         */
        public Builder isNoiseSigmas(final double v) { isNoiseSigmas = v; return this; }
        /** Width of the training domain in standard deviations (default 3). */
        public Builder domainSigmas(final double v) { domainSigmas = v; return this; }
        public Builder staleAfterNanos(final long v) { staleAfterNanos = v; return this; }
        /** After a policy fault, finish the order on an exact TWAP of what remains instead of stopping. */
        public Builder twapFallback(final boolean v) { twapFallback = v; return this; }
        /**
         * Largest move of a quote's mid or a trade's price from the symbol's last accepted price, as a fraction
         * (default {@link MarketDataCheck#DEFAULT_BAND}), within the staleness window; beyond it the event is refused
         * as {@code PRICE_JUMP}. {@code Double.POSITIVE_INFINITY} turns the rule off.
         */
        public Builder priceBand(final double v) { priceBand = v; return this; }
        /**
         * What a refused quote or trade does to the open orders on its symbol: HALTED (default: fail closed) or
         * PAUSED (an operator may resume). Either way their working children are cancelled.
         */
        public Builder onBadMarketData(final TradingState v) { onBadMarketData = v; return this; }

        /**
         * EWMA decay of the per-slice variance of the mid ({@link SliceVolatilityEstimator#DEFAULT_DECAY} by
         * default, the decay every simulator trains with). 1 keeps the OMS's reference volatility for the whole
         * order; a decay other than the default gives a policy a {@code volatility_ratio} it was not trained on.
         */
        public Builder volatilityDecay(final double v) { volatilityDecay = v; return this; }
        /**
         * Impact model: linear temporary impact eta (per unit of n / tau), linear permanent impact gamma and the
         * slice length tau in eta's time unit. Used by the TWAP benchmark and handed to strategies.
         */
        public Builder impact(final double eta, final double gamma, final double tau) {
            temporaryImpact = eta;
            permanentImpact = gamma;
            sliceLength = tau;
            return this;
        }

        public EngineConfig build() {
            return new EngineConfig(this);
        }
    }
}
