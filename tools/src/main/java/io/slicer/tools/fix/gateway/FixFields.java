package io.slicer.tools.fix.gateway;

import quickfix.FieldMap;
import quickfix.FieldNotFound;

/** Reading optional fields without exceptions, for code that treats an absent tag as a value. */
public final class FixFields {
    private FixFields() {
    }

    /** The tag's text, or {@code otherwise} when absent. */
    public static String str(final FieldMap m, final int tag, final String otherwise) {
        if (!m.isSetField(tag)) {
            return otherwise;
        }
        try {
            return m.getString(tag);
        } catch (final FieldNotFound e) {
            return otherwise;
        }
    }

    /** The tag as a number, or {@code otherwise} when absent or not a number. */
    public static double num(final FieldMap m, final int tag, final double otherwise) {
        try {
            return Double.parseDouble(str(m, tag, ""));
        } catch (final NumberFormatException e) {
            return otherwise;
        }
    }
}
