package io.slicer.policy.onnx;

import io.slicer.policy.model.DenseLayer;

import java.util.List;
import java.util.Map;

/**
 * What {@link OnnxModelReader} recognised in an ONNX file: the dense layers (PyTorch layout, whatever layout the
 * file used), the input normalisation if the graph has one, and the model card Slicer embeds when it exports.
 *
 * @param layerNames   the weight initializer of each layer, for messages
 * @param mean         per-feature mean from a leading Sub node, or null
 * @param scale        per-feature scale from a leading Div node, or null
 * @param embeddedCard model.json text from metadata_props, or null
 * @param metadata     the other metadata_props entries, sorted by key ({@link OnnxDescriptor#FEATURES_METADATA_KEY}
 *                     and {@link OnnxDescriptor#ACTION_SPACE_METADATA_KEY} are read by the import)
 */
public record OnnxGraph(List<DenseLayer> layers, List<String> layerNames, float[] mean, float[] scale,
                        String embeddedCard, Map<String, String> metadata) {

    /** Without metadata beyond the embedded card. */
    public OnnxGraph(final List<DenseLayer> layers, final List<String> layerNames, final float[] mean,
                     final float[] scale, final String embeddedCard) {
        this(layers, layerNames, mean, scale, embeddedCard, Map.of());
    }

    public int inputWidth() {
        return layers.get(0).inputs();
    }
}
