/**
 * The engine's single-threaded, deterministic state machine, {@link SlicerCore}, configured by {@link EngineConfig}.
 * Its package-private parts, built once into a {@link CoreContext}: {@link MarketState}, {@link OrderCommands},
 * {@link VenueReports} and {@link SliceTimer} apply the inputs; {@link DecisionPipeline} runs a slice decision through
 * {@link PolicyCall}, {@link ChildSizing} and {@link PreTradeChecks}; {@link KillSwitch} is the one owner of every
 * scope's trading state, {@link OrderLifecycle} the one that ends an order, and {@link Outbox} the one place outputs
 * leave, keeping the running {@link EngineCounters} a monitor reads from another thread. No clock, no random source;
 * allocation-free after construction except for accepting a new order.
 * <p>Depends on every engine package below it: market, decision, risk, order, event, strategy and port. Within the
 * engine only {@link io.slicer.engine.api} depends on it; outside, the journal replays a {@code SlicerCore} directly.
 */
package io.slicer.engine.core;
