package io.slicer.policy.seal;

import io.slicer.policy.model.ModelFormatException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The seal a model writer puts in the model directory ({@value #FILE}): the model's identity, the id of the key that
 * signed it and the Ed25519 signature over {@code "slicer-model-seal/1\n" + identity}. Text, one field a line:
 * <pre>
 * slicer-model-seal/1
 * identity 64-hex-digits
 * key 16-hex-digits
 * signature base64
 * </pre>
 */
public record ModelSeal(String identity, String keyId, byte[] signature) {
    public static final String FILE = "model.seal";
    public static final String FORMAT = "slicer-model-seal/1";

    public ModelSeal {
        signature = signature.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** The bytes the signature covers. */
    public static byte[] signedBytes(final String identity) {
        return (FORMAT + "\n" + identity).getBytes(StandardCharsets.UTF_8);
    }

    public byte[] toBytes() {
        return (FORMAT + "\nidentity " + identity + "\nkey " + keyId + "\nsignature "
                + Base64.getEncoder().encodeToString(signature) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** Parses a seal file; errors name {@code source:line}. */
    public static ModelSeal parse(final String source, final byte[] bytes) {
        final List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        if (lines.size() != 4 || !FORMAT.equals(lines.get(0))) {
            throw new ModelFormatException(source + ":1: expected a seal of 4 lines starting '" + FORMAT
                    + "', found " + lines.size() + " line(s)" + (lines.isEmpty() ? "" : " starting '"
                    + abbreviate(lines.get(0)) + "'"));
        }
        final String identity = field(source, lines, 1, "identity");
        if (!identity.matches("[0-9a-f]{64}")) {
            throw new ModelFormatException(source + ":2: identity must be 64 lower-case hex digits, found '"
                    + abbreviate(identity) + "'");
        }
        final String key = field(source, lines, 2, "key");
        if (!key.matches("[0-9a-f]{16}")) {
            throw new ModelFormatException(source + ":3: key must be 16 lower-case hex digits, found '"
                    + abbreviate(key) + "'");
        }
        final byte[] signature;
        try {
            signature = Base64.getDecoder().decode(field(source, lines, 3, "signature"));
        } catch (final IllegalArgumentException e) {
            throw new ModelFormatException(source + ":4: signature is not base64 (" + e.getMessage() + ")");
        }
        return new ModelSeal(identity, key, signature);
    }

    private static String field(final String source, final List<String> lines, final int index, final String name) {
        final String line = lines.get(index);
        if (!line.startsWith(name + " ")) {
            throw new ModelFormatException(source + ":" + (index + 1) + ": expected '" + name + " ...', found '"
                    + abbreviate(line) + "'");
        }
        return line.substring(name.length() + 1).trim();
    }

    private static String abbreviate(final String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
