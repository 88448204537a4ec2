package io.slicer.policy.model;

/**
 * What the network's output means.
 * <ul>
 *   <li>{@link Discrete}: output i is the Q-value of action i; {@code values[i]} is that action in {@code unit}
 *       (e.g. "fraction_of_remaining", "twap_multiple").</li>
 *   <li>{@link Continuous}: output 0 is the actor's mean, squashed by tanh to [-1, 1] and scaled into
 *       [low, high] in {@code unit} (e.g. "participation").</li>
 * </ul>
 */
public sealed interface ActionSpace permits ActionSpace.Discrete, ActionSpace.Continuous {

    String unit();

    /**
     * {@code discrete:UNIT:v1,v2,...} or {@code continuous:UNIT:LOW:HIGH}, as the command line and an ONNX file's
     * {@code slicer.action_space} metadata spell it.
     *
     * @throws IllegalArgumentException saying what was expected and what was found
     */
    static ActionSpace parse(final String text) {
        final String[] parts = text.split(":", -1);
        try {
            if (parts.length == 3 && parts[0].equals("discrete")) {
                final double[] values = java.util.Arrays.stream(parts[2].split(","))
                        .mapToDouble(Double::parseDouble).toArray();
                return new Discrete(parts[1], values);
            }
            if (parts.length == 4 && parts[0].equals("continuous")) {
                return new Continuous(parts[1], Double.parseDouble(parts[2]), Double.parseDouble(parts[3]));
            }
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("action space '" + text + "': " + e.getMessage());
        }
        throw new IllegalArgumentException("action space '" + text
                + "': expected discrete:UNIT:v1,v2,... or continuous:UNIT:LOW:HIGH");
    }

    record Discrete(String unit, double[] values) implements ActionSpace {
        public Discrete {
            values = values.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        /** The value of action {@code index}, without copying the array. */
        public double value(final int index) {
            return values[index];
        }

        public int size() {
            return values.length;
        }

        @Override
        public boolean equals(final Object o) {
            return o instanceof Discrete d && unit.equals(d.unit) && java.util.Arrays.equals(values, d.values);
        }

        @Override
        public int hashCode() {
            return unit.hashCode() * 31 + java.util.Arrays.hashCode(values);
        }

        @Override
        public String toString() {
            return "Discrete[unit=" + unit + ", values=" + java.util.Arrays.toString(values) + "]";
        }
    }

    record Continuous(String unit, double low, double high) implements ActionSpace {
    }
}
