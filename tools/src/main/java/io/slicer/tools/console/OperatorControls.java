package io.slicer.tools.console;

import io.slicer.engine.api.ControlAck;
import io.slicer.engine.api.SlicerEngine;
import io.slicer.engine.risk.ControlReason;
import io.slicer.engine.risk.HaltScope;
import io.slicer.engine.risk.OperatorRole;

import java.util.function.LongSupplier;

/**
 * Where the console's Halt, Pause and Resume enter the engine. By default straight into the engine, stamped with the
 * console's event time ({@link #direct}); an embedding that stamps all its inputs itself under one lock (the FIX
 * gateway's ingress) passes its own, so an operator's control is ordered with its other inputs and never carries a
 * timestamp older than one already published.
 */
@FunctionalInterface
public interface OperatorControls {
    /** The operator's actions, as the console's API names them. */
    enum Action { HALT, PAUSE, RESUME }

    /** Publishes the control; the answer completes once it is processed (and journaled and forced, with a journal). */
    ControlAck apply(Action action, HaltScope scope, long id, OperatorRole role, ControlReason reason);

    /** Into {@code engine}, stamped by {@code eventTime}. */
    static OperatorControls direct(final SlicerEngine engine, final LongSupplier eventTime) {
        return (action, scope, id, role, reason) -> {
            final long t = eventTime.getAsLong();
            return switch (action) {
                case HALT -> engine.halt(t, scope, id, role, reason);
                case PAUSE -> engine.pause(t, scope, id, role, reason);
                case RESUME -> engine.resume(t, scope, id, role, reason);
            };
        };
    }
}
