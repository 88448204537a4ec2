package io.slicer.policy.onnx;

import io.slicer.policy.PolicyModel;
import io.slicer.policy.io.ModelCardJson;
import io.slicer.policy.model.ActionSpace;
import io.slicer.policy.model.FeatureDomain;
import io.slicer.policy.model.FeatureSpec;
import io.slicer.policy.model.ModelCard;
import io.slicer.policy.model.ModelFormatException;
import io.slicer.policy.model.Provenance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns an ONNX MLP into a Slicer model. An ONNX file carries no feature schema or action space, so they come from
 * explicit options (which win), a card (given, or the one Slicer embeds when it exports), or the file's own
 * {@code metadata_props} ({@link OnnxDescriptor#FEATURES_METADATA_KEY}, {@link OnnxDescriptor#ACTION_SPACE_METADATA_KEY}).
 *
 * <p>Normalisation: the graph's Sub/Div nodes when present; otherwise identity, unless the options ask for the card's
 * ({@link Normalisation#CARD}) or the card's normalisation belongs to these weights. A normalisation belongs to the
 * weights it was fitted with, and a card pins those by {@code weightsSha256}: a card that normalises is taken with
 * other weights only when asked, and never with another feature count. That refuses the silent mistake of putting
 * one trainer's normalisation in front of another trainer's network (a DQN card on a torch net).
 */
public final class OnnxImport {

    /** Where the imported model's input normalisation comes from when the graph has none. */
    public enum Normalisation {
        /** The card's, if it was fitted with these weights (its weightsSha256); identity if the card has none. */
        AUTO,
        /** Identity (mean 0, scale 1), whatever the card says. */
        IDENTITY,
        /** The card's, on the caller's word, even if the card pins other weights (same feature count only). */
        CARD
    }

    /**
     * @param card          a model card to take the schema, action space, provenance and domain from, or null
     * @param schemaId      overrides the card's feature schema id, or null
     * @param featureNames  overrides the card's feature names, or null
     * @param actionSpace   overrides the card's action space, or null
     * @param normalisation where the normalisation comes from when the graph has none
     */
    public record Options(ModelCard card, String schemaId, List<String> featureNames, ActionSpace actionSpace,
                          Normalisation normalisation) {
        public Options {
            normalisation = normalisation == null ? Normalisation.AUTO : normalisation;
        }

        public Options(final ModelCard card, final String schemaId, final List<String> featureNames,
                       final ActionSpace actionSpace) {
            this(card, schemaId, featureNames, actionSpace, Normalisation.AUTO);
        }
    }

    private OnnxImport() {
    }

    public static PolicyModel toModel(final String source, final byte[] onnx, final Options options) {
        final OnnxGraph graph = OnnxModelReader.read(source, onnx);
        ModelCard base = options.card();
        final boolean embedded = base == null && graph.embeddedCard() != null;
        if (embedded) {
            base = ModelCardJson.read(source + " (embedded model card)",
                    graph.embeddedCard().getBytes(StandardCharsets.UTF_8));
        }
        final String schemaId = options.schemaId() != null ? options.schemaId()
                : base != null ? base.featureSchemaId() : null;
        if (schemaId == null) {
            throw new ModelFormatException(source + ": no feature schema id: give a model card or a schema id");
        }
        final String metaAction = graph.metadata().get(OnnxDescriptor.ACTION_SPACE_METADATA_KEY);
        final ActionSpace actionSpace = options.actionSpace() != null ? options.actionSpace()
                : base != null ? base.actionSpace()
                : metaAction != null ? metadataActionSpace(source, metaAction) : null;
        if (actionSpace == null) {
            throw new ModelFormatException(source + ": an ONNX file has no action space: give a model card, an"
                    + " action space, or metadata_props '" + OnnxDescriptor.ACTION_SPACE_METADATA_KEY + "'");
        }
        final String metaFeatures = graph.metadata().get(OnnxDescriptor.FEATURES_METADATA_KEY);
        final List<String> names = options.featureNames() != null ? options.featureNames()
                : base != null ? base.featureNames()
                : metaFeatures != null ? List.of(metaFeatures.split(",", -1)) : null;
        if (names == null) {
            throw new ModelFormatException(source + ": an ONNX file has no feature names: give a model card, the"
                    + " ordered feature names, or metadata_props '" + OnnxDescriptor.FEATURES_METADATA_KEY + "'");
        }
        final int width = graph.inputWidth();
        if (names.size() != width) {
            throw new ModelFormatException(source + ": " + names.size() + " feature names " + names
                    + " given, but initializer '" + graph.layerNames().get(0) + "' takes " + width + " inputs");
        }
        final boolean graphNormalises = graph.mean() != null || graph.scale() != null;
        final ModelCard normalisationCard = graphNormalises ? base
                : cardNormalisation(source, graph, base, names, options.normalisation(), embedded);
        final List<FeatureSpec> features = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            final FeatureSpec fromCard = normalisationCard != null && normalisationCard.features().size() == width
                    ? normalisationCard.features().get(i) : null;
            final float cardMean = fromCard != null ? fromCard.mean() : 0f;
            final float cardScale = fromCard != null ? fromCard.scale() : 1f;
            final float mean = graph.mean() != null ? graph.mean()[i] : cardMean;
            final float scale = graph.scale() != null ? graph.scale()[i] : cardScale;
            final boolean cardNormalises = cardMean != 0f || cardScale != 1f;
            final boolean conflict = cardNormalises && graphNormalises
                    && (Float.floatToIntBits(mean) != Float.floatToIntBits(cardMean)
                    || Float.floatToIntBits(scale) != Float.floatToIntBits(cardScale));
            if (conflict) {
                throw new ModelFormatException(source + ": feature " + i + " '" + names.get(i)
                        + "' is normalised by the graph with mean " + mean + ", scale " + scale
                        + " but the model card says mean " + cardMean + ", scale " + cardScale);
            }
            features.add(new FeatureSpec(names.get(i), mean, scale));
        }
        final Provenance provenance = base != null && base.provenance() != null ? base.provenance()
                : new Provenance("onnx-import", null, 0L, null, null, Map.of("onnx", source));
        final List<FeatureDomain> domain = base != null && base.featureNames().equals(names)
                ? base.trainingDomain() : List.of();
        final ModelCard card = new ModelCard(schemaId, features, actionSpace, List.of(), provenance, null, domain);
        return PolicyModel.of(card, graph.layers());
    }

    /**
     * The card whose normalisation the model takes when the graph has none, or null for identity; refuses a card
     * whose normalisation belongs to other weights or other features.
     */
    private static ModelCard cardNormalisation(final String source, final OnnxGraph graph, final ModelCard base,
                                               final List<String> names, final Normalisation mode,
                                               final boolean embedded) {
        if (base == null || mode == Normalisation.IDENTITY || !base.normalises()) {
            return null;
        }
        final String what = embedded ? source + " (embedded model card)" : "the model card";
        if (base.features().size() != names.size()) {
            throw new ModelFormatException(source + ": " + what + " normalises " + base.features().size()
                    + " features but the network takes " + names.size() + ": that normalisation belongs to another"
                    + " network (import with --normalisation identity, or give this network's card)");
        }
        if (!base.featureNames().equals(names)) {
            throw new ModelFormatException(source + ": " + what + " normalises the features " + base.featureNames()
                    + " but the network's inputs are " + names + " (import with --normalisation identity, or give"
                    + " this network's card)");
        }
        if (mode == Normalisation.CARD) {
            return base;
        }
        final String weights = PolicyModel.weightsSha256(graph.layers());
        if (base.weightsSha256() == null || !base.weightsSha256().equalsIgnoreCase(weights)) {
            throw new ModelFormatException(source + ": " + what + " normalises its features (mean/scale) for the"
                    + " weights with SHA-256 " + base.weightsSha256() + ", but this network's weights are "
                    + weights + ": a normalisation belongs to the network it was fitted with (import with"
                    + " --normalisation identity, --normalisation card if it truly fits, or give this network's"
                    + " card)");
        }
        return base;
    }

    private static ActionSpace metadataActionSpace(final String source, final String text) {
        try {
            return ActionSpace.parse(text);
        } catch (final IllegalArgumentException e) {
            throw new ModelFormatException(source + ": metadata_props '" + OnnxDescriptor.ACTION_SPACE_METADATA_KEY
                    + "': " + e.getMessage());
        }
    }
}
