package io.slicer.policy.onnx;

import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;

import java.util.List;

/**
 * ONNX files shaped like the ones {@code torch.onnx.export} writes for an {@code nn.Sequential} MLP, for tests on a
 * machine without PyTorch: no normalisation nodes, no Slicer card, input named "obs" or "input", opset 17.
 * <ul>
 *   <li>{@link #gemm}: Gemm(x, net.0.weight [out, in], net.0.bias; alpha 1, beta 1, transB 1), nodes named
 *       /net/net.0/Gemm, /net/net.1/Relu, ... (the legacy exporter);</li>
 *   <li>{@link #matMulAdd}: MatMul(x, onnx::MatMul_N [in, out]) then Add(net.0.bias, .) (a transposed initializer,
 *       bias first, as exporters that lower Linear to MatMul write it), with a Flatten in front.</li>
 * </ul>
 */
final class TorchStyleOnnx {

    private TorchStyleOnnx() {
    }

    static byte[] gemm(final List<DenseLayer> layers, final String inputName) {
        final ProtoWriter graph = new ProtoWriter();
        String current = inputName;
        for (int k = 0; k < layers.size(); k++) {
            final DenseLayer l = layers.get(k);
            final String module = "net." + 2 * k;
            final boolean last = k == layers.size() - 1;
            final boolean act = l.activation() != Activation.IDENTITY;
            final String out = last && !act ? "output" : "/net/" + module + "/Gemm_output_0";
            final ProtoWriter gemm = OnnxModelWriter.node("/net/" + module + "/Gemm", "Gemm",
                    new String[]{current, module + ".weight", module + ".bias"}, out);
            gemm.message(OnnxDescriptor.NODE_ATTRIBUTE, OnnxModelWriter.floatAttribute("alpha", 1f));
            gemm.message(OnnxDescriptor.NODE_ATTRIBUTE, OnnxModelWriter.floatAttribute("beta", 1f));
            gemm.message(OnnxDescriptor.NODE_ATTRIBUTE, OnnxModelWriter.intAttribute("transB", 1));
            graph.message(OnnxDescriptor.GRAPH_NODE, gemm);
            current = activation(graph, l, k, last, out);
        }
        graph.string(OnnxDescriptor.GRAPH_NAME, "main_graph");
        for (int k = 0; k < layers.size(); k++) {
            final DenseLayer l = layers.get(k);
            graph.message(OnnxDescriptor.GRAPH_INITIALIZER, OnnxModelWriter.tensor("net." + 2 * k + ".weight",
                    new long[]{l.outputs(), l.inputs()}, l.weight()));
            graph.message(OnnxDescriptor.GRAPH_INITIALIZER, OnnxModelWriter.tensor("net." + 2 * k + ".bias",
                    new long[]{l.outputs()}, l.bias()));
        }
        return model(graph, inputName, layers);
    }

    static byte[] matMulAdd(final List<DenseLayer> layers, final String inputName) {
        final ProtoWriter graph = new ProtoWriter();
        graph.message(OnnxDescriptor.GRAPH_NODE, OnnxModelWriter.node("/Flatten", "Flatten",
                new String[]{inputName}, "/Flatten_output_0"));
        String current = "/Flatten_output_0";
        for (int k = 0; k < layers.size(); k++) {
            final DenseLayer l = layers.get(k);
            final String module = "net." + 2 * k;
            final boolean last = k == layers.size() - 1;
            final boolean act = l.activation() != Activation.IDENTITY;
            final String mm = "/net/" + module + "/MatMul_output_0";
            graph.message(OnnxDescriptor.GRAPH_NODE, OnnxModelWriter.node("/net/" + module + "/MatMul", "MatMul",
                    new String[]{current, "onnx::MatMul_" + (100 + k)}, mm));
            final String addOut = last && !act ? "output" : "/net/" + module + "/Add_output_0";
            graph.message(OnnxDescriptor.GRAPH_NODE, OnnxModelWriter.node("/net/" + module + "/Add", "Add",
                    new String[]{module + ".bias", mm}, addOut));
            current = activation(graph, l, k, last, addOut);
        }
        graph.string(OnnxDescriptor.GRAPH_NAME, "main_graph");
        for (int k = 0; k < layers.size(); k++) {
            final DenseLayer l = layers.get(k);
            final float[] t = new float[l.inputs() * l.outputs()];
            for (int o = 0; o < l.outputs(); o++) {
                for (int i = 0; i < l.inputs(); i++) {
                    t[i * l.outputs() + o] = l.weight()[o * l.inputs() + i];
                }
            }
            graph.message(OnnxDescriptor.GRAPH_INITIALIZER, OnnxModelWriter.tensor("onnx::MatMul_" + (100 + k),
                    new long[]{l.inputs(), l.outputs()}, t));
            graph.message(OnnxDescriptor.GRAPH_INITIALIZER, OnnxModelWriter.tensor("net." + 2 * k + ".bias",
                    new long[]{l.outputs()}, l.bias()));
        }
        return model(graph, inputName, layers);
    }

    /**
     * Layer {@code k}'s activation node after its affine output {@code input}, named as torch names module net.(2k+1);
     * none for an identity layer. Returns the name of the layer's output.
     */
    private static String activation(final ProtoWriter graph, final DenseLayer l, final int k, final boolean last,
                                     final String input) {
        if (l.activation() == Activation.IDENTITY) {
            return input;
        }
        final String op = OnnxModelWriter.opName(l.activation());
        final String out = last ? "output" : "/net/net." + (2 * k + 1) + "/" + op + "_output_0";
        graph.message(OnnxDescriptor.GRAPH_NODE, OnnxModelWriter.node("/net/net." + (2 * k + 1) + "/" + op, op,
                new String[]{input}, out));
        return out;
    }

    private static byte[] model(final ProtoWriter graph, final String inputName, final List<DenseLayer> layers) {
        graph.message(OnnxDescriptor.GRAPH_INPUT, OnnxModelWriter.valueInfo(inputName, layers.get(0).inputs()));
        graph.message(OnnxDescriptor.GRAPH_OUTPUT, OnnxModelWriter.valueInfo("output",
                layers.get(layers.size() - 1).outputs()));
        final ProtoWriter m = new ProtoWriter();
        m.varint(OnnxDescriptor.MODEL_IR_VERSION, 8);
        m.string(OnnxDescriptor.MODEL_PRODUCER_NAME, "pytorch");
        m.string(OnnxDescriptor.MODEL_PRODUCER_VERSION, "2.5.1");
        m.message(OnnxDescriptor.MODEL_GRAPH, graph);
        m.message(OnnxDescriptor.MODEL_OPSET_IMPORT, new ProtoWriter().string(OnnxDescriptor.OPSET_DOMAIN, "")
                .varint(OnnxDescriptor.OPSET_VERSION, 17));
        return m.toByteArray();
    }
}
