package io.slicer.policy.onnx;

import io.slicer.policy.model.DenseLayer;

import java.util.List;

/**
 * What {@link OnnxModelReader} recognised in an ONNX file: the dense layers (PyTorch layout, whatever layout the
 * file used), the input normalisation if the graph has one, and the model card Slicer embeds when it exports.
 *
 * @param layerNames   the weight initializer of each layer, for messages
 * @param mean         per-feature mean from a leading Sub node, or null
 * @param scale        per-feature scale from a leading Div node, or null
 * @param embeddedCard model.json text from metadata_props, or null
 */
public record OnnxGraph(List<DenseLayer> layers, List<String> layerNames, float[] mean, float[] scale,
                        String embeddedCard) {

    public int inputWidth() {
        return layers.get(0).inputs();
    }
}
