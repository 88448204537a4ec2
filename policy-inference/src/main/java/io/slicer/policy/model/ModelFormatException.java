package io.slicer.policy.model;

/**
 * A model file or model definition that cannot be used: the message says what was expected, what was found and
 * where (file, tensor, index). Extends {@link IllegalArgumentException} because it is always bad input, never a bug:
 * the command line reports it in one line with exit code 2.
 */
public class ModelFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public ModelFormatException(final String message) {
        super(message);
    }

    public ModelFormatException(final String message, final Throwable cause) {
        super(message, cause);
    }
}
