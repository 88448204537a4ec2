/**
 * Historical market data, read offline for replay and calibration; never by the live engine or the journal.
 * {@link BarSeries} holds one instrument's bars on a time grid whatever the source; the file readers live in
 * {@link io.slicer.tools.marketdata.lobster} and {@link io.slicer.tools.marketdata.cme}. {@link PlausibilityFilter}
 * applies the engine's market-data check while bars are built.
 * <p>Depends on the engine's {@code MarketDataCheck} and the JDK. Used by the two readers, which aggregate into it,
 * and by {@link io.slicer.tools.sim.historical}.
 */
package io.slicer.tools.marketdata;
