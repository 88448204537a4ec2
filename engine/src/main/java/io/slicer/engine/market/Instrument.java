package io.slicer.engine.market;

import java.util.Objects;

/**
 * Reference data of one tradable instrument: the prices it trades at (a multiple of the tick), the quantities (a
 * multiple of the lot), what one unit of price is worth (the contract multiplier: 1 for a share, 125,000 USD per
 * point for CME's 6E euro future), the currency notionals are in, how many decimals a price is written with, and
 * what a unit of quantity is called ("shares", "contracts"). The engine and every simulator use this one class, so a
 * child price is on tick and a notional carries the multiplier wherever it is computed.
 *
 * <h2>Prices on tick, bit for bit</h2>
 * A price is on tick when it is the double nearest to an integer number of ticks, {@link #price(long)}. For a tick
 * whose inverse is a whole number (0.01, 0.00005, 0.25: almost every tick in use) that double is computed as
 * {@code ticks / inverse}, a correctly rounded division, so it is the same double as the decimal literal: 10,001
 * ticks of 0.01 is exactly {@code 100.01}, not {@code 100.01000000000001}. A quote that arrives on tick therefore stays
 * the same double through {@link #roundUp} and {@link #roundDown}. A price within {@link #TICK_TOLERANCE} of a tick
 * counts as on it, so that the error of the decimal-to-binary conversion never moves a price a whole tick.
 *
 * <p>Immutable. Every method is allocation-free.
 */
public final class Instrument {
    /** Relative distance, in ticks, within which a price counts as on a tick. */
    private static final double TICK_TOLERANCE = 1e-7;

    private final String symbol;
    private final double tickSize;
    private final long lotSize;
    private final double multiplier;
    private final String currency;
    private final int pricePrecision;
    private final String quantityUnit;
    /** 1 / tick when that is a whole number (exact division back to a price), else 0. */
    private final double ticksPerUnit;

    private Instrument(final String symbol, final double tickSize, final long lotSize, final double multiplier,
                       final String currency, final int pricePrecision, final String quantityUnit) {
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.currency = Objects.requireNonNull(currency, "currency");
        this.quantityUnit = Objects.requireNonNull(quantityUnit, "quantity unit");
        if (!(tickSize > 0) || Double.isInfinite(tickSize)) {
            throw new IllegalArgumentException("instrument " + symbol + ": tick size must be a positive number, found "
                    + tickSize);
        }
        if (lotSize < 1) {
            throw new IllegalArgumentException("instrument " + symbol + ": lot size must be at least 1, found "
                    + lotSize);
        }
        if (!(multiplier > 0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("instrument " + symbol + ": contract multiplier must be a positive"
                    + " number, found " + multiplier);
        }
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("instrument " + symbol + ": currency must be an ISO 4217 code such as"
                    + " USD, found '" + currency + "'");
        }
        if (pricePrecision < 0 || pricePrecision > 12) {
            throw new IllegalArgumentException("instrument " + symbol + ": price precision must be 0..12 decimals,"
                    + " found " + pricePrecision);
        }
        if (quantityUnit.isBlank() || quantityUnit.indexOf('/') >= 0) {
            throw new IllegalArgumentException("instrument " + symbol + ": quantity unit must be a word such as"
                    + " shares, found '" + quantityUnit + "'");
        }
        if (symbol.indexOf('/') >= 0 || symbol.indexOf(';') >= 0 || symbol.indexOf('=') >= 0) {
            throw new IllegalArgumentException("instrument symbol must not contain '/', ';' or '=', found '" + symbol
                    + "'");
        }
        final double inverse = 1.0 / tickSize;
        final double whole = Math.rint(inverse);
        this.ticksPerUnit = Math.abs(inverse - whole) <= TICK_TOLERANCE * whole && whole >= 1 ? whole : 0;
        if (!fitsDecimals(tickSize, pricePrecision)) {
            throw new IllegalArgumentException("instrument " + symbol + ": tick " + tickSize + " needs more than "
                    + pricePrecision + " decimals");
        }
        this.tickSize = tickSize;
        this.lotSize = lotSize;
        this.multiplier = multiplier;
        this.pricePrecision = pricePrecision;
    }

    /** A cash equity: one share per unit of quantity, multiplier 1. */
    public static Instrument equity(final String symbol, final double tickSize, final long lotSize,
                                    final String currency) {
        return new Instrument(symbol, tickSize, lotSize, 1.0, currency, decimalsOf(tickSize), "shares");
    }

    /** A future: quantities in contracts, one contract worth {@code multiplier} currency units per point. */
    public static Instrument future(final String symbol, final double tickSize, final double multiplier,
                                    final String currency) {
        return new Instrument(symbol, tickSize, 1, multiplier, currency, decimalsOf(tickSize), "contracts");
    }

