package io.slicer.tools.train.dqn;

import io.slicer.engine.decision.ActionMapping;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The presets' numbers are what docs/results/training.md measured: a changed one retrains a different policy. */
class DqnConfigTest {
    @Test
    void demoPresetIsTheRegimeGridOnASmallerNetworkValidatedEveryTwentyFifthOfTheRun() {
        final DqnConfig c = DqnConfig.demo().build();
        assertEquals("twap-multiples", c.actionMapName());
        assertEquals(ActionMapping.Unit.TWAP_MULTIPLE, c.unit());
        assertArrayEquals(new double[] {0.0, 0.25, 0.5, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 2.0, 3.0}, c.actionValues());
        assertArrayEquals(new int[] {32, 32}, c.hidden());
        assertEquals(4_500, c.episodes());
        assertEquals(180, c.warmupEpisodes());
        assertEquals(64, c.batch());
        assertEquals(100_000, c.bufferCapacity());
        assertEquals(5e-4, c.learningRate());
        assertEquals(1e-4, c.learningRateEnd());
        assertEquals(500, c.targetUpdateEvery());
        assertEquals(200, c.validationEpisodes());
        assertEquals(180, c.validationEvery());
        assertEquals(1, c.nStep());
        assertEquals(1e-3, c.averaging());
        assertEquals(0.0, c.riskAversion());
    }

    @Test
    void everyPresetSharesTheExplorationScheduleDiscountAndLoss() {
        for (final DqnConfig.Builder preset : new DqnConfig.Builder[] {DqnConfig.seedNotebook(),
                DqnConfig.twapGrid(), DqnConfig.regimeGrid(), DqnConfig.demo()}) {
            final DqnConfig c = preset.build();
            assertEquals(1.0, c.gamma());
            assertEquals(1.0, c.epsilonStart());
            assertEquals(0.02, c.epsilonEnd());
            assertEquals(0.6, c.epsilonDecayShare());
            assertEquals(1.0, c.huberDelta());
            assertEquals(10.0, c.gradClip());
        }
    }

    @Test
    void seedNotebookPresetIsTheNotebooksFractionsOnA64By32Network() {
        final DqnConfig c = DqnConfig.seedNotebook().build();
        assertEquals("seed-fractions", c.actionMapName());
        assertEquals(ActionMapping.Unit.FRACTION_OF_REMAINING, c.unit());
        assertArrayEquals(new double[] {0.05, 0.10, 0.15, 0.25, 0.50}, c.actionValues());
        assertArrayEquals(new int[] {64, 32}, c.hidden());
        assertEquals(500, c.episodes());
        assertEquals(20, c.warmupEpisodes());
        assertEquals(32, c.batch());
        assertEquals(20_000, c.bufferCapacity());
        assertEquals(1e-3, c.learningRate());
        assertEquals(1e-3, c.learningRateEnd());
        assertEquals(200, c.targetUpdateEvery());
        assertEquals(100, c.validationEpisodes());
        assertEquals(25, c.validationEvery());
        assertEquals(0.0, c.averaging());
    }

    @Test
    void twapGridPresetHoldsItsLearningRateAndValidatesEveryTwentyFifthOfTheRun() {
        final DqnConfig c = DqnConfig.twapGrid().build();
        assertArrayEquals(new int[] {64, 64}, c.hidden());
        assertEquals(3_000, c.episodes());
        assertEquals(120, c.warmupEpisodes());
        assertEquals(5e-4, c.learningRate());
        assertEquals(5e-4, c.learningRateEnd());
        assertEquals(200, c.validationEpisodes());
        assertEquals(120, c.validationEvery());
        assertEquals(0.0, c.averaging());
    }

    @Test
    void regimeGridPresetValidatesOnAThousandEpisodesEverySixtiethOfTheRun() {
        final DqnConfig c = DqnConfig.regimeGrid().build();
        assertArrayEquals(new int[] {64, 64}, c.hidden());
        assertEquals(6_000, c.episodes());
        assertEquals(240, c.warmupEpisodes());
        assertEquals(1e-4, c.learningRateEnd());
        assertEquals(1_000, c.validationEpisodes());
        assertEquals(100, c.validationEvery());
        assertEquals(1e-3, c.averaging());
    }

    @Test
    void fewerEpisodesShrinkTheWarmUpAndValidationCadenceButNeverBelowOne() {
        final DqnConfig short200 = DqnConfig.demo().episodes(200).build();
        assertEquals(8, short200.warmupEpisodes());
        assertEquals(8, short200.validationEvery());
        assertEquals(200, short200.validationEpisodes());
        final DqnConfig tiny = DqnConfig.regimeGrid().episodes(10).build();
        assertEquals(1, tiny.warmupEpisodes());
        assertEquals(1, tiny.validationEvery());
    }

    @Test
    void buildRefusesABufferSmallerThanABatchAndNStepBelowOne() {
        final IllegalArgumentException buffer = assertThrows(IllegalArgumentException.class,
                () -> DqnConfig.twapGrid().bufferCapacity(10).build());
        assertTrue(buffer.getMessage().contains("batch=64 buffer=10"), buffer.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DqnConfig.twapGrid().episodes(0).build());
        assertThrows(IllegalArgumentException.class, () -> DqnConfig.twapGrid().nStep(0).build());
        assertThrows(IllegalArgumentException.class, () -> DqnConfig.twapGrid().validationEpisodes(0).build());
    }

    @Test
    void buildCopiesTheActionGridSoTheBuilderCannotChangeABuiltConfig() {
        final double[] grid = {0.0, 1.0, 2.0};
        final DqnConfig c = DqnConfig.twapGrid().actionMap("custom", ActionMapping.Unit.TWAP_MULTIPLE, grid).build();
        grid[1] = 9.0;
        assertArrayEquals(new double[] {0.0, 1.0, 2.0}, c.actionValues());
    }
}
