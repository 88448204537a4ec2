package io.slicer.policy.onnx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.slicer.policy.InferenceContext;
import io.slicer.policy.KernelKind;
import io.slicer.policy.PolicyModel;
import io.slicer.policy.io.ModelCardJson;
import io.slicer.policy.io.Sha256;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nets exported by real PyTorch (Debian's torch 1.13, {@code src/test/python/export_golden.py}) give, in Slicer,
 * the outputs torch gave on the same inputs, to 1e-6: through ONNX ({@code torch.onnx.export}: Gemm, MatMul + Add,
 * ReLU, Tanh, Sigmoid, bias-free Linear) and through safetensors ({@code state_dict} layout, bias-free included),
 * on the scalar kernel and the default one.
 */
class TorchGoldenTest {
    private static final String DIR = "/golden/torch/";
    private static final double TOLERANCE = 1e-6;
    private static final JsonNode GOLDEN = golden();

    @TempDir
    Path tmp;

    @Test
    void onnxExportsFromTorchMatchTorchOutputs() {
        int nets = 0;
        for (final Map.Entry<String, JsonNode> net : iterable(GOLDEN.get("nets"))) {
            final PolicyModel model = OnnxImport.toModel(net.getKey() + ".onnx", resource(net.getKey() + ".onnx"),
                    new OnnxImport.Options(null, "golden.v1", names(), actionSpace(net.getValue())));
            assertMatchesTorch(net.getKey() + ".onnx", model, net.getValue());
            nets++;
        }
        assertEquals(4, nets, "relu_mlp, tanh_sigmoid, bias_free, matmul_add");
    }

    @Test
    void safetensorsStateDictsFromTorchMatchTorchOutputs() throws IOException {
        int nets = 0;
        for (final Map.Entry<String, JsonNode> net : iterable(GOLDEN.get("nets"))) {
            final String file = net.getKey() + ".safetensors";
            if (!net.getValue().get("files").toString().contains(file)) {
                continue;
            }
            final byte[] weights = resource(file);
            final Path dir = tmp.resolve(net.getKey());
            Files.createDirectories(dir);
            Files.write(dir.resolve(PolicyModel.WEIGHTS_FILE), weights);
            final List<FeatureSpec> features = names().stream().map(n -> new FeatureSpec(n, 0f, 1f)).toList();
            // The card a desk writes by hand: features, action space, provenance, the weights' SHA-256; the layers
            // are taken from the weights (activations are not in a state_dict, so the ONNX import gives them).
            final List<String> layers = OnnxImport.toModel(net.getKey() + ".onnx", resource(net.getKey() + ".onnx"),
                    new OnnxImport.Options(null, "golden.v1", names(), actionSpace(net.getValue()))).card().layers();
            final ModelCard card = new ModelCard("golden.v1", features, actionSpace(net.getValue()), layers,
                    new Provenance("torch", null, 0L, null, null, Map.of()), Sha256.hex(weights), List.of());
            Files.write(dir.resolve(PolicyModel.CARD_FILE), ModelCardJson.write(card));
            assertMatchesTorch(file, PolicyModel.load(dir), net.getValue());
            nets++;
        }
        assertEquals(3, nets, "relu_mlp, tanh_sigmoid, bias_free (matmul_add has no nn.Linear state_dict)");
    }

    @Test
    void biasFreeLayersLoadWithZeroBiasOnBothPaths() {
        final PolicyModel onnx = OnnxImport.toModel("bias_free.onnx", resource("bias_free.onnx"),
                new OnnxImport.Options(null, "golden.v1", names(), actionSpace(GOLDEN.get("nets").get("bias_free"))));
        for (final var layer : onnx.layers()) {
            for (final float b : layer.bias()) {
                assertEquals(0f, b);
            }
        }
    }

    private static void assertMatchesTorch(final String what, final PolicyModel model, final JsonNode net) {
        final JsonNode inputs = GOLDEN.get("inputs");
        final JsonNode outputs = net.get("outputs");
        assertEquals(16, inputs.size());
        for (final KernelKind kernel : List.of(KernelKind.SCALAR, KernelKind.AUTO)) {
            final InferenceContext ctx = model.newContext(kernel);
            double worst = 0;
            for (int r = 0; r < inputs.size(); r++) {
                for (int i = 0; i < ctx.input().length; i++) {
                    ctx.input()[i] = (float) inputs.get(r).get(i).doubleValue();
                }
                ctx.forward();
                assertEquals(outputs.get(r).size(), ctx.output().length, what + " output width");
                for (int o = 0; o < ctx.output().length; o++) {
                    final double torch = outputs.get(r).get(o).doubleValue();
                    final double diff = Math.abs(ctx.output()[o] - torch);
                    worst = Math.max(worst, diff);
                    assertTrue(diff <= TOLERANCE, what + " (" + kernel + ") row " + r + " output " + o + ": slicer "
                            + ctx.output()[o] + ", torch " + torch);
                }
            }
            assertTrue(worst <= TOLERANCE, what + ": worst difference " + worst);
        }
    }

    private static List<String> names() {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            names.add("x" + i);
        }
        return names;
    }

    private static ActionSpace actionSpace(final JsonNode net) {
        final int width = net.get("outputs").get(0).size();
        if (width == 1) {
            return new ActionSpace.Continuous("participation", 0.0, 0.2);
        }
        final double[] values = new double[width];
        for (int i = 0; i < width; i++) {
            values[i] = 0.5 * (i + 1);
        }
        return new ActionSpace.Discrete("twap_multiple", values);
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(final JsonNode object) {
        return object::fields;
    }

    private static JsonNode golden() {
        try {
            return new ObjectMapper().readTree(resource("golden.json"));
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] resource(final String name) {
        try (InputStream in = TorchGoldenTest.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + DIR + name + " is missing");
            }
            return in.readAllBytes();
        } catch (final IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
