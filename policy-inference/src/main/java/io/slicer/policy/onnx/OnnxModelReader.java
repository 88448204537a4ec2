package io.slicer.policy.onnx;

import io.slicer.policy.io.Tensor;
import io.slicer.policy.model.Activation;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.ModelFormatException;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.slicer.policy.onnx.OnnxDescriptor.*;

/**
 * Reads the MLP graphs {@code torch.onnx.export} produces: a chain from the one graph input to the one graph output
 * through Gemm (transB 0 or 1) or MatMul + Add, activations Relu / Tanh / Sigmoid, pass-through Flatten and Identity,
 * and optionally a leading Sub / Div normalisation (as Slicer exports). Initializers must be float32, as raw_data or
 * float_data. Anything else is refused with the file, node and tensor named.
 */
public final class OnnxModelReader {

    private OnnxModelReader() {
    }

    private record Node(String name, String op, List<String> inputs, List<String> outputs, Map<String, Attr> attrs) {
        String label() {
            return "node '" + name + "' (" + op + ")";
        }
    }

    private record Attr(int type, float f, long i) {
    }

    private static final class Parsed {
        final List<Node> nodes = new ArrayList<>();
        final Map<String, Tensor> initializers = new LinkedHashMap<>();
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        String card;
        final java.util.TreeMap<String, String> metadata = new java.util.TreeMap<>();
    }

    public static OnnxGraph read(final String source, final byte[] bytes) {
        final Parsed parsed;
        try {
            parsed = parseModel(source, bytes);
        } catch (final ProtoException e) {
            throw new ModelFormatException(source + ": not a readable ONNX file: " + e.getMessage());
        }
        return new Walk(source, parsed).run();
    }

    private static Parsed parseModel(final String source, final byte[] bytes) {
        final Parsed p = new Parsed();
        final ProtoReader r = new ProtoReader(bytes);
        boolean sawGraph = false;
        for (int f = r.next(); f != -1; f = r.next()) {
            if (f == MODEL_GRAPH) {
                parseGraph(source, r.message(), p);
                sawGraph = true;
            } else if (f == MODEL_METADATA_PROPS) {
                final ProtoReader e = r.message();
                String key = null;
                String value = null;
                for (int g = e.next(); g != -1; g = e.next()) {
                    if (g == ENTRY_KEY) {
                        key = e.string();
                    } else if (g == ENTRY_VALUE) {
                        value = e.string();
                    } else {
                        e.skip();
                    }
                }
                if (CARD_METADATA_KEY.equals(key)) {
                    p.card = value;
                } else if (key != null && value != null) {
                    p.metadata.put(key, value);
                }
            } else {
                r.skip();
            }
        }
        if (!sawGraph) {
            throw new ModelFormatException(source + ": ONNX model has no graph (empty, truncated or not ONNX)");
        }
        return p;
    }

    private static void parseGraph(final String source, final ProtoReader g, final Parsed p) {
        for (int f = g.next(); f != -1; f = g.next()) {
            switch (f) {
                case GRAPH_NODE -> p.nodes.add(parseNode(g.message(), p.nodes.size()));
                case GRAPH_INITIALIZER -> {
                    final Tensor t = parseTensor(source, g.message());
                    p.initializers.put(t.name(), t);
                }
                case GRAPH_INPUT -> p.inputs.add(valueInfoName(g.message()));
                case GRAPH_OUTPUT -> p.outputs.add(valueInfoName(g.message()));
                default -> g.skip();
            }
        }
    }

    private static String valueInfoName(final ProtoReader v) {
        String name = "";
        for (int f = v.next(); f != -1; f = v.next()) {
            if (f == VALUE_INFO_NAME) {
                name = v.string();
            } else {
                v.skip();
            }
        }
        return name;
    }

    private static Node parseNode(final ProtoReader n, final int index) {
        final List<String> inputs = new ArrayList<>();
        final List<String> outputs = new ArrayList<>();
        final Map<String, Attr> attrs = new HashMap<>();
        String name = "";
        String op = "";
        for (int f = n.next(); f != -1; f = n.next()) {
            switch (f) {
                case NODE_INPUT -> inputs.add(n.string());
                case NODE_OUTPUT -> outputs.add(n.string());
                case NODE_NAME -> name = n.string();
                case NODE_OP_TYPE -> op = n.string();
                case NODE_ATTRIBUTE -> {
                    final ProtoReader a = n.message();
                    String attrName = "";
                    int type = 0;
                    float fv = 0f;
                    long iv = 0;
                    for (int g = a.next(); g != -1; g = a.next()) {
                        switch (g) {
                            case ATTR_NAME -> attrName = a.string();
                            case ATTR_F -> fv = a.fixed32Float();
                            case ATTR_I -> iv = a.varintField();
                            case ATTR_TYPE -> type = (int) a.varintField();
                            default -> a.skip();
                        }
                    }
                    attrs.put(attrName, new Attr(type, fv, iv));
                }
                default -> n.skip();
            }
        }
        return new Node(name.isEmpty() ? "#" + index : name, op, inputs, outputs, attrs);
    }

