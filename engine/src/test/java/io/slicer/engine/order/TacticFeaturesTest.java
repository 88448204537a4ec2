package io.slicer.engine.order;

import io.slicer.policy.model.ModelFormatException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tactic chooser's features on a hand-made book, for both sides, and a card naming one it lacks. */
class TacticFeaturesTest {
    @Test
    void aBuyAndASellReadTheSameHandMadeBookFromTheirOwnSide() {
        // Book 100 x 103 ticks, 300 shares bid and 100 offered; a 100-share child with 60% of the parent left; in
        // the last 30 s buyers lifted 700 shares and sellers hit 300.
        final float[] out = new float[TacticFeatures.ALL.width()];
        TacticFeatures.ALL.compute(1, 100, 103, 300, 100, 100, 1.0, 0.6, 700, 300, out);
        assertEquals(3.0, out[0], 0.0);                          // spread_ticks
        assertEquals(0.5, out[1], 1e-6);                         // (300 - 100) / 400, our bid side near
        assertEquals(Math.log(4.0), out[2], 1e-6);               // ln(1 + 300 / 100)
        assertEquals(1.0, out[3], 0.0);                          // slice_time_left
        assertEquals(0.6, out[4], 1e-6);                         // inventory_remaining
        assertEquals(0.4, out[5], 1e-6);                         // (700 - 300) / 1000, flow our way
        TacticFeatures.ALL.compute(-1, 100, 103, 300, 100, 100, 0.5, 0.6, 700, 300, out);
        assertEquals(3.0, out[0], 0.0);
        assertEquals(-0.5, out[1], 1e-6);                        // the ask is a seller's near touch
        assertEquals(Math.log(2.0), out[2], 1e-6);               // ln(1 + 100 / 100)
        assertEquals(0.5, out[3], 0.0);
        assertEquals(-0.4, out[5], 1e-6);                        // buyers lifting is flow against a seller
    }

    @Test
    void anEmptyBookAndNoTradesGiveZerosNotNaN() {
        final float[] out = new float[TacticFeatures.ALL.width()];
        TacticFeatures.ALL.compute(1, 100, 101, 0, 0, 50, 1.0, 1.0, 0, 0, out);
        assertEquals(0.0, out[1], 0.0);
        assertEquals(0.0, out[2], 0.0);
        assertEquals(0.0, out[5], 0.0);
    }

    @Test
    void aSelectionComputesOnlyWhatItNamesInItsOwnOrder() {
        final TacticFeatures f = TacticFeatures.of(List.of("trade_flow", "spread_ticks"));
        final float[] out = new float[2];
        f.compute(1, 100, 102, 10, 10, 10, 1.0, 1.0, 0, 100, out);
        assertEquals(-1.0, out[0], 0.0);
        assertEquals(2.0, out[1], 0.0);
    }

    @Test
    void aFeatureTheEngineDoesNotComputeIsRefusedWithTheCatalogue() {
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> TacticFeatures.of(List.of("spread_ticks", "microprice")));
        assertTrue(e.getMessage().contains("tactic feature 1 'microprice' is not one the engine computes"),
                e.getMessage());
        assertTrue(e.getMessage().contains("queue_ratio"), e.getMessage());
    }
}
