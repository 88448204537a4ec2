package io.slicer.policy;

import io.slicer.policy.io.ModelCardJson;
import io.slicer.policy.io.SafetensorsWriter;
import io.slicer.policy.io.Sha256;
import io.slicer.policy.io.Tensor;
import io.slicer.policy.io.TorchLinearLayout;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.ModelFormatException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue of broken or mismatched model files: each one is refused with a message that names the file, the
 * tensor or field, and the index where that applies. Starts from a valid 4->64->32->5 model and breaks one thing.
 */
class CorruptModelCatalogueTest {
    @TempDir
    Path dir;
    private Path weights;
    private Path card;
    private PolicyModel model;

    @BeforeEach
    void saveValidModel() {
        model = TestModels.dqn(42);
        model.save(dir);
        weights = dir.resolve(PolicyModel.WEIGHTS_FILE);
        card = dir.resolve(PolicyModel.CARD_FILE);
    }

    @Test
    void fileShorterThanTheHeaderLengthField() throws Exception {
        Files.write(weights, new byte[]{1, 2, 3, 4, 5});
        assertRefused(weights + ": truncated: 5 bytes, expected at least 8");
    }

    @Test
    void headerLengthPointsPastTheEndOfFile() throws Exception {
        final byte[] bytes = Files.readAllBytes(weights);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1_000_000L);
        Files.write(weights, bytes);
        assertRefused(weights + ": header length field says 1000000 bytes but only " + (bytes.length - 8)
                + " bytes follow it");
    }

    @Test
    void truncatedDataSectionNamesTheTensorWhoseOffsetsLie() throws Exception {
        final byte[] bytes = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(bytes, bytes.length - 100));
        assertRefused("tensor 'net.4.weight': data_offsets [", "lie beyond the file, whose data section has");
    }

    @Test
    void headerThatIsNotJson() throws Exception {
        final byte[] bytes = Files.readAllBytes(weights);
        bytes[8] = 'x';
        Files.write(weights, bytes);
        assertRefused(weights + ": header is not valid JSON");
    }

    @Test
    void unsupportedDtypeNamesTheTensor() throws Exception {
        replaceInHeader("{\"dtype\":\"F32\",\"shape\":[64]", "{\"dtype\":\"F16\",\"shape\":[64]");
        assertRefused("tensor 'net.0.bias' has dtype F16, only F32 (float32) is supported");
    }

    @Test
    void shapeThatDisagreesWithItsByteRange() throws Exception {
        replaceInHeader("\"shape\":[64,4]", "\"shape\":[64,5]");
        assertRefused("tensor 'net.0.weight' has shape [64,5] (320 floats = 1280 bytes) but data_offsets [256, 1280]"
                + " span 1024 bytes");
    }

    @Test
    void layerWidthsThatDoNotChain() throws Exception {
        writeTensors(tensors -> {
            final List<Tensor> out = new ArrayList<>(tensors);
            out.replaceAll(t -> t.name().equals("net.2.weight")
                    ? new Tensor(t.name(), new long[]{32, 63}, Arrays.copyOf(t.values(), 32 * 63)) : t);
            return out;
        });
        assertRefused(weights + ": tensor 'net.2.weight' has shape [32, 63], expected [32, 64]",
                "in from net.0 output width");
    }

    @Test
    void nanWeightNamesTensorAndIndex() throws Exception {
        writeTensors(tensors -> withValue(tensors, "net.2.weight", 3 * 64 + 17, Float.NaN));
        assertRefused(weights + ": tensor 'net.2.weight' has NaN at index [3, 17]");
    }

    @Test
    void infiniteBiasNamesTensorAndIndex() throws Exception {
        writeTensors(tensors -> withValue(tensors, "net.4.bias", 2, Float.POSITIVE_INFINITY));
        assertRefused(weights + ": tensor 'net.4.bias' has Infinity at index [2]");
    }

    @Test
    void weightsChangedAfterTheCardWasWritten() throws Exception {
        final byte[] bytes = Files.readAllBytes(weights);
        bytes[bytes.length - 1] ^= 1;
        Files.write(weights, bytes);
        assertRefused(weights + ": SHA-256 is " + Sha256.hex(bytes) + " but " + card + " expects "
                + model.card().weightsSha256());
    }

    @Test
    void missingModelCard() throws Exception {
        Files.delete(card);
        assertRefused(card + ": model card not found");
    }

    @Test
    void modelPathThatDoesNotExistIsNamedItself() {
        final Path absent = dir.resolve("no-such-model");
        final ModelFormatException e = assertThrows(ModelFormatException.class, () -> PolicyModel.load(absent));
        assertContains(e, absent + ": no such model directory or file");
    }

    @Test
    void missingLayerTensors() throws Exception {
        writeTensors(tensors -> tensors.stream().filter(t -> !t.name().startsWith("net.4.")).toList());
        assertRefused(weights + ": model card lists 3 layers but the file has 2 weight tensors [net.0, net.2]");
    }

    @Test
    void cardWithFewerFeaturesThanTheFirstLayerTakes() throws Exception {
        rewriteCard(c -> new ModelCard(c.featureSchemaId(), c.features().subList(0, 3), c.actionSpace(), c.layers(),
                c.provenance(), c.weightsSha256(), List.of()));
        assertRefused(weights + ": tensor 'net.0.weight' has shape [64, 4], expected [64, 3]",
                "in from 3 features in the model card");
    }

    @Test
    void discreteActionCountDifferentFromOutputWidth() throws Exception {
        rewriteCard(c -> new ModelCard(c.featureSchemaId(), c.features(),
                new ActionSpace.Discrete("fraction_of_remaining", new double[]{0, 0.1, 0.2, 0.3}), c.layers(),
                c.provenance(), c.weightsSha256(), c.trainingDomain()));
        assertRefused(weights + ": discrete action space has 4 actions but the last layer has 5 outputs");
    }

    @Test
    void unknownActivationInCard() throws Exception {
        rewriteCard(c -> new ModelCard(c.featureSchemaId(), c.features(), c.actionSpace(),
                List.of("dense 4->64 gelu", c.layers().get(1), c.layers().get(2)), c.provenance(), c.weightsSha256(),
                c.trainingDomain()));
        assertRefused(card + ": layers[0]: unknown activation 'gelu'");
    }

    @Test
    void zeroNormalisationScale() throws Exception {
        rewriteCard(c -> {
            final List<FeatureSpec> f = new ArrayList<>(c.features());
            f.set(1, new FeatureSpec(f.get(1).name(), f.get(1).mean(), 0f));
            return new ModelCard(c.featureSchemaId(), f, c.actionSpace(), c.layers(), c.provenance(),
                    c.weightsSha256(), c.trainingDomain());
        });
        assertRefused("features[1] 'inventory_remaining' has scale 0.0, expected a finite number > 0");
    }

    @Test
    void cardMissingARequiredField() throws Exception {
        final String text = Files.readString(card).replace("\"featureSchemaId\"", "\"featureSchema\"");
        Files.writeString(card, text);
        assertRefused(card + ": field 'featureSchemaId' is missing");
    }

    @Test
    void featureSchemaIdDifferentFromTheEngines() {
        final PolicyModel loaded = PolicyModel.load(dir);
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> loaded.requireFeatures("slicer.execution.v2", TestModels.DQN_FEATURES));
        assertContains(e, "model feature schema is 'slicer.execution.v1', expected 'slicer.execution.v2'");
    }

    @Test
    void featureNamesDifferentFromTheEngines() {
        final PolicyModel loaded = PolicyModel.load(dir);
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> loaded.requireFeatures("slicer.execution.v1", TestModels.IQL_FEATURES));
        assertContains(e, "model feature 4 is '<none>', expected 'volume_ratio' (model has 4 features");
        final List<String> swapped = List.of("time_remaining", "schedule_lead", "inventory_remaining",
                "price_drift_sigma");
        assertContains(assertThrows(ModelFormatException.class,
                () -> loaded.requireFeatures("slicer.execution.v1", swapped)),
                "model feature 1 is 'inventory_remaining', expected 'schedule_lead'");
    }

    @Test
    void inMemoryModelWithNanIsRefusedToo() {
        final List<DenseLayer> layers = new ArrayList<>(model.layers());
        final float[] w = layers.get(0).weight();
        w[5] = Float.NaN;
        layers.set(0, new DenseLayer(4, 64, Activation.RELU, w, layers.get(0).bias()));
        final ModelFormatException e = assertThrows(ModelFormatException.class, () -> PolicyModel.of(model.card(), layers));
        assertContains(e, "in-memory model: tensor 'net.0.weight' has NaN at index [1, 1]");
    }

    private void assertRefused(final String... fragments) {
        final ModelFormatException e = assertThrows(ModelFormatException.class, () -> PolicyModel.load(dir));
        for (final String f : fragments) {
            assertContains(e, f);
        }
    }

    private static void assertContains(final Exception e, final String fragment) {
        assertTrue(e.getMessage().contains(fragment), () -> "expected message containing\n  " + fragment
                + "\nbut was\n  " + e.getMessage());
    }

    private void replaceInHeader(final String from, final String to) throws Exception {
        final byte[] bytes = Files.readAllBytes(weights);
        final long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong(0);
        final String header = new String(bytes, 8, (int) headerLength, StandardCharsets.US_ASCII);
        assertTrue(header.contains(from), header);
        final byte[] replaced = header.replaceFirst(java.util.regex.Pattern.quote(from), to)
                .getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(replaced, 0, bytes, 8, replaced.length);
        Files.write(weights, bytes);
    }

    /** Rewrites the weights from modified tensors and re-pins the card, so only the tensor problem remains. */
    private void writeTensors(final UnaryOperator<List<Tensor>> change) throws Exception {
        final byte[] bytes = SafetensorsWriter.write(change.apply(TorchLinearLayout.toTensors(model.layers())),
                Map.of("format", "pt"));
        Files.write(weights, bytes);
        final String sha = Sha256.hex(bytes);
        rewriteCard(c -> new ModelCard(c.featureSchemaId(), c.features(), c.actionSpace(), c.layers(),
                c.provenance(), sha, c.trainingDomain()));
    }

    private void rewriteCard(final UnaryOperator<ModelCard> change) throws Exception {
        final ModelCard current = ModelCardJson.read(card.toString(), Files.readAllBytes(card));
        Files.write(card, ModelCardJson.write(change.apply(current)));
    }

    private static List<Tensor> withValue(final List<Tensor> tensors, final String name, final int index,
                                          final float value) {
        final List<Tensor> out = new ArrayList<>();
        for (final Tensor t : tensors) {
            if (t.name().equals(name)) {
                final float[] v = t.values().clone();
                v[index] = value;
                out.add(new Tensor(t.name(), t.shape(), v));
            } else {
                out.add(t);
            }
        }
        return out;
    }
}
