package io.slicer.engine.order;

/**
 * How a slice's child works the book, written after a strategy spec as {@code SPEC/TACTIC} ({@code twap/join},
 * {@code vwap/step}); a spec without one crosses. The schedule decides how much a slice trades, the tactic where its
 * child rests:
 * <ul>
 *   <li>{@code cross}: a marketable limit through the far touch (what every child did before tactics).</li>
 *   <li>{@code join}: a limit at the near touch (a buy at the bid), behind the size displayed there.</li>
 *   <li>{@code step}: one tick inside the spread when it is wider than one tick (a buy at bid + 1 tick), else
 *       {@code join}; a new price level, so nobody displayed is ahead of it.</li>
 *   <li>{@code peg}: {@code join}, repriced whenever the near touch moves (a cancel and a new order: the queue is
 *       lost).</li>
 *   <li>{@code peg:mid}: at the mid rounded away from the far touch (a buy rounds down), repriced when that moves;
 *       the bid itself when the spread is one tick.</li>
 * </ul>
 * Every passive tactic crosses what is unfilled at the slice's deadline, {@link #DEADLINE_FRACTION} of the way
 * through the slice: the cancel goes first, the marketable child for the rest once the venue has confirmed it, so
 * the child never works more than the slice and the cross lands inside the slice that owns it. Prices are whole
 * ticks ({@link #passiveTicks}), never at or through the far touch.
 *
 * <p>Stateless; {@link #passiveTicks} is allocation-free. The simulators and the live engine price with this one
 * function.
 */
public enum ChildTactic {
    CROSS("cross"),
    JOIN("join"),
    STEP("step"),
    PEG("peg"),
    PEG_MID("peg:mid");

    /**
     * How far through its slice a passive child rests before what is unfilled is cancelled and crossed: the last
     * tenth of the slice is left for the cross.
     */
    public static final double DEADLINE_FRACTION = 0.9;

    private final String spec;

    ChildTactic(final String spec) {
        this.spec = spec;
    }

    /** As written after the {@code /}. */
    public String spec() {
        return spec;
    }

    /** The child rests in the book (every tactic but {@code cross}). */
    public boolean passive() {
        return this != CROSS;
    }

    /** The child is cancelled and sent again when its price would change ({@code peg}, {@code peg:mid}). */
    public boolean reprices() {
        return this == PEG || this == PEG_MID;
    }

    /**
     * The passive limit in whole ticks for a buy ({@code sign} +1) or a sell (-1), from the touch in whole ticks;
     * {@link Long#MIN_VALUE} for {@code cross}, or when the book is crossed or locked (no passive price exists).
     */
    public long passiveTicks(final int sign, final long bidTicks, final long askTicks) {
        if (this == CROSS || askTicks <= bidTicks) {
            return Long.MIN_VALUE;
        }
        final long near = sign > 0 ? bidTicks : askTicks;
        final long spread = askTicks - bidTicks;
        return switch (this) {
            case JOIN, PEG -> near;
            case STEP -> spread > 1 ? near + sign : near;
            // floor((bid + ask) / 2) for a buy, ceil for a sell: the mid itself when it is on tick
            case PEG_MID -> sign > 0 ? bidTicks + spread / 2 : askTicks - spread / 2;
            default -> Long.MIN_VALUE;
        };
    }

    /** The tactic written {@code text}; an unknown one is an error that lists the tactics. */
    public static ChildTactic parse(final String text) {
        for (final ChildTactic t : values()) {
            if (t.spec.equals(text)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tactic '" + text + "', expected one of " + names());
    }

    /** True when {@code text} names a tactic. */
    public static boolean isTactic(final String text) {
        for (final ChildTactic t : values()) {
            if (t.spec.equals(text)) {
                return true;
            }
        }
        return false;
    }

    /** The tactics as written, for messages and help. */
    public static String names() {
        final StringBuilder b = new StringBuilder();
        for (final ChildTactic t : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(t.spec);
        }
        return b.toString();
    }
}
