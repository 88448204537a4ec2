package io.slicer.policy.onnx;

/** A malformed protobuf encoding; {@link OnnxModelReader} adds the file name and turns it into a model error. */
final class ProtoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ProtoException(final String message) {
        super(message);
    }
}
