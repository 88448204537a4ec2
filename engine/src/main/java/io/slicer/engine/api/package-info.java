/**
 * What an OMS embeds: {@link SlicerEngine}, one Disruptor ring of preallocated events and one consumer thread running a
 * {@link io.slicer.engine.core.SlicerCore}, built with the strategies and models it runs and the
 * {@link io.slicer.engine.port.ChildOrderSink} children leave through; and {@link NewOrder}, a parent order as the OMS
 * hands it over; {@link ControlAck}, the answer to a halt, pause or resume, complete once the control is processed (and
 * journaled and forced first, when the engine journals); {@link LatencySamples}, the consumer's time per TIMER event
 * for monitors. Publishing market data and venue reports never allocates; the threading contract is on
 * {@code SlicerEngine}.
 * <p>The engine's top layer: depends on core and the packages below it, and on {@link io.slicer.policy} for models. No
 * engine package depends on it; the journal's {@code RingJournal}, the tools' simulated days and the benchmarks do.
 */
package io.slicer.engine.api;
