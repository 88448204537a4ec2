/**
 * Fills of resting child orders against a real queue: {@link QueuePosition} is one passive order's place in a
 * LOBSTER day's queue at its price, moved by the day's own messages under the rules written on it, with
 * {@link CancelAttribution} deciding how cancellations at our price split between the queue ahead and behind;
 * {@link QueueReplay} works one slice's child with a {@link io.slicer.engine.order.ChildTactic} over the day's
 * {@link io.slicer.tools.marketdata.lobster.LobsterTape} and reports its {@link PassiveFills}.
 * <p>Depends on the LOBSTER tape and the engine's order types. Used by {@link io.slicer.tools.sim.historical}.
 */
package io.slicer.tools.sim.queue;