    private static Tensor parseTensor(final String source, final ProtoReader t) {
        final List<Long> dims = new ArrayList<>();
        int dataType = 0;
        String name = "";
        byte[] raw = null;
        final ProtoReader.FloatList floatData = new ProtoReader.FloatList();
        boolean external = false;
        for (int f = t.next(); f != -1; f = t.next()) {
            switch (f) {
                case TENSOR_DIMS -> t.int64s(dims);
                case TENSOR_DATA_TYPE -> dataType = (int) t.varintField();
                case TENSOR_NAME -> name = t.string();
                case TENSOR_RAW_DATA -> raw = t.bytes();
                case TENSOR_FLOAT_DATA -> t.floats(floatData);
                case TENSOR_EXTERNAL_DATA -> {
                    external = true;
                    t.skip();
                }
                case TENSOR_DATA_LOCATION -> external |= t.varintField() == 1;
                default -> t.skip();
            }
        }
        final String where = source + ": initializer '" + name + "'";
        if (dataType != DATA_TYPE_FLOAT) {
            throw new ModelFormatException(where + " has data type " + dataTypeName(dataType)
                    + ", only FLOAT (float32) is supported; export the model with .float()");
        }
        if (external) {
            throw new ModelFormatException(where + " keeps its data in an external file; export with the weights"
                    + " inside the .onnx file");
        }
        final long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        for (final long d : shape) {
            if (d < 0) {
                throw new ModelFormatException(where + " has negative dimension in " + dims);
            }
        }
        final long count = Tensor.elementCount(shape);
        final float[] values;
        if (raw != null) {
            if (raw.length != count * 4) {
                throw new ModelFormatException(where + " has shape " + dims + " (" + count + " floats = "
                        + count * 4 + " bytes) but raw_data holds " + raw.length + " bytes");
            }
            values = new float[(int) count];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        } else {
            if (floatData.size() != count) {
                throw new ModelFormatException(where + " has shape " + dims + " (" + count
                        + " floats) but float_data holds " + floatData.size());
            }
            values = floatData.toArray();
        }
        return new Tensor(name, shape, values);
    }

    /** Follows the chain from the graph input to the graph output, turning nodes into layers. */
    private static final class Walk {
        private final String source;
        private final Parsed p;
        private final Map<String, List<Node>> consumers = new HashMap<>();
        private final Set<Node> visited = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        private final List<float[]> weights = new ArrayList<>();
        private final List<float[]> biases = new ArrayList<>();
        private final List<int[]> shapes = new ArrayList<>();
        private final List<Activation> activations = new ArrayList<>();
        private final List<String> names = new ArrayList<>();
        private float[] mean;
        private float[] scale;

        Walk(final String source, final Parsed p) {
            this.source = source;
            this.p = p;
            for (final Node n : p.nodes) {
                for (final String in : new java.util.LinkedHashSet<>(n.inputs())) {
                    consumers.computeIfAbsent(in, k -> new ArrayList<>()).add(n);
                }
            }
        }

        OnnxGraph run() {
            final List<String> realInputs = p.inputs.stream().filter(n -> !p.initializers.containsKey(n)).toList();
            if (realInputs.size() != 1) {
                throw new ModelFormatException(source + ": graph has " + realInputs.size() + " inputs " + realInputs
                        + ", expected exactly one (the feature vector)");
            }
            if (p.outputs.size() != 1) {
                throw new ModelFormatException(source + ": graph has " + p.outputs.size() + " outputs " + p.outputs
                        + ", expected exactly one (Q-values or actor mean)");
            }
            String current = realInputs.get(0);
            while (true) {
                final List<Node> next = consumers.getOrDefault(current, List.of());
                if (next.isEmpty()) {
                    break;
                }
                if (next.size() > 1) {
                    throw new ModelFormatException(source + ": tensor '" + current + "' feeds " + next.size()
                            + " nodes; only a chain of layers (an MLP) is supported");
                }
                final Node node = next.get(0);
                if (!visited.add(node)) {
                    throw new ModelFormatException(source + ": graph has a cycle at " + node.label());
                }
                current = step(node, current);
            }
            if (!current.equals(p.outputs.get(0))) {
                throw new ModelFormatException(source + ": the chain from the input ends at '" + current
                        + "', not at the graph output '" + p.outputs.get(0) + "'");
            }
            for (final Node n : p.nodes) {
                if (!visited.contains(n)) {
                    throw new ModelFormatException(source + ": " + n.label()
                            + " is not on the path from input to output; only a chain of layers is supported");
                }
            }
            if (weights.isEmpty()) {
                throw new ModelFormatException(source + ": graph has no Gemm or MatMul layer");
            }
            final List<DenseLayer> layers = new ArrayList<>();
            for (int k = 0; k < weights.size(); k++) {
                layers.add(new DenseLayer(shapes.get(k)[1], shapes.get(k)[0], activations.get(k), weights.get(k),
                        biases.get(k)));
            }
            return new OnnxGraph(List.copyOf(layers), List.copyOf(names), mean, scale, p.card,
                    java.util.Collections.unmodifiableMap(p.metadata));
        }

