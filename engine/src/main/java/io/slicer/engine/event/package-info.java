/**
 * The engine's input: {@link EngineEvent}, one preallocated, mutable slot of the ring whose {@link EventType} says
 * which fields it carries (market data, OMS commands, kill-switch commands, venue reports, timers), and the
 * {@link InputAnomaly} codes for inputs the core could not apply as given, with {@link MarketDataCheck}, the one
 * definition of plausible market data (the historical scenarios in the tools apply it too). All time comes from the
 * events: the engine reads no clock. Writing and reading a slot allocates nothing.
 * <p>Depends on {@link io.slicer.engine.market} and {@link io.slicer.engine.risk} (a halt's scope). Used by port, core
 * and api, and by the journal, which writes each event type as its own message and rebuilds it.
 */
package io.slicer.engine.event;
