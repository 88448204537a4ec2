/**
 * A runnable example of an OMS embedding the engine: {@link FakeOmsExample} hands a
 * {@link io.slicer.engine.api.SlicerEngine} one parent order and streams a day of a {@link SimulatedMarket} into it,
 * while a {@link SimulatedVenue} fills the children on the simulator's impact model, answering from the OMS thread and
 * never from the engine's callbacks. Test sources, not shipped.
 * <p>Depends on the engine's api and port (what an OMS sees), its order, risk, market and strategy types, the engine's
 * test support ({@link io.slicer.engine.testing.DemoModels}) and the simulator's market parameters. A test of
 * {@code io.slicer.tools.day} runs the example through the ring with a journal.
 */
package io.slicer.tools.example;
