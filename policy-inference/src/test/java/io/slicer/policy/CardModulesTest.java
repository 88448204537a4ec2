package io.slicer.policy;

import io.slicer.policy.io.ModelCardJson;
import io.slicer.policy.io.SafetensorsWriter;
import io.slicer.policy.io.Sha256;
import io.slicer.policy.io.Tensor;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.ModelFormatException;
import io.slicer.policy.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A card may name the tensors that are its layers ({@code modules}), so a weights file holding more than the network
 * (an actor with its exploration head, as the IQL seed publishes it) loads as that network; a module it names that
 * the file lacks is refused naming the tensors there. A card without modules writes no such key, so the canonical
 * form (and the identity) of every existing card is unchanged.
 */
class CardModulesTest {
    @TempDir
    Path tmp;

    /** l1 (2 -> 3), mean (3 -> 1), and an exploration head log_std (3 -> 1) that is no layer of the policy. */
    private static byte[] actorWeights() {
        return SafetensorsWriter.write(List.of(
                new Tensor("l1.weight", new long[] {3, 2}, new float[] {1, 0, 0, 1, 1, 1}),
                new Tensor("l1.bias", new long[] {3}, new float[] {0, 0, -1}),
                new Tensor("log_std.weight", new long[] {1, 3}, new float[] {9, 9, 9}),
                new Tensor("log_std.bias", new long[] {1}, new float[] {9}),
                new Tensor("mean.weight", new long[] {1, 3}, new float[] {1, 2, 3}),
                new Tensor("mean.bias", new long[] {1}, new float[] {0.5f})), new TreeMap<>(Map.of("format", "pt")));
    }

    private Path model(final List<String> modules) throws IOException {
        final byte[] weights = actorWeights();
        final ModelCard card = new ModelCard("test.v1", List.of(new FeatureSpec("a", 0f, 1f),
                new FeatureSpec("b", 0f, 1f)), new ActionSpace.Continuous("participation", -0.2, 0.2),
                List.of("dense 2->3 relu", "dense 3->1 identity"), new Provenance("iql", null, 0L, null, null, Map.of()),
                Sha256.hex(weights), List.of(), modules);
        final Path dir = Files.createTempDirectory(tmp, "m");
        Files.write(dir.resolve(PolicyModel.WEIGHTS_FILE), weights);
        Files.write(dir.resolve(PolicyModel.CARD_FILE), ModelCardJson.write(card));
        return dir;
    }

    @Test
    void theModulesACardNamesAreItsLayersAndOtherTensorsAreIgnored() throws IOException {
        final PolicyModel m = PolicyModel.load(model(List.of("l1", "mean")));
        final InferenceContext ctx = m.newContext(KernelKind.SCALAR);
        ctx.input()[0] = 2f;
        ctx.input()[1] = 3f;
        ctx.forward();
        // relu([2, 3, 4]) . [1, 2, 3] + 0.5 = 2 + 6 + 12 + 0.5
        assertEquals(20.5f, ctx.output()[0]);
        assertEquals(0.2 * Math.tanh(20.5), ctx.continuousAction(), 1e-9);
        assertEquals(List.of("l1", "mean"), m.card().modules());
        final Path saved = tmp.resolve("saved");
        m.save(saved);
        final PolicyModel back = PolicyModel.load(saved);
        assertEquals(List.of(), back.card().modules(), "saved under Slicer's own names, the layers only");
        final InferenceContext again = back.newContext(KernelKind.SCALAR);
        again.input()[0] = 2f;
        again.input()[1] = 3f;
        again.forward();
        assertEquals(20.5f, again.output()[0]);
    }

    @Test
    void aModuleTheFileLacksIsRefusedNamingTheTensorsThere() throws IOException {
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> PolicyModel.load(model(List.of("fc1", "mean"))));
        assertTrue(e.getMessage().contains("model card modules name 'fc1' but the file has no tensor 'fc1.weight'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("log_std.weight"), e.getMessage());
    }

    @Test
    void withoutModulesEveryWeightTensorIsALayerAsBefore() throws IOException {
        final ModelFormatException e = assertThrows(ModelFormatException.class, () -> PolicyModel.load(model(
                List.of())));
        assertTrue(e.getMessage().contains("model card lists 2 layers but the file has 3 weight tensors"),
                e.getMessage());
    }

    @Test
    void aCardWithoutModulesWritesNoModulesKey() {
        final ModelCard card = new ModelCard("test.v1", List.of(new FeatureSpec("a", 0f, 1f)),
                new ActionSpace.Continuous("participation", 0.0, 0.2), List.of(),
                new Provenance("iql", null, 0L, null, null, Map.of()), null, List.of());
        assertFalse(new String(ModelCardJson.write(card), java.nio.charset.StandardCharsets.UTF_8).contains("modules"));
    }

    @Test
    void aContinuousParticipationRangeBeyondMinusOneToOneIsRefused() {
        final ModelCard card = new ModelCard("test.v1", List.of(new FeatureSpec("a", 0f, 1f)),
                new ActionSpace.Continuous("participation", -1.5, 0.2), List.of(),
                new Provenance("iql", null, 0L, null, null, Map.of()), null, List.of());
        final ModelFormatException e = assertThrows(ModelFormatException.class, () -> PolicyModel.of(card,
                List.of(new io.slicer.policy.model.DenseLayer(1, 1, io.slicer.policy.model.Activation.IDENTITY,
                        new float[] {1}, new float[] {0}))));
        assertEquals("in-memory model: continuous participation range [-1.5, 0.2] must lie in [-1, 1] with high > 0"
                + " (a rate <= 0 trades nothing)", e.getMessage());
    }
}
