/**
 * CME futures minute bars: {@link CmeMinuteBars} finds and reads a gzipped file of 1-minute trade bars (bar END time in
 * UTC, minutes without trades absent), validated line by line by {@link CmeBarParser} and rejected with a
 * {@link CmeFormatException} naming file and line (a well-formed bar beyond the price band is left out and counted
 * by {@link io.slicer.tools.marketdata.PlausibilityFilter}); {@link CmeSessions} cuts it into Globex sessions and
 * aggregates those into a {@link io.slicer.tools.marketdata.BarSeries} of decision bars.
 * <p>Depends on {@link io.slicer.tools.marketdata} only. Used by {@link io.slicer.tools.sim.historical} ({@code cme:}
 * scenarios); the live engine and the journal never read market-data files.
 */
package io.slicer.tools.marketdata.cme;
