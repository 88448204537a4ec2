package io.slicer.policy.seal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which models may trade live: a plain, append-only file of JSON lines, one approval each, naming the model by its
 * identity ({@link ModelIdentity}: card and weights together, what its seal signs), the person who approved it, the
 * date and the reason:
 * <pre>
 * {"identity":"9f2c...","approver":"A. Trader","date":"2026-12-05","reason":"passed 10 shadow days"}
 * </pre>
 * A model whose identity is not in the file may run in shadow and offline only; changing one byte of its card or
 * weights changes its identity, so an altered model is unapproved (and its seal broken). An approval's id is the first
 * 16 hex digits of the SHA-256 of its line's four values: what the journal records for each order that used it.
 * The default file is {@code approvals.jsonl} in the trusted-keys directory ({@link ModelKeys#directory()}).
 */
public final class ModelApprovals {
    /** Name of the approvals file in the keys directory. */
    public static final String FILE = "approvals.jsonl";
    private static final Pattern IDENTITY = Pattern.compile("[0-9a-f]{64}");
    private static final JsonFactory JSON = new JsonFactory();

    /** One approval: {@code id()} names it in journals and reports. */
    public record Approval(String identity, String approver, String date, String reason) {
        public Approval {
            if (identity == null || !IDENTITY.matcher(identity).matches()) {
                throw new IllegalArgumentException("approval identity must be 64 lower-case hex digits (a model's"
                        + " identity), found '" + identity + "'");
            }
            if (approver == null || approver.isBlank() || reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("an approval names its approver and its reason; found approver '"
                        + approver + "', reason '" + reason + "'");
            }
            try {
                LocalDate.parse(date);
            } catch (final DateTimeParseException | NullPointerException e) {
                throw new IllegalArgumentException("approval date must be YYYY-MM-DD, found '" + date + "'");
            }
        }

        /** First 16 hex digits of SHA-256 over the four values (each followed by a zero byte). */
        public String id() {
            final MessageDigest sha;
            try {
                sha = MessageDigest.getInstance("SHA-256");
            } catch (final NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform must provide SHA-256", e);
            }
            for (final String part : List.of(identity, approver, date, reason)) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        }
    }

    private final Path file;
    private final List<Approval> approvals;

    private ModelApprovals(final Path file, final List<Approval> approvals) {
        this.file = file;
        this.approvals = List.copyOf(approvals);
    }

    /** The default file: {@value #FILE} in the trusted-keys directory. */
    public static Path defaultFile() {
        return ModelKeys.directory().resolve(FILE);
    }

    /** Reads {@code file}; a missing file approves nothing. A malformed line is an error naming {@code file:line}. */
    public static ModelApprovals load(final Path file) {
        final List<Approval> out = new ArrayList<>();
        if (Files.exists(file)) {
            final List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (final IOException e) {
                throw new UncheckedIOException(file + ": cannot read the approvals file", e);
            }
            for (int i = 0; i < lines.size(); i++) {
                final String line = lines.get(i);
                if (!line.isBlank()) {
                    try {
                        out.add(parse(line));
                    } catch (final IllegalArgumentException | IOException e) {
                        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage());
                    }
                }
            }
        }
        return new ModelApprovals(file, out);
    }

    /** The latest approval of the model with this identity. */
    public Optional<Approval> of(final String identity) {
        for (int i = approvals.size() - 1; i >= 0; i--) {
            if (approvals.get(i).identity().equals(identity)) {
                return Optional.of(approvals.get(i));
            }
        }
        return Optional.empty();
    }

    /**
     * The approval a live model trades under; refused with one line naming the model and its identity when there is
     * none.
     */
    public Approval requireLive(final String model, final String identity) {
        return of(identity).orElseThrow(() -> new IllegalArgumentException("model " + model + " (identity "
                + identity + ") is not approved for live trading: no entry in " + file + "; approve it with"
                + " 'slicer model approve --model DIR --by NAME --reason TEXT' (unapproved, it may run in shadow)"));
    }

    public List<Approval> all() {
        return approvals;
    }

    /** Appends {@code approval} as one line to {@code file} (created if missing). */
    public static void append(final Path file, final Approval approval) {
        try {
            final Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, line(approval) + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (final IOException e) {
            throw new UncheckedIOException(file + ": cannot append the approval", e);
        }
    }

    /** The approval as one JSON line. */
    public static String line(final Approval a) {
        final StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("identity", a.identity());
            g.writeStringField("approver", a.approver());
            g.writeStringField("date", a.date());
            g.writeStringField("reason", a.reason());
            g.writeEndObject();
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private static Approval parse(final String line) throws IOException {
        String identity = null;
        String approver = null;
        String date = null;
        String reason = null;
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("expected one JSON object per line, found '" + line + "'");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                final String name = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    throw new IllegalArgumentException("field '" + name + "' must be a string");
                }
                final String value = p.getText();
                final String before = switch (name) {
                    case "identity" -> identity;
                    case "approver" -> approver;
                    case "date" -> date;
                    case "reason" -> reason;
                    default -> throw new IllegalArgumentException("unknown field '" + name
                            + "', expected identity, approver, date, reason");
                };
                if (before != null) {
                    throw new IllegalArgumentException("duplicate field '" + name + "'");
                }
                switch (name) {
                    case "identity" -> identity = value;
                    case "approver" -> approver = value;
                    case "date" -> date = value;
                    default -> reason = value;
                }
            }
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("text after the JSON object");
            }
        }
        return new Approval(identity, approver, date, reason);
    }
}
