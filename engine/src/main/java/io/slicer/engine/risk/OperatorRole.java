package io.slicer.engine.risk;

/**
 * Who pressed a PAUSE, RESUME or HALT: the application embedding the engine, or a trader at the operator console.
 * The journal writes the code with the control input, so an audit says who acted. The code is stable; append, never
 * reuse.
 */
public enum OperatorRole {
    /** The embedding application (the OMS's own code), not a person at the console. */
    OMS(0),
    /** A trader at the operator console, authenticated with the trader token. */
    TRADER(1);

    private final int code;

    OperatorRole(final int code) {
        this.code = code;
    }

    /** Stable journal code. */
    public int code() {
        return code;
    }

    public static OperatorRole ofCode(final int code) {
        for (final OperatorRole r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown operator role code " + code + ", expected 0..1");
    }
}
