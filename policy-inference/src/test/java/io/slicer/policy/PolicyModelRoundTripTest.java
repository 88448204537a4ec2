package io.slicer.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyModelRoundTripTest {

    @Test
    void saveThenLoadGivesSameWeightsCardAndOutputs(@TempDir final Path dir) {
        final PolicyModel model = TestModels.dqn(7);
        model.save(dir);
        final PolicyModel loaded = PolicyModel.load(dir);
        assertEquals(model.card(), loaded.card());
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(model.layers().get(k).weight(), loaded.layers().get(k).weight());
            assertArrayEquals(model.layers().get(k).bias(), loaded.layers().get(k).bias());
        }
        final InferenceContext a = model.newContext();
        final InferenceContext b = loaded.newContext();
        final float[] x = TestModels.input(new SplittableRandom(1), 4);
        System.arraycopy(x, 0, a.input(), 0, 4);
        System.arraycopy(x, 0, b.input(), 0, 4);
        a.forward();
        b.forward();
        assertArrayEquals(a.output(), b.output());
    }

    @Test
    void savingTwiceWritesIdenticalBytes(@TempDir final Path dir) throws Exception {
        TestModels.iqlActor(3).save(dir.resolve("one"));
        TestModels.iqlActor(3).save(dir.resolve("two"));
        for (final String file : List.of(PolicyModel.WEIGHTS_FILE, PolicyModel.CARD_FILE)) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("one").resolve(file)),
                    Files.readAllBytes(dir.resolve("two").resolve(file)), file);
        }
    }

    @Test
    void loadedCardPinsTheWeightsFileAndListsLayers(@TempDir final Path dir) throws Exception {
        final PolicyModel model = TestModels.dqn(11);
        model.save(dir);
        final String sha = io.slicer.policy.io.Sha256.hex(Files.readAllBytes(dir.resolve(PolicyModel.WEIGHTS_FILE)));
        final PolicyModel loaded = PolicyModel.load(dir.resolve(PolicyModel.CARD_FILE));
        assertEquals(sha, loaded.card().weightsSha256());
        assertEquals(List.of("dense 4->64 relu", "dense 64->32 relu", "dense 32->5 identity"), loaded.card().layers());
        final String json = Files.readString(dir.resolve(PolicyModel.CARD_FILE));
        assertTrue(json.contains("\"weightsSha256\" : \"" + sha + "\""), json);
    }

    @Test
    void safetensorsHeaderFollowsThePyTorchLayout(@TempDir final Path dir) throws Exception {
        TestModels.dqn(5).save(dir);
        final byte[] file = Files.readAllBytes(dir.resolve(PolicyModel.WEIGHTS_FILE));
        final long headerLength = java.nio.ByteBuffer.wrap(file).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0);
        assertEquals(0, headerLength % 8);
        final String header = new String(file, 8, (int) headerLength, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(header.startsWith("{\"__metadata__\":{\"format\":\"pt\"},\"net.0.bias\":{\"dtype\":\"F32\",\"shape\":[64],\"data_offsets\":[0,256]},\"net.0.weight\":{\"dtype\":\"F32\",\"shape\":[64,4],\"data_offsets\":[256,1280]}"), header);
        final int floats = 64 * 4 + 64 + 32 * 64 + 32 + 5 * 32 + 5;
        assertEquals(8 + headerLength + 4L * floats, file.length);
    }
}
