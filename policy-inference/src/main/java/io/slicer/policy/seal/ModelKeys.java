package io.slicer.policy.seal;

import io.slicer.policy.model.ModelFormatException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Where the firm's model keys live and how they are made. A keys directory holds {@value #SIGNING_KEY} (the Ed25519
 * private key, PKCS#8, base64 PEM, readable by its owner only) and {@value #SIGNING_PUB} (its public key, X.509 PEM);
 * every {@code *.pub} in it is a key the loader trusts (the firm's own, and any other published key, e.g. a vendor's).
 *
 * <p>The directory is, first found: the system property {@value #PROPERTY}, the environment variable {@value #ENV},
 * else {@code ~/.slicer/keys}. A fresh installation has no key: the first command that writes a model creates one
 * there and says so ({@link #signingKey}).
 */
public final class ModelKeys {
    public static final String PROPERTY = "slicer.keys";
    public static final String ENV = "SLICER_KEYS";
    public static final String SIGNING_KEY = "signing.key";
    public static final String SIGNING_PUB = "signing.pub";
    private static final String ALGORITHM = "Ed25519";

    private ModelKeys() {
    }

    /** The configured keys directory. */
    public static Path directory() {
        final String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        final String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".slicer", "keys");
    }

    /** A private key and the id of its public key: what seals a model. */
    public record SigningKey(PrivateKey key, String keyId) {
        /** The seal of a model with this identity. */
        public ModelSeal seal(final String identity) {
            try {
                final Signature signer = Signature.getInstance(ALGORITHM);
                signer.initSign(key);
                signer.update(ModelSeal.signedBytes(identity));
                return new ModelSeal(identity, keyId, signer.sign());
            } catch (final GeneralSecurityException e) {
                throw new IllegalStateException("cannot sign with key " + keyId + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * The signing key in {@code dir}; when there is none (a fresh installation) one is generated there first and
     * {@code notice} is told where.
     */
    public static SigningKey signingKey(final Path dir, final Consumer<String> notice) {
        if (!Files.exists(dir.resolve(SIGNING_KEY))) {
            generate(dir);
            notice.accept("created model signing key " + dir.resolve(SIGNING_KEY) + " (public key "
                    + dir.resolve(SIGNING_PUB) + ", id " + keyId(readPublic(dir.resolve(SIGNING_PUB))) + ")");
        }
        final PrivateKey key = readPrivate(dir.resolve(SIGNING_KEY));
        return new SigningKey(key, keyId(readPublic(dir.resolve(SIGNING_PUB))));
    }

    /**
     * Generates a new key pair into {@code dir}; refuses to replace an existing key (models sealed with it would no
     * longer load).
     *
     * @return the new key's id
     */
    public static String generate(final Path dir) {
        final Path priv = dir.resolve(SIGNING_KEY);
        if (Files.exists(priv) || Files.exists(dir.resolve(SIGNING_PUB))) {
            throw new IllegalArgumentException(priv + ": a signing key already exists; models sealed with it would"
                    + " no longer load if it were replaced (move it away first)");
        }
        final KeyPair pair;
        try {
            pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate " + ALGORITHM + " keys", e);
        }
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(SIGNING_PUB), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            Files.write(priv, new byte[0]);
            try {
                Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
            } catch (final UnsupportedOperationException e) {
                // A file system without POSIX permissions keeps its own access control.
            }
            Files.write(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (final FileAlreadyExistsException e) {
            throw new IllegalArgumentException(e.getFile() + ": already exists");
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write model keys to " + dir + ": " + e.getMessage(), e);
        }
        return keyId(pair.getPublic());
    }

    /** Every {@code *.pub} in {@code dir}, by key id (empty when the directory does not exist). */
    public static Map<String, PublicKey> trusted(final Path dir) {
        final Map<String, PublicKey> keys = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return keys;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (final Path file : files.filter(f -> f.getFileName().toString().endsWith(".pub")).sorted().toList()) {
                final PublicKey key = readPublic(file);
                keys.put(keyId(key), key);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list model keys in " + dir + ": " + e.getMessage(), e);
        }
        return keys;
    }

    /** First 16 hex digits of the SHA-256 of the public key's X.509 encoding. */
    public static String keyId(final PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()), 0, 8);
        } catch (final GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    static PublicKey readPublic(final Path file) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(file,
                    "PUBLIC KEY")));
        } catch (final GeneralSecurityException e) {
            throw new ModelFormatException(file + ": not an Ed25519 public key (" + e.getMessage() + ")");
        }
    }

    private static PrivateKey readPrivate(final Path file) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(file,
                    "PRIVATE KEY")));
        } catch (final GeneralSecurityException e) {
            throw new ModelFormatException(file + ": not an Ed25519 private key (" + e.getMessage() + ")");
        }
    }

    private static byte[] pem(final String type, final byte[] der) {
        return ("-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] unpem(final Path file, final String type) {
        final String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot read key " + file + ": " + e.getMessage(), e);
        }
        final String begin = "-----BEGIN " + type + "-----";
        final String end = "-----END " + type + "-----";
        final int from = text.indexOf(begin);
        final int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new ModelFormatException(file + ":1: expected a PEM block '" + begin + "'");
        }
        try {
            return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
        } catch (final IllegalArgumentException e) {
            throw new ModelFormatException(file + ": PEM body is not base64 (" + e.getMessage() + ")");
        }
    }
}
