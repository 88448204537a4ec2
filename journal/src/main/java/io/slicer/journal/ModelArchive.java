package io.slicer.journal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps a copy of every model a journal's decisions came from in {@code DIR/models/<sha256>/}, so a replay needs
 * nothing but the journal directory, and verifies a copy against its SHA-256 before a replay trusts it.
 *
 * <p>A model is a directory (e.g. {@code model.safetensors} + {@code model.json}). Its digest is the SHA-256 over its
 * regular files in name order, each contributing its UTF-8 name, a zero byte, its length as 8 big-endian bytes and
 * its content: renaming, adding, dropping or editing any file changes the digest.
 */
public final class ModelArchive {
    public static final String MODELS_DIR = "models";

    private final Path root;

    public ModelArchive(final Path journalDir) {
        this.root = journalDir.resolve(MODELS_DIR);
    }

    /** True when {@code text} is written as {@link #digest} writes one: 64 lower-case hex digits. */
    public static boolean isDigest(final String text) {
        return text != null && text.matches("[0-9a-f]{64}");
    }

    /** SHA-256 of a model directory, lower-case hex. */
    public static String digest(final Path modelDir) {
        if (!Files.isDirectory(modelDir)) {
            throw new IllegalArgumentException("model " + modelDir + " is not a directory (expected a model directory"
                    + " holding model.safetensors and model.json)");
        }
        final MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
        final byte[] buffer = new byte[1 << 16];
        for (final Path file : files(modelDir)) {
            final byte[] name = file.getFileName().toString().getBytes(StandardCharsets.UTF_8);
            sha.update(name);
            sha.update((byte) 0);
            try (InputStream in = Files.newInputStream(file)) {
                final long size = Files.size(file);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    sha.update((byte) (size >>> shift));
                }
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                }
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot read model file " + file, e);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static List<Path> files(final Path modelDir) {
        try (Stream<Path> listing = Files.list(modelDir)) {
            return listing.filter(Files::isRegularFile).sorted().toList();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot list model directory " + modelDir, e);
        }
    }

    /** Copies {@code modelDir} into the archive (once per digest) and returns its digest. */
    public String store(final Path modelDir) {
        final String sha = digest(modelDir);
        final Path target = root.resolve(sha);
        if (Files.isDirectory(target) && sha.equals(digest(target))) {
            return sha;
        }
        try {
            Files.createDirectories(target);
            for (final Path file : files(modelDir)) {
                Files.copy(file, target.resolve(file.getFileName().toString()), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot copy model " + modelDir + " into journal archive " + target, e);
        }
        final String copied = digest(target);
        if (!sha.equals(copied)) {
            throw new IllegalStateException("model " + modelDir + " changed while it was copied into " + target
                    + ": SHA-256 " + sha + " before, " + copied + " after");
        }
        return sha;
    }

    /** The archived copy of the model with this digest, verified: its files must still hash to {@code sha256}. */
    public Path verified(final String sha256) {
        final Path dir = root.resolve(sha256);
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("journal model archive has no model " + sha256 + " (expected directory "
                    + dir + ")");
        }
        final String actual = digest(dir);
        if (!actual.equals(sha256)) {
            throw new IllegalArgumentException("model " + dir + " has SHA-256 " + actual + ", the journal recorded "
                    + sha256 + ": the model files were changed after the day was journaled");
        }
        return dir;
    }

    public Path root() {
        return root;
    }
}
