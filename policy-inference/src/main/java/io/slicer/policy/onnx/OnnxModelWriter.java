package io.slicer.policy.onnx;

import io.slicer.policy.PolicyModel;
import io.slicer.policy.io.ModelCardJson;
import io.slicer.policy.io.TorchLinearLayout;
import io.slicer.policy.kernel.DenseNetwork;
import io.slicer.policy.model.Activation;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import static io.slicer.policy.onnx.OnnxDescriptor.*;

/**
 * Exports a Slicer model as ONNX in the shape {@code torch.onnx.export} gives an {@code nn.Sequential} MLP (Gemm with
 * transB = 1, one activation node per layer), preceded by Sub/Div nodes for the input normalisation so that any ONNX
 * runtime computes what the Slicer kernel computes. The model card rides along in {@code metadata_props}.
 * Byte-deterministic.
 */
public final class OnnxModelWriter {
    public static final String INPUT_NAME = "input";
    public static final String OUTPUT_NAME = "output";
    public static final String MEAN_NAME = "normaliser.mean";
    public static final String SCALE_NAME = "normaliser.scale";

    private OnnxModelWriter() {
    }

    public static byte[] write(final PolicyModel model, final String producerVersion) {
        final DenseNetwork net = model.network();
        final ProtoWriter graph = new ProtoWriter();
        graph.message(GRAPH_NODE, node("/normaliser/Sub", "Sub", new String[]{INPUT_NAME, MEAN_NAME},
                "/normaliser/Sub_output_0"));
        String current = "/normaliser/Div_output_0";
        graph.message(GRAPH_NODE, node("/normaliser/Div", "Div", new String[]{"/normaliser/Sub_output_0", SCALE_NAME},
                current));
        final int last = net.layerCount() - 1;
        for (int k = 0; k <= last; k++) {
            final String module = TorchLinearLayout.moduleName(k);
            final boolean hasActivation = net.activation(k) != Activation.IDENTITY;
            final String gemmOut = k == last && !hasActivation ? OUTPUT_NAME : "/net/" + module + "/Gemm_output_0";
            final ProtoWriter gemm = node("/net/" + module + "/Gemm", "Gemm",
                    new String[]{current, module + TorchLinearLayout.WEIGHT_SUFFIX, module + TorchLinearLayout.BIAS_SUFFIX},
                    gemmOut);
            gemm.message(NODE_ATTRIBUTE, floatAttribute("alpha", 1f));
            gemm.message(NODE_ATTRIBUTE, floatAttribute("beta", 1f));
            gemm.message(NODE_ATTRIBUTE, intAttribute("transB", 1));
            graph.message(GRAPH_NODE, gemm);
            current = gemmOut;
            if (hasActivation) {
                final String op = opName(net.activation(k));
                final String actModule = "net." + (2 * k + 1);
                final String actOut = k == last ? OUTPUT_NAME : "/net/" + actModule + "/" + op + "_output_0";
                graph.message(GRAPH_NODE, node("/net/" + actModule + "/" + op, op, new String[]{current}, actOut));
                current = actOut;
            }
        }
        graph.string(GRAPH_NAME, "slicer_policy");
        graph.message(GRAPH_INITIALIZER, tensor(MEAN_NAME, new long[]{net.inputWidth()}, net.mean()));
        graph.message(GRAPH_INITIALIZER, tensor(SCALE_NAME, new long[]{net.inputWidth()}, net.scale()));
        for (int k = 0; k <= last; k++) {
            final String module = TorchLinearLayout.moduleName(k);
            graph.message(GRAPH_INITIALIZER, tensor(module + TorchLinearLayout.WEIGHT_SUFFIX,
                    new long[]{net.outputs(k), net.inputs(k)}, net.weightRowMajor(k)));
            graph.message(GRAPH_INITIALIZER, tensor(module + TorchLinearLayout.BIAS_SUFFIX,
                    new long[]{net.outputs(k)}, net.bias(k)));
        }
        graph.message(GRAPH_INPUT, valueInfo(INPUT_NAME, net.inputWidth()));
        graph.message(GRAPH_OUTPUT, valueInfo(OUTPUT_NAME, net.outputWidth()));

        final ProtoWriter m = new ProtoWriter();
        m.varint(MODEL_IR_VERSION, IR_VERSION);
        m.string(MODEL_PRODUCER_NAME, "slicer");
        m.string(MODEL_PRODUCER_VERSION, producerVersion);
        m.message(MODEL_GRAPH, graph);
        m.message(MODEL_OPSET_IMPORT, new ProtoWriter().string(OPSET_DOMAIN, "").varint(OPSET_VERSION, OPSET));
        m.message(MODEL_METADATA_PROPS, new ProtoWriter().string(ENTRY_KEY, CARD_METADATA_KEY)
                .string(ENTRY_VALUE, new String(ModelCardJson.write(model.card()), StandardCharsets.UTF_8)));
        return m.toByteArray();
    }

    static String opName(final Activation a) {
        return switch (a) {
            case RELU -> "Relu";
            case TANH -> "Tanh";
            case SIGMOID -> "Sigmoid";
            case IDENTITY -> "Identity";
        };
    }

    static ProtoWriter node(final String name, final String op, final String[] inputs, final String output) {
        final ProtoWriter n = new ProtoWriter();
        for (final String in : inputs) {
            n.string(NODE_INPUT, in);
        }
        n.string(NODE_OUTPUT, output);
        n.string(NODE_NAME, name);
        n.string(NODE_OP_TYPE, op);
        return n;
    }

    static ProtoWriter floatAttribute(final String name, final float value) {
        return new ProtoWriter().string(ATTR_NAME, name).float32(ATTR_F, value).varint(ATTR_TYPE, ATTR_TYPE_FLOAT);
    }

    static ProtoWriter intAttribute(final String name, final long value) {
        return new ProtoWriter().string(ATTR_NAME, name).varint(ATTR_I, value).varint(ATTR_TYPE, ATTR_TYPE_INT);
    }

    static ProtoWriter tensor(final String name, final long[] dims, final float[] values) {
        final ProtoWriter t = new ProtoWriter();
        for (final long d : dims) {
            t.varint(TENSOR_DIMS, d);
        }
        t.varint(TENSOR_DATA_TYPE, DATA_TYPE_FLOAT);
        t.string(TENSOR_NAME, name);
        final ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (final float v : values) {
            raw.putFloat(v);
        }
        t.bytes(TENSOR_RAW_DATA, raw.array());
        return t;
    }

    static ProtoWriter valueInfo(final String name, final int width) {
        final ProtoWriter shape = new ProtoWriter()
                .message(SHAPE_DIM, new ProtoWriter().string(DIM_PARAM, "batch"))
                .message(SHAPE_DIM, new ProtoWriter().varint(DIM_VALUE, width));
        final ProtoWriter tensorType = new ProtoWriter().varint(TENSOR_TYPE_ELEM_TYPE, DATA_TYPE_FLOAT)
                .message(TENSOR_TYPE_SHAPE, shape);
        return new ProtoWriter().string(VALUE_INFO_NAME, name)
                .message(VALUE_INFO_TYPE, new ProtoWriter().message(TYPE_TENSOR, tensorType));
    }
}