    /**
     * The engine's instrument for a symbol it was given no reference data for: a US equity quoted in cents and
     * sliced in round lots of 100 shares (the engine's sizing before instruments existed).
     */
    public static Instrument usEquity(final String symbol) {
        return equity(symbol, 0.01, 100, "USD");
    }

    /** Decimals needed to write {@code tick}: 2 for 0.01, 5 for 0.00005, 0 for 5. */
    static int decimalsOf(final double tick) {
        for (int d = 0; d <= 12; d++) {
            if (fitsDecimals(tick, d)) {
                return d;
            }
        }
        throw new IllegalArgumentException("tick " + tick + " needs more than 12 decimals");
    }

    /** True when {@code tick} is written exactly with {@code decimals} decimals (within the tolerance). */
    private static boolean fitsDecimals(final double tick, final int decimals) {
        final double scaled = tick * Math.pow(10, decimals);
        return Math.abs(scaled - Math.rint(scaled)) <= TICK_TOLERANCE * Math.max(1, scaled);
    }

    /**
     * Parses {@link #spec()}: {@code SYMBOL/TICK/LOT/MULTIPLIER/CURRENCY/PRECISION/UNIT}. The error names the part
     * that is wrong.
     */
    public static Instrument parse(final String spec) {
        final String[] p = spec.split("/", -1);
        if (p.length != 7) {
            throw new IllegalArgumentException("instrument '" + spec
                    + "': expected SYMBOL/TICK/LOT/MULTIPLIER/CURRENCY/PRECISION/UNIT, e.g. 6EH4/0.00005/1/125000/USD/5/contracts");
        }
        try {
            return new Instrument(p[0], Double.parseDouble(p[1]), Long.parseLong(p[2]), Double.parseDouble(p[3]),
                    p[4], Integer.parseInt(p[5]), p[6]);
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("instrument '" + spec + "': tick, lot, multiplier and precision must be"
                    + " numbers");
        }
    }

    /** The text {@link #parse} reads back: how the journal records the instrument. */
    public String spec() {
        return symbol + "/" + tickSize + "/" + lotSize + "/" + multiplier + "/" + currency + "/" + pricePrecision
                + "/" + quantityUnit;
    }

    // ------------------------------------------------------------------ ticks

    /** The double nearest to {@code ticks} whole ticks. */
    public double price(final long ticks) {
        return ticksPerUnit > 0 ? ticks / ticksPerUnit : ticks * tickSize;
    }

    /** Ticks in {@code price}, rounded to the nearest (ties away from zero). */
    private long nearestTicks(final double price) {
        return Math.round(price / tickSize);
    }

    /** True when {@code price} is a whole number of ticks, as {@link #price(long)} writes it. */
    public boolean onTick(final double price) {
        return Double.isFinite(price) && price(nearestTicks(price)) == price;
    }

    /** The highest price on tick at or below {@code price} (a buy's passive limit). */
    public double roundDown(final double price) {
        return price((long) Math.floor(snapped(price)));
    }

    /** The lowest price on tick at or above {@code price} (a buy's marketable limit, a sell's passive one). */
    public double roundUp(final double price) {
        return price((long) Math.ceil(snapped(price)));
    }

    /**
     * {@code price} in ticks, moved onto the nearest whole tick when it is within the tolerance of one. Multiplies by
     * the ticks per unit where that is a whole number (a multiplication is several times cheaper than a division on
     * the decision path; the tolerance absorbs its last-bit difference), else divides by the tick.
     */
    private double snapped(final double price) {
        final double ticks = ticksPerUnit > 0 ? price * ticksPerUnit : price / tickSize;
        final double whole = Math.rint(ticks);
        return Math.abs(ticks - whole) <= TICK_TOLERANCE * Math.max(1.0, Math.abs(whole)) ? whole : ticks;
    }

    /** Value of {@code quantity} units at {@code price}, in {@link #currency()}: quantity x price x multiplier. */
    public double notional(final long quantity, final double price) {
        return quantity * price * multiplier;
    }

    // ------------------------------------------------------------------ fields

    public String symbol() { return symbol; }
    public double tickSize() { return tickSize; }
    public long lotSize() { return lotSize; }
    public double multiplier() { return multiplier; }
    public String currency() { return currency; }
    public int pricePrecision() { return pricePrecision; }
    /** What one unit of quantity is called: "shares", "contracts". */
    public String quantityUnit() { return quantityUnit; }

    @Override
    public boolean equals(final Object o) {
        return o instanceof Instrument i && i.spec().equals(spec());
    }

    @Override
    public int hashCode() {
        return spec().hashCode();
    }

    @Override
    public String toString() {
        return spec();
    }
}
