package io.slicer.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The secret that turns the journal's hash chain into a keyed chain (HMAC-SHA256), so that nobody without it can
 * rewrite a record and recompute the chain. It comes from configuration, never from the repository: the file named by
 * the system property {@value #PROPERTY}, else by the environment variable {@value #ENV}; the file's bytes are the key
 * (at least {@value #MIN_BYTES}, e.g. {@code head -c 32 /dev/urandom > journal.key}). Without one the chain is plain
 * SHA-256: it still catches accidents, and truncation against the chain head file, but not a forger who rewrites the
 * whole chain and that file.
 */
public final class JournalKey {
    public static final String PROPERTY = "slicer.journal.keyFile";
    public static final String ENV = "SLICER_JOURNAL_KEY_FILE";
    public static final int MIN_BYTES = 32;
    /** No key: plain SHA-256 chaining. */
    public static final JournalKey NONE = new JournalKey(null, "no key configured");

    private final byte[] key;
    private final String source;

    private JournalKey(final byte[] key, final String source) {
        this.key = key;
        this.source = source;
    }

    /** The key configuration names ({@value #PROPERTY}, then {@value #ENV}), or {@link #NONE}. */
    public static JournalKey configured() {
        final String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return fromFile(Paths.get(property));
        }
        final String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return fromFile(Paths.get(env));
        }
        return NONE;
    }

    /** The key held in {@code file}: its bytes, at least {@value #MIN_BYTES} of them. */
    public static JournalKey fromFile(final Path file) {
        final byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (final IOException e) {
            throw new IllegalArgumentException("journal key file " + file + " cannot be read: " + e.getMessage());
        }
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("journal key file " + file + " holds " + bytes.length
                    + " bytes, expected at least " + MIN_BYTES + " (e.g. head -c 32 /dev/urandom > FILE)");
        }
        return new JournalKey(bytes, "key file " + file);
    }

    /** A key given directly (tests, embedding code that keeps its own secrets). */
    public static JournalKey of(final byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw new IllegalArgumentException("a journal key needs at least " + MIN_BYTES + " bytes, got "
                    + bytes.length);
        }
        return new JournalKey(bytes.clone(), "a key given by the caller");
    }

    public boolean keyed() {
        return key != null;
    }

    /** "HMAC-SHA256" or "SHA-256". */
    public String algorithm() {
        return keyed() ? "HMAC-SHA256" : "SHA-256";
    }

    /**
     * The first 8 bytes of SHA-256 of the key: names which key chained a journal (kept in the chain head file) without
     * revealing it; 0 without a key.
     */
    public long id() {
        if (key == null) {
            return 0;
        }
        final byte[] d = sha256().digest(key);
        long id = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            id = id << 8 | (d[i] & 0xFF);
        }
        return id;
    }

    /** Where the key came from, for messages. */
    public String source() {
        return source;
    }

    /** The key as HMAC uses it: hashed when longer than SHA-256's block, zero-padded to the block. */
    byte[] block(final int blockBytes) {
        final byte[] k = key.length > blockBytes ? sha256().digest(key) : key;
        return Arrays.copyOf(k, blockBytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** "SHA-256" or "HMAC-SHA256 (key id 0123456789abcdef)". */
    public String describe() {
        return keyed() ? algorithm() + " (key id " + HexFormat.of().toHexDigits(id()) + ")" : algorithm();
    }
}
