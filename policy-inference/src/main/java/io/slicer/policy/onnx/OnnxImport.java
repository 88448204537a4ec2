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
 * Turns an ONNX MLP into a Slicer model. An ONNX file carries no feature schema or action space, so they come from a
 * card (given, or the one Slicer embeds when it exports) and/or explicit options, which win over the card. The
 * normalisation comes from the graph's Sub/Div nodes when present, otherwise from the card, otherwise identity.
 */
public final class OnnxImport {

    /**
     * @param card         a model card to take the schema, action space, provenance and domain from, or null
     * @param schemaId     overrides the card's feature schema id, or null
     * @param featureNames overrides the card's feature names, or null
     * @param actionSpace  overrides the card's action space, or null
     */
    public record Options(ModelCard card, String schemaId, List<String> featureNames, ActionSpace actionSpace) {
    }

    private OnnxImport() {
    }

    public static PolicyModel toModel(final String source, final byte[] onnx, final Options options) {
        final OnnxGraph graph = OnnxModelReader.read(source, onnx);
        ModelCard base = options.card();
        if (base == null && graph.embeddedCard() != null) {
            base = ModelCardJson.read(source + " (embedded model card)",
                    graph.embeddedCard().getBytes(StandardCharsets.UTF_8));
        }
        final String schemaId = options.schemaId() != null ? options.schemaId()
                : base != null ? base.featureSchemaId() : null;
        if (schemaId == null) {
            throw new ModelFormatException(source + ": no feature schema id: give a model card or a schema id");
        }
        final ActionSpace actionSpace = options.actionSpace() != null ? options.actionSpace()
                : base != null ? base.actionSpace() : null;
        if (actionSpace == null) {
            throw new ModelFormatException(source + ": an ONNX file has no action space: give a model card or an"
                    + " action space");
        }
        final List<String> names = options.featureNames() != null ? options.featureNames()
                : base != null ? base.featureNames() : null;
        if (names == null) {
            throw new ModelFormatException(source + ": an ONNX file has no feature names: give a model card or the"
                    + " ordered feature names");
        }
        final int width = graph.inputWidth();
        if (names.size() != width) {
            throw new ModelFormatException(source + ": " + names.size() + " feature names " + names
                    + " given, but initializer '" + graph.layerNames().get(0) + "' takes " + width + " inputs");
        }
        final List<FeatureSpec> features = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            final FeatureSpec fromCard = base != null && base.features().size() == width ? base.features().get(i) : null;
            final float cardMean = fromCard != null ? fromCard.mean() : 0f;
            final float cardScale = fromCard != null ? fromCard.scale() : 1f;
            final float mean = graph.mean() != null ? graph.mean()[i] : cardMean;
            final float scale = graph.scale() != null ? graph.scale()[i] : cardScale;
            final boolean cardNormalises = cardMean != 0f || cardScale != 1f;
            final boolean conflict = cardNormalises && (graph.mean() != null || graph.scale() != null)
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
}
