package io.slicer.policy.seal;

import io.slicer.policy.PolicyModel;
import io.slicer.policy.TestModels;
import io.slicer.policy.io.Sha256;
import io.slicer.policy.model.ModelFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tampering with a sealed model is detected at load, and the refusal names the seal file and line. */
class ModelSealTest {
    @TempDir
    Path tmp;

    private Path keys() {
        return tmp.resolve("keys");
    }

    private Path sealedModel() {
        final Path dir = tmp.resolve("model");
        TestModels.dqn(1).save(dir, ModelKeys.signingKey(keys(), notice -> { }));
        return dir;
    }

    private ModelTrust live(final List<String> warnings) {
        return ModelTrust.of(keys(), true, warnings::add);
    }

    @Test
    void aSealedModelLoadsLiveAndItsIdentityIsWhatTheSealSigns() throws IOException {
        final Path dir = sealedModel();
        final PolicyModel model = PolicyModel.load(dir, live(new ArrayList<>()));
        final ModelSeal seal = ModelSeal.parse("model.seal", Files.readAllBytes(dir.resolve(ModelSeal.FILE)));
        assertEquals(model.identity(), seal.identity());
        assertEquals(TestModels.dqn(1).identity(), model.identity());
    }

    @Test
    void aCardEditIsDetectedAtTheSeal() throws IOException {
        final Path dir = sealedModel();
        // Widen one training-domain bound within the plausible range: only the seal can notice.
        final Path card = dir.resolve(PolicyModel.CARD_FILE);
        final String text = Files.readString(card);
        final String edited = text.replaceFirst("\"max\" : [-0-9.eE]+", "\"max\" : 900.0");
        assertTrue(!edited.equals(text));
        Files.writeString(card, edited);
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> PolicyModel.load(dir, live(new ArrayList<>())));
        assertTrue(e.getMessage().startsWith(dir.resolve(ModelSeal.FILE) + ":2: seal is for model "), e.getMessage());
        assertTrue(e.getMessage().contains("changed after it was sealed"), e.getMessage());
    }

    @Test
    void aWeightsEditWithTheCardsShaUpdatedIsDetectedAtTheSeal() throws IOException {
        final Path dir = sealedModel();
        final Path weights = dir.resolve(PolicyModel.WEIGHTS_FILE);
        final byte[] bytes = Files.readAllBytes(weights);
        final String oldSha = Sha256.hex(bytes);
        bytes[bytes.length - 2] ^= 0x01; // the low mantissa bit of the last float: still finite, still loads
        Files.write(weights, bytes);
        final Path card = dir.resolve(PolicyModel.CARD_FILE);
        Files.writeString(card, Files.readString(card).replace(oldSha, Sha256.hex(bytes)));
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> PolicyModel.load(dir, live(new ArrayList<>())));
        assertTrue(e.getMessage().startsWith(dir.resolve(ModelSeal.FILE) + ":2: seal is for model "), e.getMessage());
    }

    @Test
    void aModelSealedWithAnotherKeyIsRefusedEvenOffline() {
        final Path dir = tmp.resolve("model");
        final ModelKeys.SigningKey stranger = ModelKeys.signingKey(tmp.resolve("stranger"), notice -> { });
        TestModels.dqn(1).save(dir, stranger);
        ModelKeys.signingKey(keys(), notice -> { });
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> PolicyModel.load(dir, ModelTrust.of(keys(), false, w -> { })));
        assertTrue(e.getMessage().startsWith(dir.resolve(ModelSeal.FILE) + ":3: sealed with key " + stranger.keyId()
                + ", which is not a trusted key"), e.getMessage());
    }

    @Test
    void aForgedSignatureIsRefused() throws IOException {
        final Path dir = sealedModel();
        final Path seal = dir.resolve(ModelSeal.FILE);
        final ModelSeal good = ModelSeal.parse(seal.toString(), Files.readAllBytes(seal));
        final byte[] signature = good.signature();
        signature[0] ^= 0x01;
        Files.write(seal, new ModelSeal(good.identity(), good.keyId(), signature).toBytes());
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> PolicyModel.load(dir, live(new ArrayList<>())));
        assertTrue(e.getMessage().startsWith(seal + ":4: signature does not verify"), e.getMessage());
    }

    @Test
    void aMalformedSealIsRefusedWithItsLine() throws IOException {
        final Path dir = sealedModel();
        final Path seal = dir.resolve(ModelSeal.FILE);
        Files.writeString(seal, Files.readString(seal).replace("identity ", "identity zz"));
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> PolicyModel.load(dir, live(new ArrayList<>())));
        assertTrue(e.getMessage().startsWith(seal + ":2: identity must be 64 lower-case hex digits"), e.getMessage());
    }

    @Test
    void anUnsealedModelIsRefusedLiveAndTakenOfflineWithOneWarning() {
        final Path dir = tmp.resolve("model");
        TestModels.dqn(1).save(dir);
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> PolicyModel.load(dir, live(new ArrayList<>())));
        assertTrue(e.getMessage().startsWith(dir.resolve(ModelSeal.FILE) + ": model is not sealed"), e.getMessage());
        final List<String> warnings = new ArrayList<>();
        PolicyModel.load(dir, ModelTrust.of(keys(), false, warnings::add));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("warning: " + dir + " is not sealed"), warnings.get(0));
    }

    @Test
    void reindentingACardKeepsTheIdentityAndTheSeal() throws IOException {
        final Path dir = sealedModel();
        final Path card = dir.resolve(PolicyModel.CARD_FILE);
        Files.writeString(card, Files.readString(card).replace("\n  ", "\n    "), StandardCharsets.UTF_8);
        assertEquals(TestModels.dqn(1).identity(), PolicyModel.load(dir, live(new ArrayList<>())).identity());
    }

    @Test
    void anExistingSigningKeyIsNeverReplaced() {
        final String id = ModelKeys.signingKey(keys(), notice -> { }).keyId();
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ModelKeys.generate(keys()));
        assertTrue(e.getMessage().contains("a signing key already exists"), e.getMessage());
        assertEquals(id, ModelKeys.signingKey(keys(), notice -> { }).keyId());
    }
}
