package io.slicer.policy.onnx;

import io.slicer.policy.PolicyModel;
import io.slicer.policy.TestModels;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.ModelFormatException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ONNX files the importer refuses, each with a message naming the file and the node or initializer. */
class CorruptOnnxCatalogueTest {
    private final PolicyModel model = TestModels.dqn(8);
    private final byte[] valid = OnnxModelWriter.write(model, "test");
    private final OnnxImport.Options fromEmbeddedCard = new OnnxImport.Options(null, null, null, null);

    @Test
    void truncatedFile() {
        assertRefused(Arrays.copyOf(valid, valid.length / 2), "policy.onnx: not a readable ONNX file: field length");
    }

    @Test
    void unsupportedOperatorAfterTheOutput() {
        final ProtoWriter graph = new ProtoWriter().message(OnnxDescriptor.GRAPH_NODE,
                OnnxModelWriter.node("/Softmax", "Softmax", new String[]{OnnxModelWriter.OUTPUT_NAME}, "probs"));
        assertRefused(appendGraph(graph), "policy.onnx: node '/Softmax' (Softmax) is an unsupported operator");
    }

    @Test
    void doubleInitializer() {
        final ProtoWriter t = new ProtoWriter().varint(OnnxDescriptor.TENSOR_DIMS, 1)
                .varint(OnnxDescriptor.TENSOR_DATA_TYPE, 11).string(OnnxDescriptor.TENSOR_NAME, "extra.weight")
                .bytes(OnnxDescriptor.TENSOR_RAW_DATA, new byte[8]);
        assertRefused(appendGraph(new ProtoWriter().message(OnnxDescriptor.GRAPH_INITIALIZER, t)),
                "policy.onnx: initializer 'extra.weight' has data type DOUBLE, only FLOAT (float32) is supported");
    }

    @Test
    void nanInitializerNamesTheIndex() {
        final var layers = new java.util.ArrayList<>(model.layers());
        final float[] w = layers.get(1).weight();
        w[2 * 64 + 9] = Float.NaN;
        layers.set(1, new io.slicer.policy.model.DenseLayer(64, 32, layers.get(1).activation(), w, layers.get(1).bias()));
        assertRefused(TorchStyleOnnx.gemm(layers, "obs"), new OnnxImport.Options(model.card(), null, null, null),
                "policy.onnx: initializer 'net.2.weight' has NaN at index [2, 9]");
    }

    @Test
    void noCardAndNoOptions() {
        assertRefused(TorchStyleOnnx.gemm(model.layers(), "obs"),
                "policy.onnx: no feature schema id: give a model card or a schema id");
    }

    /** Protobuf merges a repeated graph field into the first: this adds nodes or initializers to a valid file. */
    private byte[] appendGraph(final ProtoWriter graph) {
        return concat(valid, new ProtoWriter().message(OnnxDescriptor.MODEL_GRAPH, graph).toByteArray());
    }

    private void assertRefused(final byte[] file, final String fragment) {
        assertRefused(file, fromEmbeddedCard, fragment);
    }

    private static void assertRefused(final byte[] file, final OnnxImport.Options options, final String fragment) {
        final ModelFormatException e = assertThrows(ModelFormatException.class,
                () -> OnnxImport.toModel("policy.onnx", file, options));
        assertTrue(e.getMessage().contains(fragment), () -> "expected\n  " + fragment + "\nbut was\n  " + e.getMessage());
    }

    private static byte[] concat(final byte[] a, final byte[] b) {
        final byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