        private String step(final Node node, final String current) {
            if (node.outputs().size() != 1) {
                throw new ModelFormatException(source + ": " + node.label() + " has " + node.outputs().size()
                        + " outputs, expected 1");
            }
            final String out = node.outputs().get(0);
            switch (node.op()) {
                case "Gemm" -> gemm(node, current);
                case "MatMul" -> {
                    return matMul(node, current);
                }
                case "Relu" -> activation(node, Activation.RELU);
                case "Tanh" -> activation(node, Activation.TANH);
                case "Sigmoid" -> activation(node, Activation.SIGMOID);
                case "Flatten", "Identity" -> requireSingleInput(node);
                case "Sub" -> normaliser(node, current, true);
                case "Div" -> normaliser(node, current, false);
                default -> throw new ModelFormatException(source + ": " + node.label() + " is an unsupported operator;"
                        + " supported: Gemm, MatMul, Add, Relu, Tanh, Sigmoid, Flatten, Identity (and a leading"
                        + " Sub/Div normalisation)");
            }
            return out;
        }

        private void requireSingleInput(final Node node) {
            if (node.inputs().size() != 1) {
                throw new ModelFormatException(source + ": " + node.label() + " has " + node.inputs().size()
                        + " inputs, expected 1");
            }
        }

        private void gemm(final Node node, final String current) {
            if (node.inputs().size() < 2 || !node.inputs().get(0).equals(current)) {
                throw new ModelFormatException(source + ": " + node.label()
                        + " must take the running activation as its first input A");
            }
            requireAttr(node, "transA", 0, 0f);
            requireAttr(node, "alpha", 0, 1f);
            final long transB = intAttr(node, "transB", 0);
            final Tensor b = initializer(node, node.inputs().get(1));
            final Tensor c = node.inputs().size() > 2 && !node.inputs().get(2).isEmpty()
                    ? initializer(node, node.inputs().get(2)) : null;
            if (c != null) {
                requireAttr(node, "beta", 0, 1f);
            }
            if (b.rank() != 2) {
                throw new ModelFormatException(source + ": initializer '" + b.name() + "' has shape " + b.shapeText()
                        + ", expected a matrix");
            }
            addDense(node, b, transB == 1, c);
        }

        private String matMul(final Node node, final String current) {
            if (node.inputs().size() != 2 || !node.inputs().get(0).equals(current)) {
                throw new ModelFormatException(source + ": " + node.label()
                        + " must multiply the running activation (first input) by a weight initializer");
            }
            final Tensor w = initializer(node, node.inputs().get(1));
            if (w.rank() != 2) {
                throw new ModelFormatException(source + ": initializer '" + w.name() + "' has shape " + w.shapeText()
                        + ", expected [in, out]");
            }
            final String out = node.outputs().get(0);
            final List<Node> after = consumers.getOrDefault(out, List.of());
            Tensor bias = null;
            String result = out;
            if (after.size() == 1 && after.get(0).op().equals("Add")) {
                final Node add = after.get(0);
                if (add.inputs().size() != 2 || add.outputs().size() != 1) {
                    throw new ModelFormatException(source + ": " + add.label() + " must add a bias to '" + out + "'");
                }
                final String other = add.inputs().get(0).equals(out) ? add.inputs().get(1) : add.inputs().get(0);
                bias = initializer(add, other);
                visited.add(add);
                result = add.outputs().get(0);
            }
            addDense(node, w, false, bias);
            return result;
        }

