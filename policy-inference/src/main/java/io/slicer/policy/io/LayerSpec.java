package io.slicer.policy.io;

import io.slicer.policy.model.Activation;
import io.slicer.policy.model.ModelFormatException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One entry of a model card's layer list, "dense 8->64 relu": the shape and activation the weights must match. */
public record LayerSpec(int inputs, int outputs, Activation activation) {
    private static final Pattern FORM = Pattern.compile("dense (\\d{1,7})->(\\d{1,7}) ([a-z]+)");

    public static LayerSpec parse(final String source, final int index, final String text) {
        final Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw new ModelFormatException(source + ": layers[" + index + "] is '" + text
                    + "', expected the form 'dense IN->OUT ACTIVATION', e.g. 'dense 8->64 relu'");
        }
        final Activation activation;
        try {
            activation = Activation.fromCardName(m.group(3));
        } catch (final IllegalArgumentException e) {
            throw new ModelFormatException(source + ": layers[" + index + "]: " + e.getMessage());
        }
        final int in = Integer.parseInt(m.group(1));
        final int out = Integer.parseInt(m.group(2));
        if (in == 0 || out == 0) {
            throw new ModelFormatException(source + ": layers[" + index + "] '" + text + "' has a zero width");
        }
        return new LayerSpec(in, out, activation);
    }

    public String text() {
        return "dense " + inputs + "->" + outputs + " " + activation.cardName();
    }
}
