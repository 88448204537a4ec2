package io.slicer.policy.model;

/**
 * One fully connected layer, {@code y = activation(W x + b)}, in the PyTorch {@code nn.Linear} convention: weight is
 * [outputs][inputs] row-major, length outputs*inputs; bias has length outputs. Shapes and values are checked by
 * {@code PolicyModel.of}, which also copies the arrays, so a model never shares them with its caller.
 */
public record DenseLayer(int inputs, int outputs, Activation activation, float[] weight, float[] bias) {

    /** "dense 8->64 relu": the form a model card lists layers in. */
    public String describe() {
        return "dense " + inputs + "->" + outputs + " " + activation.cardName();
    }
}
