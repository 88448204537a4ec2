/**
 * LOBSTER limit-order-book files (lobsterdata.com): {@link LobsterDays} finds days under a data root,
 * {@link LobsterReader} streams and validates a message/orderbook pair row by row (or replays it as ticks into a
 * {@link TickListener}), allocation-free per row, and {@link LobsterBars} aggregates a day into a
 * {@link io.slicer.tools.marketdata.BarSeries}. The file layout is in {@link LobsterFormat}; a malformed row ends in a
 * {@link LobsterFormatException} naming file and line, a well-formed but implausible one is passed on to the
 * market-data check (the engine's, live; {@link io.slicer.tools.marketdata.PlausibilityFilter} in {@link LobsterBars}).
 * <p>Depends on {@link io.slicer.tools.marketdata} only. Used by {@link io.slicer.tools.sim} and
 * {@link io.slicer.tools.sim.historical}, {@link io.slicer.tools.day} and {@link io.slicer.tools.cli}; the live engine
 * and the journal never read market-data files.
 */
package io.slicer.tools.marketdata.lobster;
