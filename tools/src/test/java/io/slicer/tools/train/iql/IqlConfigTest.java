package io.slicer.tools.train.iql;

import io.slicer.engine.decision.ActionMapping;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The presets' numbers are what docs/results/training.md measured: a changed one retrains a different policy. */
class IqlConfigTest {
    @Test
    void demoPresetExtractsSharplyFromANoisierLargerDataset() {
        final IqlConfig c = IqlConfig.demo().build();
        assertEquals(ActionMapping.Unit.TWAP_MULTIPLE, c.unit());
        assertEquals(0.0, c.low());
        assertEquals(3.0, c.high());
        assertEquals(40_000, c.steps());
        assertEquals(4_000, c.datasetEpisodes());
        assertEquals(50, c.validationEpisodes());
        assertEquals(0.95, c.expectile());
        assertEquals(20.0, c.beta());
        assertEquals(0.8, c.behaviourNoise());
        assertEquals(500, c.bcSteps());
        assertEquals(800, c.dualEvery());
        assertEquals(1_600, c.validationEvery());
        assertFalse(c.constrained());
    }

    @Test
    void participationPresetStartsFromThePapersTauAndBeta() {
        final IqlConfig c = IqlConfig.participation(0.2).participationCap(0.1).build();
        assertEquals(ActionMapping.Unit.PARTICIPATION, c.unit());
        assertEquals(0.0, c.low());
        assertEquals(0.2, c.high());
        assertEquals(100_000, c.steps());
        assertEquals(0.7, c.expectile());
        assertEquals(3.0, c.beta());
        assertEquals(2_000, c.datasetEpisodes());
        assertEquals(50, c.validationEpisodes());
        assertEquals(0.3, c.behaviourNoise());
        assertEquals(0.1, c.participationCap());
        assertTrue(c.constrained());
        assertArrayEquals(new int[] {32, 32}, c.hidden());
        assertEquals(64, c.batch());
        assertEquals(1e-3, c.learningRate());
        assertEquals(1.0, c.gamma());
        assertEquals(100.0, c.weightClip());
        assertEquals(0.005, c.polyak());
        assertEquals(10.0, c.gradClip());
        assertEquals(0.5, c.dualStep());
        assertEquals(100.0, c.lambdaMax());
    }

    @Test
    void warmStartIsATenthOfAShortRunAndAtMostFiveHundredSteps() {
        final IqlConfig short300 = IqlConfig.twapMultiple().steps(300).build();
        assertEquals(30, short300.bcSteps());
        assertEquals(6, short300.dualEvery());
        assertEquals(12, short300.validationEvery());
        assertEquals(500, IqlConfig.twapMultiple().build().bcSteps());
        final IqlConfig tiny = IqlConfig.twapMultiple().steps(5).build();
        assertEquals(1, tiny.bcSteps());
        assertEquals(1, tiny.dualEvery());
        assertEquals(1, tiny.validationEvery());
    }

    @Test
    void buildRefusesAnEmptyActionRangeAndZeroSteps() {
        final IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> IqlConfig.participation(0.0).build());
        assertEquals("action range must have high > low, got [0.0, 0.0]", range.getMessage());
        assertThrows(IllegalArgumentException.class, () -> IqlConfig.twapMultiple().steps(0).build());
    }
}
