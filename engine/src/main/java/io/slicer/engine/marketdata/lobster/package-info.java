/**
 * LOBSTER limit-order-book files (lobsterdata.com): {@link io.slicer.engine.marketdata.lobster.LobsterDays} finds
 * days under a data root, {@link io.slicer.engine.marketdata.lobster.LobsterReader} streams and validates a
 * message/orderbook pair row by row (or replays it as ticks into a
 * {@link io.slicer.engine.marketdata.lobster.TickListener}), and
 * {@link io.slicer.engine.marketdata.lobster.LobsterBars} aggregates a day into equal bars. The file layout is in
 * {@link io.slicer.engine.marketdata.lobster.LobsterFormat}.
 */
package io.slicer.engine.marketdata.lobster;
