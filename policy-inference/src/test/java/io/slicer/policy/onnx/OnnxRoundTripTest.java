package io.slicer.policy.onnx;

import io.slicer.policy.PolicyModel;
import io.slicer.policy.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class OnnxRoundTripTest {

    @Test
    void safetensorsToOnnxToSafetensorsKeepsEveryByte(@TempDir final Path dir) throws Exception {
        for (final PolicyModel model : new PolicyModel[]{TestModels.dqn(1), TestModels.iqlActor(2), TestModels.mixed(3)}) {
            final Path original = dir.resolve("original-" + model.outputWidth() + "-" + model.inputWidth());
            model.save(original);
            final PolicyModel loaded = PolicyModel.load(original);
            final byte[] onnx = OnnxModelWriter.write(loaded, "test");
            final PolicyModel back = OnnxImport.toModel("model.onnx", onnx, new OnnxImport.Options(null, null, null, null));
            final Path again = dir.resolve("again-" + model.outputWidth() + "-" + model.inputWidth());
            back.save(again);
            for (final String file : new String[]{PolicyModel.WEIGHTS_FILE, PolicyModel.CARD_FILE}) {
                assertArrayEquals(Files.readAllBytes(original.resolve(file)), Files.readAllBytes(again.resolve(file)), file);
            }
            assertArrayEquals(onnx, OnnxModelWriter.write(back, "test"), "ONNX export is byte-deterministic");
        }
    }

    @Test
    void importWithOptionsOverridesTheEmbeddedCard() {
        final PolicyModel model = TestModels.dqn(4);
        final byte[] onnx = OnnxModelWriter.write(model, "test");
        final PolicyModel renamed = OnnxImport.toModel("m.onnx", onnx, new OnnxImport.Options(null, "other.v2",
                java.util.List.of("a", "b", "c", "d"), null));
        assertEquals("other.v2", renamed.card().featureSchemaId());
        assertEquals(java.util.List.of("a", "b", "c", "d"), renamed.card().featureNames());
        assertEquals(model.card().features().get(1).mean(), renamed.card().features().get(1).mean());
        assertEquals(model.card().actionSpace(), renamed.card().actionSpace());
    }
}
