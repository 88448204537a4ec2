package io.slicer.policy.onnx;

/**
 * The subset of the ONNX protobuf schema (onnx/onnx.proto) Slicer reads and writes, as field numbers. An MLP as
 * {@code torch.onnx.export} writes it, and as Slicer exports it:
 *
 * <pre>
 *   ModelProto
 *     ir_version (1) = 8, producer_name (2), producer_version (3), opset_import (8) = { domain "", version 17 },
 *     metadata_props (14) = { "slicer.model_card": model.json text }        (Slicer exports only)
 *                           { "slicer.features": "a,b,c" }, { "slicer.action_space": "discrete:UNIT:v1,v2" }
 *                                                                        (a desk's exporter, read on import)
 *     graph (7) = GraphProto
 *       input (11)       "input" float [batch, IN]
 *       initializer (5)  TensorProto { dims (1), data_type (2) = FLOAT, name (8), raw_data (9) little-endian }
 *       node (1)         NodeProto { input (1), output (2), name (3), op_type (4), attribute (5) }
 *         Sub(input, normaliser.mean) -> Div(., normaliser.scale)                   (Slicer exports only)
 *         Gemm(x, net.0.weight [OUT, IN], net.0.bias [OUT]; transB = 1) -> Relu -> Gemm(...) -> ...
 *         or MatMul(x, W^T [IN, OUT]) -> Add(., bias)                                 (other exporters)
 *       output (12)      "output" float [batch, OUT]
 * </pre>
 */
public final class OnnxDescriptor {
    public static final int MODEL_IR_VERSION = 1;
    public static final int MODEL_PRODUCER_NAME = 2;
    public static final int MODEL_PRODUCER_VERSION = 3;
    public static final int MODEL_GRAPH = 7;
    public static final int MODEL_OPSET_IMPORT = 8;
    public static final int MODEL_METADATA_PROPS = 14;

    public static final int OPSET_DOMAIN = 1;
    public static final int OPSET_VERSION = 2;

    public static final int ENTRY_KEY = 1;
    public static final int ENTRY_VALUE = 2;

    public static final int GRAPH_NODE = 1;
    public static final int GRAPH_NAME = 2;
    public static final int GRAPH_INITIALIZER = 5;
    public static final int GRAPH_INPUT = 11;
    public static final int GRAPH_OUTPUT = 12;

    public static final int NODE_INPUT = 1;
    public static final int NODE_OUTPUT = 2;
    public static final int NODE_NAME = 3;
    public static final int NODE_OP_TYPE = 4;
    public static final int NODE_ATTRIBUTE = 5;

    public static final int ATTR_NAME = 1;
    public static final int ATTR_F = 2;
    public static final int ATTR_I = 3;
    public static final int ATTR_TYPE = 20;
    public static final int ATTR_TYPE_FLOAT = 1;
    public static final int ATTR_TYPE_INT = 2;

    public static final int TENSOR_DIMS = 1;
    public static final int TENSOR_DATA_TYPE = 2;
    public static final int TENSOR_FLOAT_DATA = 4;
    public static final int TENSOR_NAME = 8;
    public static final int TENSOR_RAW_DATA = 9;
    public static final int TENSOR_EXTERNAL_DATA = 13;
    public static final int TENSOR_DATA_LOCATION = 14;
    /** TensorProto.DataType FLOAT: the only element type Slicer reads. */
    public static final int DATA_TYPE_FLOAT = 1;

    public static final int VALUE_INFO_NAME = 1;
    public static final int VALUE_INFO_TYPE = 2;
    public static final int TYPE_TENSOR = 1;
    public static final int TENSOR_TYPE_ELEM_TYPE = 1;
    public static final int TENSOR_TYPE_SHAPE = 2;
    public static final int SHAPE_DIM = 1;
    public static final int DIM_VALUE = 1;
    public static final int DIM_PARAM = 2;

    /** IR version 8 goes with opset 17, what torch.onnx.export writes by default. */
    public static final long IR_VERSION = 8;
    public static final long OPSET = 17;
    /** metadata_props key under which Slicer embeds the model card. */
    public static final String CARD_METADATA_KEY = "slicer.model_card";
    /**
     * metadata_props key a desk's exporter may set: the ordered feature names, comma-separated
     * ({@code inventory_remaining,mid,...}); read by the import when no card or option names them.
     */
    public static final String FEATURES_METADATA_KEY = "slicer.features";
    /** metadata_props key for the action space, spelt as {@link io.slicer.policy.model.ActionSpace#parse} reads it. */
    public static final String ACTION_SPACE_METADATA_KEY = "slicer.action_space";

    private OnnxDescriptor() {
    }

    /** TensorProto.DataType names, for error messages. */
    public static String dataTypeName(final int type) {
        final String[] names = {"UNDEFINED", "FLOAT", "UINT8", "INT8", "UINT16", "INT16", "INT32", "INT64", "STRING",
                "BOOL", "FLOAT16", "DOUBLE", "UINT32", "UINT64", "COMPLEX64", "COMPLEX128", "BFLOAT16"};
        return type >= 0 && type < names.length ? names[type] : "type " + type;
    }
}
