package io.slicer.journal.format;

/** The kinds of journal record; {@link #code} is what the header's type field holds (code 2 is retired). */
public enum RecordType {
    SESSION(1),
    INPUT(3),
    DECISION(4),
    HALT(5),
    ANOMALY(6);

    private static final RecordType[] BY_CODE = new RecordType[7];

    static {
        for (final RecordType type : values()) {
            BY_CODE[type.code] = type;
        }
    }

    public final short code;

    RecordType(final int code) {
        this.code = (short) code;
    }

    /** The type with this code, or null when no type has it (a corrupt or newer journal). */
    public static RecordType ofCode(final int code) {
        return code > 0 && code < BY_CODE.length ? BY_CODE[code] : null;
    }
}
