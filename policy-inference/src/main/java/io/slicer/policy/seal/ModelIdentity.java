package io.slicer.policy.seal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A model's identity: one SHA-256 over its card and its weights together, each contributing its file name, a zero
 * byte, its length as 8 big-endian bytes and its bytes (the framing of the journal's model archive). The card enters in
 * its canonical form (what {@link io.slicer.policy.io.ModelCardJson#write} writes for it), so re-indenting a card
 * keeps the identity and changing any value in it does not.
 */
public final class ModelIdentity {
    private ModelIdentity() {
    }

    /** 64 lower-case hex digits. */
    public static String of(final String cardName, final byte[] canonicalCard, final String weightsName,
                            final byte[] weights) {
        final MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        part(sha, cardName, canonicalCard);
        part(sha, weightsName, weights);
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void part(final MessageDigest sha, final String name, final byte[] content) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        final long size = content.length;
        for (int shift = 56; shift >= 0; shift -= 8) {
            sha.update((byte) (size >>> shift));
        }
        sha.update(content);
    }
}
