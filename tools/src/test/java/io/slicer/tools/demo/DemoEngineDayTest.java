package io.slicer.tools.demo;

import io.slicer.engine.decision.ExecutionFeatures;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.Provenance;
import io.slicer.policy.seal.ModelKeys;
import io.slicer.tools.sim.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoEngineDayTest {
    @TempDir
    Path tmp;

    /** A small two-layer Q-network over TWAP multiples with the engine's feature schema. */
    private Path model() {
        final List<FeatureSpec> features = new ArrayList<>();
        final List<FeatureDomain> domain = new ArrayList<>();
        for (final String name : ExecutionFeatures.NAMES) {
            features.add(new FeatureSpec(name, 0f, 1f));
            // The engine refuses a model without a training domain; this one covers any plausible day.
            domain.add(new FeatureDomain(name, -1e3, 1e3, 0, 1e2));
        }
        final int in = ExecutionFeatures.COUNT;
        final int hidden = 6;
        final float[] w1 = new float[hidden * in];
        for (int i = 0; i < w1.length; i++) {
            w1[i] = ((i * 5) % 9 - 4) / 8f;
        }
        final float[] w2 = new float[3 * hidden];
        for (int i = 0; i < w2.length; i++) {
            w2[i] = ((i * 7) % 11 - 5) / 10f;
        }
        final ModelCard card = new ModelCard(ExecutionFeatures.SCHEMA_ID, features,
                new ActionSpace.Discrete("twap_multiple", new double[]{0.5, 1.0, 1.5}), null,
                new Provenance("dqn", "liquid-stock", 1, "2026-01-01T00:00:00Z", "test", new TreeMap<>()), null,
                domain);
        final Path dir = tmp.resolve("dqn");
        PolicyModel.of(card, List.of(new DenseLayer(in, hidden, Activation.RELU, w1, new float[hidden]),
                new DenseLayer(hidden, 3, Activation.IDENTITY, w2, new float[]{0.1f, 0.3f, 0.2f})))
                .save(dir, ModelKeys.signingKey(ModelKeys.directory(), notice -> { }));
        return dir;
    }

    @Test
    void theDemoDayFillsTheOrderReplaysBitForBitAndStartsAFreshJournalEachRun() {
        final Path dqn = model();
        final Path journal = tmp.resolve("report").resolve("journal");
        for (int run = 0; run < 2; run++) {
            final StringWriter out = new StringWriter();
            final String md = DemoEngineDay.run(Scenarios.byName("liquid-stock"), dqn, journal,
                    new PrintWriter(out, true), new PrintWriter(new StringWriter(), true)).markdown();
            assertTrue(md.startsWith("## A day through the engine\n"), md);
            assertTrue(md.contains("| shares filled | 500,000 | 500,000 | 500,000 |"), md);
            assertTrue(md.contains("**matched bit for bit: "), md);
            assertTrue(md.contains("./slicer replay --journal " + journal + "\n"), md);
            assertTrue(md.contains("./slicer run --scenario liquid-stock --seed " + DemoEngineDay.SEED
                    + " --episode 0 --strategy dqn:" + dqn + " --journal " + journal + "-again\n"), md);
            assertTrue(md.contains("Kill switch: the engine's defaults."), md);
            assertTrue(out.toString().contains("replay matched bit for bit"), out.toString());
        }
    }

    @Test
    void aJournalThatWasAuditedIsStillTheDemosToReplace() throws Exception {
        final Path dir = Files.createDirectories(tmp.resolve("audited"));
        Files.createDirectories(dir.resolve("queue"));
        Files.writeString(Files.createDirectories(dir.resolve("audit")).resolve("order-1.png"), "chart");
        DemoEngineDay.clearJournal(dir);
        assertFalse(Files.exists(dir), "queue and the audit's charts removed");
    }

    @Test
    void theDemoRefusesToDeleteADirectoryThatIsNotAJournal() throws Exception {
        final Path dir = Files.createDirectories(tmp.resolve("journal"));
        final Path notes = Files.writeString(dir.resolve("notes.txt"), "mine");
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DemoEngineDay.clearJournal(dir));
        assertTrue(e.getMessage().contains("[notes.txt]"), e.getMessage());
        assertEquals("mine", Files.readString(notes));
    }
}
