package io.slicer.engine.order;

import io.slicer.policy.model.ModelFormatException;

import java.util.List;

/**
 * The one definition of the book features a learned tactic chooser ({@link TacticChooser}) sees for a slice's child:
 * the catalogue, and a model's selection from it. The trainer, the evaluation harness and anything that runs a
 * chooser build its input through this class, from the same primitive book readings, so they cannot disagree on a
 * feature.
 * <ul>
 *   <li>{@code spread_ticks}: ask - bid in whole ticks (1 on a liquid day).</li>
 *   <li>{@code l1_imbalance}: (near size - far size) / (near size + far size), our side near: for a buy, more bid
 *       than ask is positive (the price tends to move away from a resting buy); 0 with nothing displayed.</li>
 *   <li>{@code queue_ratio}: ln(1 + displayed size at our near touch / the child's shares): the queue a
 *       {@code join} would stand behind, against what it has to fill.</li>
 *   <li>{@code slice_time_left}: the fraction of the slice still ahead when the child is sent (1 at its start).</li>
 *   <li>{@code inventory_remaining}: the parent's shares left / its quantity, before this child.</li>
 *   <li>{@code trade_flow}: (others' executed volume in our direction - against it) / their sum over the
 *       {@link #FLOW_WINDOW_NANOS} before the decision, signed by our side (a buy sees buyer-initiated trades as
 *       positive: flow that lifts the offer is flow that will not hit our bid); 0 when nothing traded.</li>
 * </ul>
 * A model card names its inputs from {@link #CATALOGUE} under {@link #SCHEMA_ID}; {@link #of} compiles them once and
 * refuses a name the catalogue lacks. Immutable and thread-safe; {@link #compute} is allocation-free.
 */
public final class TacticFeatures {
    /** Bump when a feature's meaning changes: a chooser trained on another version must not load. */
    public static final String SCHEMA_ID = "slicer.tactic.v1";

    /** The look-back of {@code trade_flow}: the last 30 seconds of trades. */
    public static final long FLOW_WINDOW_NANOS = 30_000_000_000L;

    /** Every tactic feature, as written in model cards; the index is the feature's code. */
    public static final List<String> CATALOGUE = List.of(
            "spread_ticks",
            "l1_imbalance",
            "queue_ratio",
            "slice_time_left",
            "inventory_remaining",
            "trade_flow");

    /** The whole catalogue as a selection: what the trainer writes. */
    public static final TacticFeatures ALL = of(CATALOGUE);

    private static final int SPREAD_TICKS = 0;
    private static final int L1_IMBALANCE = 1;
    private static final int QUEUE_RATIO = 2;
    private static final int SLICE_TIME_LEFT = 3;
    private static final int INVENTORY_REMAINING = 4;
    private static final int TRADE_FLOW = 5;

    private final List<String> names;
    private final int[] codes;

    private TacticFeatures(final List<String> names, final int[] codes) {
        this.names = List.copyOf(names);
        this.codes = codes;
    }

    /**
     * The selection a model card names, compiled once.
     *
     * @throws ModelFormatException naming the first feature the catalogue lacks, with the catalogue
     */
    public static TacticFeatures of(final List<String> names) {
        final int[] codes = new int[names.size()];
        for (int i = 0; i < codes.length; i++) {
            final int code = CATALOGUE.indexOf(names.get(i));
            if (code < 0) {
                throw new ModelFormatException("tactic feature " + i + " '" + names.get(i)
                        + "' is not one the engine computes, expected names from " + CATALOGUE);
            }
            codes[i] = code;
        }
        return new TacticFeatures(names, codes);
    }

    /**
     * Writes the selected features for a child on side {@code sign} (+1 buy, -1 sell) of {@code childShares}, sent
     * on a book of {@code bidTicks}/{@code askTicks} (whole ticks) with {@code bidSize}/{@code askSize} displayed,
     * {@code sliceTimeLeft} of its slice ahead, {@code inventoryRemaining} of the parent left, and
     * {@code buyVolume}/{@code sellVolume} traded by buyer- and seller-initiated executions in the flow window.
     */
    public void compute(final int sign, final long bidTicks, final long askTicks, final long bidSize,
                        final long askSize, final long childShares, final double sliceTimeLeft,
                        final double inventoryRemaining, final long buyVolume, final long sellVolume,
                        final float[] out) {
        for (int i = 0; i < codes.length; i++) {
            out[i] = (float) value(codes[i], sign, bidTicks, askTicks, bidSize, askSize, childShares, sliceTimeLeft,
                    inventoryRemaining, buyVolume, sellVolume);
        }
    }

    private static double value(final int code, final int sign, final long bidTicks, final long askTicks,
                                final long bidSize, final long askSize, final long childShares,
                                final double sliceTimeLeft, final double inventoryRemaining, final long buyVolume,
                                final long sellVolume) {
        final long near = sign > 0 ? bidSize : askSize;
        final long far = sign > 0 ? askSize : bidSize;
        return switch (code) {
            case SPREAD_TICKS -> askTicks - bidTicks;
            case L1_IMBALANCE -> near + far > 0 ? (double) (near - far) / (near + far) : 0.0;
            case QUEUE_RATIO -> Math.log1p((double) near / Math.max(1, childShares));
            case SLICE_TIME_LEFT -> sliceTimeLeft;
            case INVENTORY_REMAINING -> inventoryRemaining;
            case TRADE_FLOW -> buyVolume + sellVolume > 0
                    ? sign * (double) (buyVolume - sellVolume) / (buyVolume + sellVolume) : 0.0;
            default -> throw new IllegalStateException("tactic feature code " + code);
        };
    }

    public List<String> names() {
        return names;
    }

    public int width() {
        return codes.length;
    }
}
