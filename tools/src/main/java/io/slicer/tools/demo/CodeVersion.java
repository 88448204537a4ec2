package io.slicer.tools.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A short fingerprint of the Slicer code that trains and runs models: the SHA-256 of the module jars (or, when run
 * from class folders, of every class file in them). A cached model is reused only under the same fingerprint, so a
 * change to the simulator, features or trainers retrains instead of silently evaluating a stale model.
 */
public final class CodeVersion {
    private static final List<Class<?>> MODULE_ANCHORS = List.of(
            io.slicer.policy.PolicyModel.class,
            io.slicer.engine.decision.ExecutionFeatures.class,
            CodeVersion.class);

    private CodeVersion() {
    }

    /** The version in the tools jar's manifest, stamped into model provenance and journals; "dev" from classes. */
    public static String release() {
        final String v = CodeVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** Twelve hex digits identifying the code of the runtime modules. */
    public static String fingerprint() {
        final MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
        for (final Class<?> anchor : MODULE_ANCHORS) {
            final Path location = location(anchor);
            if (Files.isDirectory(location)) {
                try (Stream<Path> files = Files.walk(location)) {
                    files.filter(Files::isRegularFile).sorted().forEach(f -> digest.update(read(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read classes under " + location, e);
                }
            } else {
                digest.update(read(location));
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
    }

    private static Path location(final Class<?> anchor) {
        final CodeSource source = anchor.getProtectionDomain().getCodeSource();
        if (source == null) {
            throw new IllegalStateException("no code source for " + anchor.getName());
        }
        try {
            return Paths.get(source.getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad code source for " + anchor.getName() + ": " + source.getLocation(), e);
        }
    }

    private static byte[] read(final Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
