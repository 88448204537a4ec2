package io.slicer.tools.cli;

import io.slicer.policy.PolicyModel;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelCommandTest {
    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {
    }

    private static Run run(final String... args) {
        final CommandLine cli = SlicerCli.commandLine();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        final int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static PolicyModel model() {
        final float[] w1 = new float[3 * 2];
        final float[] w2 = new float[2 * 3];
        for (int i = 0; i < 6; i++) {
            w1[i] = 0.125f * (i - 2);
            w2[i] = -0.25f * (i - 3);
        }
        return PolicyModel.of(new ModelCard("slicer.execution.v1",
                        List.of(new FeatureSpec("time_remaining", 0.5f, 0.25f), new FeatureSpec("inventory_remaining", 0.5f, 0.5f)),
                        new ActionSpace.Discrete("fraction_of_remaining", new double[]{0.0, 0.1}), List.of(),
                        new Provenance("dqn", "amzn", 7, "2026-01-15", "test", Map.of()), null,
                        List.of(new FeatureDomain("time_remaining", 0, 1, 0.5, 0.29),
                                new FeatureDomain("inventory_remaining", 0, 1, 0.45, 0.3))),
                List.of(new DenseLayer(2, 3, Activation.RELU, w1, new float[]{0.1f, 0f, -0.1f}),
                        new DenseLayer(3, 2, Activation.IDENTITY, w2, new float[]{0f, 0.5f})));
    }

    @Test
    void inspectPrintsCardAndVerifiesTheWeights() {
        model().save(dir.resolve("m"));
        final Run r = run("model", "inspect", dir.resolve("m").toString());
        assertEquals(0, r.exit, r.err);
        assertTrue(r.out.contains("feature schema: slicer.execution.v1"), r.out);
        assertTrue(r.out.contains("layer 0: dense 2->3 relu"), r.out);
        assertTrue(r.out.contains("discrete fraction_of_remaining [0.0, 0.1]"), r.out);
        assertTrue(r.out.contains("verified ok"), r.out);
        assertTrue(r.out.contains("time_remaining         min 0.0 max 1.0 mean 0.5 std 0.29"), r.out);
    }

    @Test
    void inspectJsonIsOneDocumentWithTheShaVerdict() throws Exception {
        model().save(dir.resolve("m"));
        final Run r = run("model", "inspect", "--json", dir.resolve("m").resolve("model.safetensors").toString());
        assertEquals(0, r.exit, r.err);
        final var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out);
        assertTrue(node.get("sha256").get("verified").asBoolean());
        assertEquals(9 + 8, node.get("parameters").asInt());
        assertEquals("dense 3->2 identity", node.get("card").get("layers").get(1).asText());
    }

    @Test
    void inspectReportsTamperedWeightsAndExitsTwo() throws Exception {
        model().save(dir.resolve("m"));
        final Path weights = dir.resolve("m").resolve("model.safetensors");
        final byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 2] ^= 0x40;
        Files.write(weights, bytes);
        final Run r = run("model", "inspect", dir.resolve("m").toString());
        assertEquals(2, r.exit);
        assertTrue(r.out.contains("FAILED (card expects"), r.out);
        assertEquals(1, r.err.strip().lines().count(), r.err);
    }

    @Test
    void exportThenImportReproducesTheModelFiles() throws Exception {
        model().save(dir.resolve("m"));
        final Path onnx = dir.resolve("m.onnx");
        assertEquals(0, run("model", "export-onnx", "--model", dir.resolve("m").toString(), "--out", onnx.toString()).exit);
        final Run r = run("model", "import-onnx", "--onnx", onnx.toString(), "--out", dir.resolve("back").toString());
        assertEquals(0, r.exit, r.err);
        for (final String f : List.of(PolicyModel.WEIGHTS_FILE, PolicyModel.CARD_FILE)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("m").resolve(f)), Files.readAllBytes(dir.resolve("back").resolve(f)), f);
        }
        final Run inspect = run("model", "inspect", onnx.toString());
        assertEquals(0, inspect.exit, inspect.err);
        assertTrue(inspect.out.contains("input normalisation in graph: true"), inspect.out);
    }

    @Test
    void importWithExplicitSchemaAndActionSpace() throws Exception {
        model().save(dir.resolve("m"));
        final Path onnx = dir.resolve("m.onnx");
        run("model", "export-onnx", "--model", dir.resolve("m").toString(), "--out", onnx.toString());
        final Run r = run("model", "import-onnx", "--onnx", onnx.toString(), "--out", dir.resolve("x").toString(),
                "--features", "a,b", "--schema-id", "desk.v3", "--action-space", "continuous:participation:0:0.2");
        assertEquals(0, r.exit, r.err);
        final PolicyModel imported = PolicyModel.load(dir.resolve("x"));
        assertEquals("desk.v3", imported.card().featureSchemaId());
        assertEquals(List.of("a", "b"), imported.card().featureNames());
        assertEquals(new ActionSpace.Continuous("participation", 0, 0.2), imported.card().actionSpace());
    }

    @Test
    void corruptModelIsOneLineAndExitTwo() throws Exception {
        model().save(dir.resolve("m"));
        Files.write(dir.resolve("m").resolve("model.json"), "{\"format\":\"slicer-model-card/1\"}".getBytes());
        final Run r = run("model", "inspect", dir.resolve("m").toString());
        assertEquals(2, r.exit);
        assertEquals("slicer model inspect: " + dir.resolve("m").resolve("model.json")
                + ": field 'featureSchemaId' is missing",
                r.err.strip());
        final Run bad = run("model", "import-onnx", "--onnx", dir.resolve("none.onnx").toString(), "--out",
                dir.resolve("y").toString());
        assertEquals(2, bad.exit);
        assertTrue(bad.err.strip().endsWith("none.onnx: no such file"), bad.err);
    }
}
