package io.slicer.policy;

import io.slicer.policy.io.LayerSpec;
import io.slicer.policy.io.TorchLinearLayout;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.DenseLayer;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.ModelFormatException;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Everything {@link PolicyModel#of} refuses, with messages that say what was expected, what was found and where. */
final class ModelValidator {
    /**
     * Largest magnitude a training-domain bound, mean or std may have. Slicer's features are ratios, fractions and
     * basis points (single or low double digits); a bound past this is no training statistic but a way to switch the
     * out-of-domain kill switch off.
     */
    static final double MAX_DOMAIN_MAGNITUDE = 1e6;
    /** Largest multiple of the TWAP slice a {@code twap_multiple} action may ask for. */
    static final double MAX_TWAP_MULTIPLE = 10.0;

    private ModelValidator() {
    }

    /**
     * @param source     where the model came from ("model.safetensors", "in-memory model")
     * @param layerNames the module name of each layer, as the tensors are named (net.0, net.2, ... or fc1, fc2)
     */
    static void validate(final String source, final ModelCard card, final List<DenseLayer> layers,
                         final List<String> layerNames) {
        if (card == null) {
            throw new ModelFormatException(source + ": model card is missing");
        }
        if (layers == null || layers.isEmpty()) {
            throw new ModelFormatException(source + ": a policy needs at least one dense layer");
        }
        if (card.featureSchemaId() == null || card.featureSchemaId().isBlank()) {
            throw new ModelFormatException(source + ": model card has no featureSchemaId");
        }
        if (card.provenance() == null) {
            throw new ModelFormatException(source + ": model card has no provenance");
        }
        validateLayers(source, layers, layerNames, card.features().size());
        validateFeatures(source, card);
        validateActionSpace(source, card.actionSpace(), layers.get(layers.size() - 1).outputs());
        validateDomain(source, card);
        if (!card.layers().isEmpty()) {
            if (card.layers().size() != layers.size()) {
                throw new ModelFormatException(source + ": model card lists " + card.layers().size()
                        + " layers, the weights have " + layers.size());
            }
            for (int k = 0; k < layers.size(); k++) {
                final LayerSpec spec = LayerSpec.parse(source, k, card.layers().get(k));
                final DenseLayer l = layers.get(k);
                if (spec.inputs() != l.inputs() || spec.outputs() != l.outputs() || spec.activation() != l.activation()) {
                    throw new ModelFormatException(source + ": model card layers[" + k + "] is '" + spec.text()
                            + "' but the weights are '" + l.describe() + "'");
                }
            }
        }
    }

    private static void validateLayers(final String source, final List<DenseLayer> layers,
                                       final List<String> names, final int featureCount) {
        int expectedIn = featureCount;
        String inFrom = featureCount + " features in the model card";
        for (int k = 0; k < layers.size(); k++) {
            final DenseLayer l = layers.get(k);
            final String name = names.get(k);
            if (l == null || l.weight() == null || l.bias() == null || l.activation() == null) {
                throw new ModelFormatException(source + ": layer " + name + " is incomplete (weight, bias and"
                        + " activation are required)");
            }
            if (l.outputs() <= 0 || l.inputs() != expectedIn) {
                throw new ModelFormatException(source + ": tensor '" + name + ".weight' has shape [" + l.outputs()
                        + ", " + l.inputs() + "], expected [" + Math.max(1, l.outputs()) + ", " + expectedIn
                        + "] (from " + inFrom + ")");
            }
            if (l.weight().length != (long) l.inputs() * l.outputs()) {
                throw new ModelFormatException(source + ": tensor '" + name + ".weight' has " + l.weight().length
                        + " values, expected " + l.outputs() + " x " + l.inputs() + " = "
                        + (long) l.inputs() * l.outputs());
            }
            if (l.bias().length != l.outputs()) {
                throw new ModelFormatException(source + ": tensor '" + name + ".bias' has shape [" + l.bias().length
                        + "], expected [" + l.outputs() + "] (from " + name + " output width)");
            }
            requireFinite(source, name + ".weight", l.weight(), l.inputs());
            requireFinite(source, name + ".bias", l.bias(), 0);
            expectedIn = l.outputs();
            inFrom = name + " output width";
        }
    }

    private static void requireFinite(final String source, final String tensor, final float[] values,
                                      final int columns) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                final String index = columns > 0 ? "[" + i / columns + ", " + i % columns + "]" : "[" + i + "]";
                throw new ModelFormatException(source + ": tensor '" + tensor + "' has " + values[i] + " at index "
                        + index + "; weights must be finite");
            }
        }
    }

    private static void validateFeatures(final String source, final ModelCard card) {
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < card.features().size(); i++) {
            final FeatureSpec f = card.features().get(i);
            if (f.name() == null || f.name().isBlank()) {
                throw new ModelFormatException(source + ": features[" + i + "] has no name");
            }
            if (!seen.add(f.name())) {
                throw new ModelFormatException(source + ": features[" + i + "] '" + f.name() + "' appears twice");
            }
            if (!Float.isFinite(f.mean())) {
                throw new ModelFormatException(source + ": features[" + i + "] '" + f.name() + "' has mean "
                        + f.mean() + ", expected a finite number");
            }
            if (!Float.isFinite(f.scale()) || !(f.scale() > 0f)) {
                throw new ModelFormatException(source + ": features[" + i + "] '" + f.name() + "' has scale "
                        + f.scale() + ", expected a finite number > 0");
            }
        }
    }

    private static void validateActionSpace(final String source, final ActionSpace space, final int outputs) {
        if (space == null) {
            throw new ModelFormatException(source + ": model card has no action space");
        }
        if (space.unit() == null || space.unit().isBlank()) {
            throw new ModelFormatException(source + ": action space has no unit");
        }
        if (space instanceof ActionSpace.Discrete d) {
            if (d.size() != outputs) {
                throw new ModelFormatException(source + ": discrete action space has " + d.size()
                        + " actions but the last layer has " + outputs + " outputs (one Q-value per action)");
            }
            for (int i = 0; i < d.size(); i++) {
                if (!Double.isFinite(d.value(i))) {
                    throw new ModelFormatException(source + ": action " + i + " has value " + d.value(i));
                }
                requireInUnitRange(source, "actionSpace.values[" + i + "]", space.unit(), d.value(i));
            }
        } else if (space instanceof ActionSpace.Continuous c) {
            if (!Double.isFinite(c.low()) || !Double.isFinite(c.high()) || !(c.low() < c.high())) {
                throw new ModelFormatException(source + ": continuous action range [" + c.low() + ", " + c.high()
                        + "] must be finite with low < high");
            }
            if ("participation".equals(space.unit())) {
                // An actor squashed into [-p, p] (the constrained-IQL seed's tanh(mean) * 0.2) asks for a negative
                // rate when it wants to wait: the engine trades nothing then, as the seed's max(0, p * V) does.
                if (!(c.low() >= -1.0 && c.high() <= 1.0 && c.high() > 0)) {
                    throw new ModelFormatException(source + ": continuous participation range [" + c.low() + ", "
                            + c.high() + "] must lie in [-1, 1] with high > 0 (a rate <= 0 trades nothing)");
                }
            } else {
                requireInUnitRange(source, "actionSpace.low", space.unit(), c.low());
                requireInUnitRange(source, "actionSpace.high", space.unit(), c.high());
            }
        }
    }

    /**
     * An action must mean something the engine can do: a participation rate or a fraction of what remains is in
     * [0, 1], a multiple of the TWAP slice in [0, {@value #MAX_TWAP_MULTIPLE}]. Other units are the engine's to refuse.
     */
    private static void requireInUnitRange(final String source, final String at, final String unit,
                                           final double value) {
        final double high = switch (unit) {
            case "participation", "fraction_of_remaining" -> 1.0;
            case "twap_multiple" -> MAX_TWAP_MULTIPLE;
            default -> Double.NaN;
        };
        if (!Double.isNaN(high) && !(value >= 0 && value <= high)) {
            throw new ModelFormatException(source + ": " + at + " is " + value + ", outside [0, " + high
                    + "] for unit '" + unit + "'");
        }
    }

    private static void validateDomain(final String source, final ModelCard card) {
        final List<FeatureDomain> domain = card.trainingDomain();
        if (domain.isEmpty()) {
            return;
        }
        if (domain.size() != card.features().size()) {
            throw new ModelFormatException(source + ": trainingDomain has " + domain.size() + " entries, expected "
                    + card.features().size() + " (one per feature)");
        }
        for (int i = 0; i < domain.size(); i++) {
            final FeatureDomain d = domain.get(i);
            final String expected = card.features().get(i).name();
            if (!expected.equals(d.name())) {
                throw new ModelFormatException(source + ": trainingDomain[" + i + "] is '" + d.name()
                        + "', expected '" + expected + "' (same order as features)");
            }
            if (!Double.isFinite(d.min()) || !Double.isFinite(d.max()) || !Double.isFinite(d.mean())
                    || !Double.isFinite(d.std()) || d.min() > d.max() || d.std() < 0) {
                throw new ModelFormatException(source + ": trainingDomain[" + i + "] '" + d.name() + "' is " + d
                        + ", expected finite values with min <= max and std >= 0");
            }
            if (Math.max(Math.max(Math.abs(d.min()), Math.abs(d.max())), Math.max(Math.abs(d.mean()), d.std()))
                    > MAX_DOMAIN_MAGNITUDE) {
                throw new ModelFormatException(source + ": trainingDomain[" + i + "] '" + d.name() + "' is [" + d.min()
                        + ", " + d.max() + "] (mean " + d.mean() + ", std " + d.std() + "), beyond the plausible "
                        + MAX_DOMAIN_MAGNITUDE + " in magnitude: such a domain would switch the out-of-domain check off");
            }
        }
    }

    static List<String> defaultNames(final int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(TorchLinearLayout::moduleName).toList();
    }
}
