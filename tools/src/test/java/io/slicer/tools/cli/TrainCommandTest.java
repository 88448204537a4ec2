package io.slicer.tools.cli;

import io.slicer.policy.PolicyModel;
import io.slicer.tools.train.TrainingSeeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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
                    "--steps", "300", "--dataset-episodes", "40", "--quiet"));
        }
        assertSameFiles(a, b, PolicyModel.WEIGHTS_FILE, PolicyModel.CARD_FILE, "dataset.bin");
        assertEquals("participation", PolicyModel.load(a).card().actionSpace().unit());
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
