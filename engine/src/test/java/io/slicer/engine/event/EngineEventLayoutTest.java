package io.slicer.engine.event;

import io.slicer.engine.market.Side;
import io.slicer.engine.risk.HaltScope;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Ring events are written for every input and live as long as the engine: a reference field in one would put G1's
 * post-write barrier (a StoreLoad fence on its slow path) on every publish. The enums are held as ordinals.
 */
class EngineEventLayoutTest {

    @Test
    void anEventHasOnlyPrimitiveFieldsSoWritingOneNeedsNoGcBarrier() {
        final List<String> references = Arrays.stream(EngineEvent.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .filter(f -> !f.getType().isPrimitive())
                .map(Field::getName)
                .toList();
        assertEquals(List.of(), references);
    }

    @Test
    void enumsHeldAsOrdinalsReadBackAsTheEnumsWritten() {
        final EngineEvent e = new EngineEvent();
        for (final Side side : Side.values()) {
            e.newOrder(1, 2, 0, side, 100, 0, 10, 5, 0, Double.NaN, Double.NaN, Double.NaN, 0.01, 1_000);
            assertEquals(EventType.NEW_ORDER, e.type());
            assertEquals(side, e.side());
        }
        for (final HaltScope scope : HaltScope.values()) {
            e.control(EventType.PAUSE, 3, scope, 7);
            assertEquals(EventType.PAUSE, e.type());
            assertEquals(scope, e.scope());
        }
        e.quote(4, 0, 99.99, 100.01, 5, 5);
        assertEquals(EventType.QUOTE, e.type());
        assertEquals(Side.BUY, e.side());
        assertEquals(HaltScope.ORDER, e.scope());
    }

    @Test
    void aMissingSideOrScopeReadsBackAsMissingForTheCoreToRefuse() {
        final EngineEvent e = new EngineEvent();
        e.newOrder(1, 2, 0, null, 100, 0, 10, 5, 0, Double.NaN, Double.NaN, Double.NaN, 0.01, 1_000);
        assertNull(e.side());
        e.control(EventType.HALT, 3, null, 7);
        assertNull(e.scope());
    }
}
