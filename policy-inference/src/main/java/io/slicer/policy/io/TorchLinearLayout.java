package io.slicer.policy.io;

import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.ModelFormatException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Maps dense layers to tensors the way PyTorch names them. Slicer writes {@code nn.Sequential} names: layer k is
 * module {@code net.(2k)} (a Linear followed by its activation module), with {@code net.(2k).weight} [out, in] and
 * {@code net.(2k).bias} [out]. On reading any prefix is accepted ({@code fc1}, {@code actor.0}, ...): layers are the
 * prefixes of the {@code .weight} tensors in natural order (numbers compared as numbers, so net.10 follows net.2),
 * unless the card names them ({@code modules}: then only those, in that order, and other tensors are ignored). A
 * layer without a {@code .bias} tensor is a bias-free {@code nn.Linear(bias=False)}: its bias is zero.
 */
public final class TorchLinearLayout {
    public static final String WEIGHT_SUFFIX = ".weight";
    public static final String BIAS_SUFFIX = ".bias";

    private TorchLinearLayout() {
    }

    /** The module name Slicer gives layer {@code index}. */
    public static String moduleName(final int index) {
        return "net." + (2 * index);
    }

    public static List<Tensor> toTensors(final List<DenseLayer> layers) {
        final List<Tensor> tensors = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            final DenseLayer layer = layers.get(k);
            tensors.add(new Tensor(moduleName(k) + WEIGHT_SUFFIX, new long[]{layer.outputs(), layer.inputs()},
                    layer.weight()));
            tensors.add(new Tensor(moduleName(k) + BIAS_SUFFIX, new long[]{layer.outputs()}, layer.bias()));
        }
        return tensors;
    }

    /** The module prefixes of a tensor file in layer order. */
    public static List<String> modulePrefixes(final String source, final Map<String, Tensor> tensors) {
        final TreeMap<String, String> ordered = new TreeMap<>(TorchLinearLayout::compareNatural);
        for (final String name : tensors.keySet()) {
            if (name.endsWith(WEIGHT_SUFFIX)) {
                final String prefix = name.substring(0, name.length() - WEIGHT_SUFFIX.length());
                ordered.put(prefix, prefix);
            } else if (!name.endsWith(BIAS_SUFFIX)) {
                throw new ModelFormatException(source + ": tensor '" + name
                        + "' is neither a .weight nor a .bias of a linear layer");
            }
        }
        for (final String name : tensors.keySet()) {
            if (name.endsWith(BIAS_SUFFIX)) {
                final String prefix = name.substring(0, name.length() - BIAS_SUFFIX.length());
                if (!ordered.containsKey(prefix)) {
                    throw new ModelFormatException(source + ": tensor '" + name + "' has no matching '" + prefix
                            + WEIGHT_SUFFIX + "'");
                }
            }
        }
        return new ArrayList<>(ordered.keySet());
    }

    /**
     * The layers' module prefixes: the card's {@code modules} when it names them (each must have a {@code .weight}
     * tensor in the file), else {@link #modulePrefixes}.
     */
    public static List<String> modulePrefixes(final String source, final Map<String, Tensor> tensors,
                                              final List<String> modules) {
        if (modules.isEmpty()) {
            return modulePrefixes(source, tensors);
        }
        for (final String m : modules) {
            if (!tensors.containsKey(m + WEIGHT_SUFFIX)) {
                throw new ModelFormatException(source + ": model card modules name '" + m + "' but the file has no"
                        + " tensor '" + m + WEIGHT_SUFFIX + "' (tensors: " + new TreeMap<>(tensors).keySet() + ")");
            }
        }
        return modules;
    }

    /**
     * Builds the layers the card describes from the file's tensors, checking every shape against the card and against
     * the previous layer's width.
     *
     * @param featureCount number of features in the card: the first layer's input width
     */
    public static List<DenseLayer> toLayers(final String source, final Map<String, Tensor> tensors,
                                            final List<LayerSpec> specs, final int featureCount) {
        return toLayers(source, tensors, specs, featureCount, List.of());
    }

    /** {@link #toLayers(String, Map, List, int)} with the card's {@code modules} (empty: every weight tensor). */
    public static List<DenseLayer> toLayers(final String source, final Map<String, Tensor> tensors,
                                            final List<LayerSpec> specs, final int featureCount,
                                            final List<String> modules) {
        final List<String> prefixes = modulePrefixes(source, tensors, modules);
        if (prefixes.size() != specs.size()) {
            throw new ModelFormatException(source + ": model card lists " + specs.size() + " layers but the file has "
                    + prefixes.size() + " weight tensors " + prefixes);
        }
        final List<DenseLayer> layers = new ArrayList<>(specs.size());
        int expectedIn = featureCount;
        String inFrom = featureCount + " features in the model card";
        for (int k = 0; k < specs.size(); k++) {
            final LayerSpec spec = specs.get(k);
            final String prefix = prefixes.get(k);
            final Tensor w = tensors.get(prefix + WEIGHT_SUFFIX);
            if (w.rank() != 2 || w.dim(1) != expectedIn || w.dim(0) != spec.outputs()) {
                throw new ModelFormatException(source + ": tensor '" + w.name() + "' has shape " + w.shapeText()
                        + ", expected [" + spec.outputs() + ", " + expectedIn + "] (out from model card layers[" + k
                        + "], in from " + inFrom + ")");
            }
            if (spec.inputs() != expectedIn) {
                throw new ModelFormatException(source + ": model card layers[" + k + "] '" + spec.text()
                        + "' takes " + spec.inputs() + " inputs, expected " + expectedIn + " (from " + inFrom + ")");
            }
            final Tensor b = tensors.get(prefix + BIAS_SUFFIX);
            if (b != null && (b.rank() != 1 || b.dim(0) != spec.outputs())) {
                throw new ModelFormatException(source + ": tensor '" + b.name() + "' has shape " + b.shapeText()
                        + ", expected [" + spec.outputs() + "] (from '" + w.name() + "' output width)");
            }
            // nn.Linear(bias=False) saves no bias tensor: y = W x, the same as a zero bias.
            final float[] bias = b != null ? b.values() : new float[spec.outputs()];
            layers.add(new DenseLayer(spec.inputs(), spec.outputs(), spec.activation(), w.values(), bias));
            expectedIn = spec.outputs();
            inFrom = prefix + " output width";
        }
        return layers;
    }

    /** Orders "net.2" before "net.10": runs of digits compare as numbers. */
    static int compareNatural(final String a, final String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            final char ca = a.charAt(i);
            final char cb = b.charAt(j);
            if (Character.isDigit(ca) && Character.isDigit(cb)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                final int c = new java.math.BigInteger(a.substring(i, ei)).compareTo(new java.math.BigInteger(b.substring(j, ej)));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (ca != cb) {
                    return Character.compare(ca, cb);
                }
                i++;
                j++;
            }
        }
        final int c = Integer.compare(a.length() - i, b.length() - j);
        return c != 0 ? c : a.compareTo(b);
    }
}
