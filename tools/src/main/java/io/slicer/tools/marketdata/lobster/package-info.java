/**
 * LOBSTER limit-order-book files (lobsterdata.com): {@link io.slicer.tools.marketdata.lobster.LobsterDays} finds
 * days under a data root, {@link io.slicer.tools.marketdata.lobster.LobsterReader} streams and validates a
 * message/orderbook pair row by row (or replays it as ticks into a
 * {@link io.slicer.tools.marketdata.lobster.TickListener}), and
 * {@link io.slicer.tools.marketdata.lobster.LobsterBars} aggregates a day into equal bars. The file layout is in
 * {@link io.slicer.tools.marketdata.lobster.LobsterFormat}.
 */
package io.slicer.tools.marketdata.lobster;
