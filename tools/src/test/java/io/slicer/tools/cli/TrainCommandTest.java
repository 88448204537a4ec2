package io.slicer.tools.cli;

import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.tools.train.TrainingDefaults;
import io.slicer.tools.train.TrainingSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainCommandTest {
    @TempDir
    Path tmp;

    /** Two runs with one seed must write each of {@code files} byte for byte alike. */
    private static void assertSameFiles(final Path a, final Path b, final String... files) throws IOException {
        for (final String file : files) {
            assertArrayEquals(Files.readAllBytes(a.resolve(file)), Files.readAllBytes(b.resolve(file)), file);
        }
    }

    @Test
    void twoDqnRunsWithOneSeedWriteIdenticalModelFiles() throws IOException {
        final Path a = tmp.resolve("a");
        final Path b = tmp.resolve("b");
        for (final Path dir : new Path[] {a, b}) {
            assertEquals(0, SlicerCli.execute("train", "dqn", "--scenario", "ac-2000", "--out", dir.toString(),
                    "--episodes", "40", "--seed", "3", "--preset", "regime", "--validation-episodes", "10",
                    "--quiet"));
        }
        assertSameFiles(a, b, PolicyModel.WEIGHTS_FILE, PolicyModel.CARD_FILE, "learning_curve.csv");
        final PolicyModel m = PolicyModel.load(a);
        assertEquals("dqn", m.card().provenance().algorithm());
        assertEquals("seed-3", m.card().provenance().trainedAt());
        assertTrue(Files.readString(a.resolve("learning_curve.csv")).startsWith("x,value,"));
    }

    @Test
    void twoIqlRunsWithOneSeedWriteIdenticalModelAndDatasetFiles() throws IOException {
        final Path a = tmp.resolve("a");
        final Path b = tmp.resolve("b");
        for (final Path dir : new Path[] {a, b}) {
            assertEquals(0, SlicerCli.execute("train", "iql", "--scenario", "liquid-stock", "--out", dir.toString(),
                    "--steps", "300", "--dataset-episodes", "40", "--participation-cap", "0.1", "--quiet"));
        }
        assertSameFiles(a, b, PolicyModel.WEIGHTS_FILE, PolicyModel.CARD_FILE, "dataset.bin");
        assertEquals("participation", PolicyModel.load(a).card().actionSpace().unit());
    }

    @Test
    void dqnWithoutTuningFlagsTakesItsScenariosDefaultsRow() {
        final Path ac = tmp.resolve("ac");
        final Path liquid = tmp.resolve("liquid");
        assertEquals(0, SlicerCli.execute("train", "dqn", "--scenario", "ac-2000", "--out", ac.toString(),
                "--episodes", "20", "--validation-episodes", "5", "--quiet"));
        assertEquals(0, SlicerCli.execute("train", "dqn", "--scenario", "liquid-stock", "--out", liquid.toString(),
                "--episodes", "2", "--validation-episodes", "2", "--quiet"));
        final ActionSpace.Discrete acGrid = (ActionSpace.Discrete) PolicyModel.load(ac).card().actionSpace();
        assertArrayEquals(TrainingDefaults.dqn("ac-2000").orElseThrow().actions(), acGrid.values());
        assertEquals(17, acGrid.size());
        assertEquals("twap-multiples-fine", PolicyModel.load(ac).card().provenance().extra().get("action_map"));
        assertEquals(11, ((ActionSpace.Discrete) PolicyModel.load(liquid).card().actionSpace()).size());
    }

    /** A few seconds of IQL on liquid-stock: the budget flags only, so every other value is the default's. */
    private static int trainTinyIql(final Path out, final String... flags) {
        final String[] budget = {"train", "iql", "--scenario", "liquid-stock", "--out", out.toString(), "--steps",
            "100", "--dataset-episodes", "20", "--validation-episodes", "4", "--quiet"};
        final String[] args = Arrays.copyOf(budget, budget.length + flags.length);
        System.arraycopy(flags, 0, args, budget.length, flags.length);
        return SlicerCli.execute(args);
    }

    @Test
    void iqlWithoutTuningFlagsTakesItsScenariosDefaultsRowAndAFlagOverridesOneValue() throws IOException {
        final Path defaults = tmp.resolve("defaults");
        final Path flagged = tmp.resolve("flagged");
        final Path spelled = tmp.resolve("spelled");
        assertEquals(0, trainTinyIql(defaults));
        assertEquals(0, trainTinyIql(flagged, "--beta", "4", "--participation-cap", "0.1"));
        assertEquals(0, trainTinyIql(spelled, "--behaviour-noise", "0.8", "--expectile", "0.9", "--beta", "10",
                "--participation-cap", "none", "--action-unit", "twap_multiple"));
        final Map<String, String> row = PolicyModel.load(defaults).card().provenance().extra();
        assertEquals("0.9", row.get("expectile"));
        assertEquals("10.0", row.get("beta"));
        assertEquals("NaN", row.get("participation_cap"));
        assertEquals("twap_multiple", row.get("action_unit"));
        assertEquals("100", row.get("steps"));
        final Map<String, String> flags = PolicyModel.load(flagged).card().provenance().extra();
        assertEquals("0.9", flags.get("expectile"));
        assertEquals("4.0", flags.get("beta"));
        assertEquals("0.1", flags.get("participation_cap"));
        assertEquals("participation", flags.get("action_unit"));
        // The row is exactly these flags, the behaviours' noise included: same dataset, same model, byte for byte.
        assertSameFiles(defaults, spelled, PolicyModel.WEIGHTS_FILE, PolicyModel.CARD_FILE, "dataset.bin");
    }

    @Test
    void refusesToTrainOnTheEvaluationSeed() {
        assertEquals(SlicerCli.EXIT_USAGE, SlicerCli.execute("train", "dqn", "--scenario", "ac-2000", "--out",
                tmp.resolve("x").toString(), "--seed", Long.toString(TrainingSeeds.EVALUATION_SEED), "--quiet"));
        assertEquals(SlicerCli.EXIT_USAGE, SlicerCli.execute("train", "sarsa", "--scenario", "ac-2000", "--out",
                tmp.resolve("y").toString(), "--quiet"));
        assertEquals(SlicerCli.EXIT_USAGE, SlicerCli.execute("train", "dqn", "--scenario", "nowhere", "--out",
                tmp.resolve("z").toString(), "--quiet"));
    }
}
