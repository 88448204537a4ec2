package io.slicer.tools.sim.historical;

/**
 * How a historical replay charges our temporary impact for a slice of {@code n} shares in bar {@code k}.
 * Both use the same calibrated {@code eta} ({@link ImpactCalibration}: Almgren et al.'s 3/5 law as a chord at the
 * reference participation of an average bar), so on a bar of average volume they charge the same.
 */
public enum HistoricalImpact {
    /**
     * {@code eta * n / tau}: linear in our trading rate, whatever the bar traded (the Almgren-Chriss model). Volume
     * then changes no cost, so following it (VWAP, a learned policy) cannot pay.
     */
    RATE,
    /**
     * {@code eta * n / tau * meanBarVolume / max(V_k, meanBarVolume / 10)}: linear in our share of the bar's real
     * volume {@code V_k}, the variable Almgren et al. fit. Trading into a busy bar is cheaper, into a quiet one dearer;
     * the floor charges a nearly empty bar as if it had traded a tenth of an average bar instead of without bound.
     */
    PARTICIPATION;

    /** A bar this far below the average volume is charged as if it were this busy. */
    public static final double VOLUME_FLOOR = 0.1;

    /** Factor on {@code eta * n / tau} for a bar that traded {@code barVolume} when bars average {@code meanBar}. */
    public double scale(final double barVolume, final double meanBar) {
        return this == RATE ? 1.0 : meanBar / Math.max(barVolume, VOLUME_FLOOR * meanBar);
    }
}