        private void addDense(final Node node, final Tensor w, final boolean outByIn, final Tensor bias) {
            final int out = (int) (outByIn ? w.dim(0) : w.dim(1));
            final int in = (int) (outByIn ? w.dim(1) : w.dim(0));
            final int expectedIn = weights.isEmpty()
                    ? (mean != null ? mean.length : scale != null ? scale.length : in)
                    : shapes.get(shapes.size() - 1)[0];
            if (in != expectedIn) {
                final String from = weights.isEmpty() ? "normaliser width" : names.get(names.size() - 1) + " output width";
                throw new ModelFormatException(source + ": initializer '" + w.name() + "' has shape " + w.shapeText()
                        + " (" + in + " inputs), expected " + expectedIn + " inputs (from " + from + ")");
            }
            requireFinite(w);
            final float[] rowMajor;
            if (outByIn) {
                rowMajor = w.values();
            } else {
                rowMajor = new float[in * out];
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < out; o++) {
                        rowMajor[o * in + i] = w.values()[i * out + o];
                    }
                }
            }
            final float[] b = new float[out];
            if (bias != null) {
                final boolean vector = bias.rank() == 1 && bias.dim(0) == out;
                final boolean row = bias.rank() == 2 && bias.dim(0) == 1 && bias.dim(1) == out;
                if (!vector && !row) {
                    throw new ModelFormatException(source + ": initializer '" + bias.name() + "' has shape "
                            + bias.shapeText() + ", expected [" + out + "] (from '" + w.name() + "' output width)");
                }
                requireFinite(bias);
                System.arraycopy(bias.values(), 0, b, 0, out);
            }
            weights.add(rowMajor);
            biases.add(b);
            shapes.add(new int[]{out, in});
            activations.add(Activation.IDENTITY);
            names.add(w.name());
        }

        private void activation(final Node node, final Activation a) {
            requireSingleInput(node);
            if (weights.isEmpty() || activations.get(activations.size() - 1) != Activation.IDENTITY) {
                throw new ModelFormatException(source + ": " + node.label() + " must directly follow a Gemm or"
                        + " MatMul layer (one activation per layer)");
            }
            activations.set(activations.size() - 1, a);
        }

        private void normaliser(final Node node, final String current, final boolean sub) {
            if (!weights.isEmpty() || node.inputs().size() != 2 || !node.inputs().get(0).equals(current)
                    || (sub && (mean != null || scale != null)) || (!sub && scale != null)) {
                throw new ModelFormatException(source + ": " + node.label() + " is only supported as the input"
                        + " normalisation (Sub mean, then Div scale) before the first layer");
            }
            final Tensor t = initializer(node, node.inputs().get(1));
            requireFinite(t);
            if (sub) {
                mean = t.values();
            } else {
                for (int i = 0; i < t.values().length; i++) {
                    if (!(t.values()[i] > 0f)) {
                        throw new ModelFormatException(source + ": initializer '" + t.name() + "' has "
                                + t.values()[i] + " at index " + t.indexText(i) + "; a scale must be > 0");
                    }
                }
                scale = t.values();
                if (mean != null && mean.length != scale.length) {
                    throw new ModelFormatException(source + ": initializer '" + t.name() + "' has " + scale.length
                            + " values but the mean has " + mean.length);
                }
            }
        }

        private Tensor initializer(final Node node, final String name) {
            final Tensor t = p.initializers.get(name);
            if (t == null) {
                throw new ModelFormatException(source + ": " + node.label() + " input '" + name
                        + "' is not an initializer; weights must be stored as float32 initializers");
            }
            return t;
        }

        private void requireFinite(final Tensor t) {
            final float[] v = t.values();
            for (int i = 0; i < v.length; i++) {
                if (!Float.isFinite(v[i])) {
                    throw new ModelFormatException(source + ": initializer '" + t.name() + "' has " + v[i]
                            + " at index " + t.indexText(i) + "; weights must be finite");
                }
            }
        }

        private static long intAttr(final Node node, final String name, final long dflt) {
            final Attr a = node.attrs().get(name);
            return a == null ? dflt : a.i();
        }

        private void requireAttr(final Node node, final String name, final long intValue, final float floatValue) {
            final Attr a = node.attrs().get(name);
            if (a == null) {
                return;
            }
            final boolean ok = a.type() == ATTR_TYPE_FLOAT ? a.f() == floatValue : a.i() == intValue;
            if (!ok) {
                throw new ModelFormatException(source + ": " + node.label() + " has " + name + " = "
                        + (a.type() == ATTR_TYPE_FLOAT ? a.f() : a.i()) + ", only "
                        + (a.type() == ATTR_TYPE_FLOAT ? floatValue : intValue) + " is supported");
            }
        }
    }
}
