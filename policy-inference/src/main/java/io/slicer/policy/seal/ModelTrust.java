package io.slicer.policy.seal;

import io.slicer.policy.model.ModelFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What a loader accepts. A seal is checked everywhere: its identity must be the model's and its signature must verify
 * against one of the trusted public keys ({@link ModelKeys#trusted}); anything else is refused. An unsealed model is
 * refused for live trading ({@link #live}) and taken with a one-line warning offline ({@link #offline}: evaluation,
 * replay, inspection).
 */
public final class ModelTrust {
    private final Path keysDir;
    private final boolean sealRequired;
    private final Consumer<String> warnings;

    private ModelTrust(final Path keysDir, final boolean sealRequired, final Consumer<String> warnings) {
        this.keysDir = keysDir;
        this.sealRequired = sealRequired;
        this.warnings = warnings;
    }

    /** Live trading: the configured keys ({@link ModelKeys#directory()}), a seal required. */
    public static ModelTrust live() {
        return new ModelTrust(ModelKeys.directory(), true, System.err::println);
    }

    /** Offline use: the configured keys; an unsealed model is taken with a warning on standard error. */
    public static ModelTrust offline() {
        return new ModelTrust(ModelKeys.directory(), false, System.err::println);
    }

    /** The keys in {@code keysDir}, a seal required or not; warnings about unsealed models go to {@code warnings}. */
    public static ModelTrust of(final Path keysDir, final boolean sealRequired, final Consumer<String> warnings) {
        return new ModelTrust(keysDir, sealRequired, warnings);
    }

    public boolean sealRequired() {
        return sealRequired;
    }

    public Path keysDirectory() {
        return keysDir;
    }

    /**
     * Checks the seal in {@code modelDir} against the model's {@code identity}.
     *
     * @throws ModelFormatException naming the seal file and what is wrong with it
     */
    public void check(final Path modelDir, final String identity) {
        final Path file = modelDir.resolve(ModelSeal.FILE);
        if (!Files.exists(file)) {
            if (sealRequired) {
                throw new ModelFormatException(file + ": model is not sealed; live trading takes only a model sealed"
                        + " with a trusted key (" + keysDir + "/*.pub): write it with 'slicer train' or 'slicer"
                        + " model import-onnx'");
            }
            warnings.accept("warning: " + modelDir + " is not sealed (no " + ModelSeal.FILE + "); taken for offline"
                    + " use only, live trading would refuse it");
            return;
        }
        final ModelSeal seal;
        try {
            seal = ModelSeal.parse(file.toString(), Files.readAllBytes(file));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (!seal.identity().equals(identity)) {
            throw new ModelFormatException(file + ":2: seal is for model " + seal.identity() + " but the card and"
                    + " weights hash to " + identity + " (the model was changed after it was sealed)");
        }
        final Map<String, PublicKey> trusted = ModelKeys.trusted(keysDir);
        final PublicKey key = trusted.get(seal.keyId());
        if (key == null) {
            throw new ModelFormatException(file + ":3: sealed with key " + seal.keyId() + ", which is not a trusted"
                    + " key (trusted: " + (trusted.isEmpty() ? "none" : String.join(", ", trusted.keySet()))
                    + " in " + keysDir + "/*.pub)");
        }
        final boolean valid;
        try {
            final Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(ModelSeal.signedBytes(identity));
            valid = verifyOrFalse(verifier, seal.signature());
        } catch (final GeneralSecurityException e) {
            throw new ModelFormatException(file + ":4: signature cannot be checked: " + e.getMessage());
        }
        if (!valid) {
            throw new ModelFormatException(file + ":4: signature does not verify against trusted key "
                    + seal.keyId() + " (the seal was forged or altered)");
        }
    }

    /** A signature whose bytes do not even decode (a point off the curve) fails like any other wrong signature. */
    private static boolean verifyOrFalse(final Signature verifier, final byte[] signature) {
        try {
            return verifier.verify(signature);
        } catch (final SignatureException e) {
            return false;
        }
    }
}
