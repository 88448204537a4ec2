package io.slicer.engine.core;

import io.slicer.engine.event.EngineEvent;
import io.slicer.engine.order.OrderStatus;
import io.slicer.engine.risk.HaltReason;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.slicer.engine.core.CoreFixture.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The venue refuses or takes back children: a reject or an unsolicited cancel gives the unfilled shares back to the
 * order, which re-slices them; three rejects in a row, with no acknowledgement or fill between, halt the order.
 */
class VenueRejectsTest {
    private static void reject(final CoreFixture f, final long t, final RecordingSink.Child c) {
        f.core.onEvent(new EngineEvent().childReject(t, c.parentId(), c.childId()));
    }

    @Test
    void aRejectedChildsSharesAreReslicedInTheNextSlice() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10);
        reject(f, 11 * SECOND, f.sink.children.get(0));
        assertEquals(0, f.progress(7).inFlight());
        f.tick(20);
        // Equal slices of what remains: 100,000 over the 9 slices left, 11,112, in whole 100-share lots.
        assertEquals(11_100, f.sink.children.get(1).quantity());
        assertEquals(OrderStatus.OPEN, f.progress(7).status());
    }

    @Test
    void anUnsolicitedCancelAfterAPartialFillReslicesTheRest() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10);
        final RecordingSink.Child c = f.sink.children.get(0);
        f.core.onEvent(new EngineEvent().childAck(11 * SECOND, 7, c.childId()));
        f.fill(11 * SECOND, c, 4_000, 100.01);
        f.core.onEvent(new EngineEvent().childCancelled(12 * SECOND, 7, c.childId(), 4_000));
        assertEquals(4_000, f.progress(7).filled());
        assertEquals(0, f.progress(7).inFlight());
        f.tick(20);
        assertEquals(10_600, f.sink.children.get(1).quantity(), "96,000 over the 9 slices left, in 100-share lots");
        assertEquals(List.of(), f.journal.halts);
    }

    @Test
    void threeRejectsInARowHaltTheOrderAndAnAcknowledgementBetweenResetsTheCount() {
        final CoreFixture f = new CoreFixture(b -> { }).quote(0, 99.99, 100.01).order(7, 100_000, 10);
        f.tick(10);
        reject(f, 11 * SECOND, f.sink.children.get(0));
        f.tick(20);
        reject(f, 21 * SECOND, f.sink.children.get(1));
        f.tick(30);
        final RecordingSink.Child acked = f.sink.children.get(2);
        f.core.onEvent(new EngineEvent().childAck(31 * SECOND, 7, acked.childId()));
        f.core.onEvent(new EngineEvent().childCancelled(32 * SECOND, 7, acked.childId(), 0));
        for (int i = 0; i < 2; i++) {
            f.tick(40 + 10L * i);
            reject(f, (41 + 10L * i) * SECOND, f.sink.children.get(3 + i));
        }
        assertEquals(OrderStatus.OPEN, f.progress(7).status(), "two rejects since the acknowledgement");
        f.tick(60);
        reject(f, 61 * SECOND, f.sink.children.get(5));
        assertEquals(OrderStatus.HALTED, f.progress(7).status());
        assertEquals(HaltReason.VENUE_REJECTS, f.progress(7).haltReason());
        assertEquals(List.of(HaltReason.VENUE_REJECTS), f.journal.halts);
        f.tick(70);
        assertEquals(6, f.sink.children.size(), "nothing sent after the halt");
    }
}
