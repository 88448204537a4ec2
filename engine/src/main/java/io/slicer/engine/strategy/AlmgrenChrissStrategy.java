package io.slicer.engine.strategy;

/**
 * Follows the Almgren-Chriss optimal trajectory for risk aversion lambda ({@link AlmgrenChriss#integerTrades}):
 * front-loaded for lambda &gt; 0, exact TWAP for lambda = 0.
 */
public final class AlmgrenChrissStrategy extends ScheduleStrategy {
    private final AlmgrenChriss model;
    private final String name;

    /** The trajectory of {@code model}, named for the risk aversion it was asked for (per unit of currency). */
    public AlmgrenChrissStrategy(final AlmgrenChriss model, final double riskAversion) {
        super(model.slices());
        this.model = model;
        this.name = "ac:" + riskAversion;
    }

    public AlmgrenChriss model() {
        return model;
    }

    @Override
    protected void plan(final long quantity, final int slices, final long[] out) {
        final AlmgrenChriss m = quantity == model.quantity() && slices == model.slices()
                ? model
                : model.withOrder(quantity, slices);
        m.integerTrades(out);
    }

    @Override
    public String name() {
        return name;
    }
}
