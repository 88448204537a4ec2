package io.slicer.tools.governance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.slicer.journal.StrategyChoice;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Each strategy's daily result against its TWAP benchmark, across sessions and days, and the seed's rule: a strategy
 * that underperforms its TWAP benchmark (its IS above the engine's TWAP benchmark IS of the same day) for N
 * consecutive days (default {@value #DEFAULT_LOSING_DAYS}) is demoted to TWAP for new orders, with a recorded reason,
 * until a trader re-enables it. TWAP itself is never demoted: it is what a demoted strategy falls back to.
 *
 * <p><b>Storage.</b> An append-only event log, {@value #FILE} in the ledger directory, one JSON object per line:
 * {@code day} (strategy, day number, the day's journal, IS, benchmark, streak), {@code demoted} (strategy, day,
 * reason) and {@code enabled} (strategy, who, why). Each append is forced to disk before the call returns. Why a file
 * of lines and not a Chronicle queue: a ledger gains a few lines a day, a trader or auditor reads it with any editor,
 * and every day line names the engine journal its numbers came from, so it can be checked against that journal;
 * the state (streaks, demotions) is always rebuilt by reading the log from the start, never stored on its own.
 *
 * <p>Not thread-safe: one process works a ledger at a time.
 */
public final class StrategyLedger {
    /** The ledger's file in its directory. */
    public static final String FILE = "ledger.jsonl";
    /** The seed's rule: five consecutive losing days. */
    public static final int DEFAULT_LOSING_DAYS = 5;
    /** The strategy a demoted one falls back to, never demoted itself. */
    public static final String TWAP = "twap";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One day's result as the ledger keeps it. */
    public record Day(String strategy, long day, String journal, double isBps, double benchmarkBps, int streak) {
        /** The day lost to the TWAP benchmark: its IS was higher (a cost for both sides). */
        public boolean lost() {
            return isBps > benchmarkBps;
        }
    }

    /** What recording a day did: the streak after it and the demotion it caused (null for none). */
    public record Outcome(Day day, String demotion) {
    }

    /** A strategy's state: its losing streak and, when demoted, why. */
    private static final class State {
        int streak;
        String demotion;
    }

    private final Path file;
    private final Map<String, State> states = new TreeMap<>();
    private final List<Day> days = new ArrayList<>();

    private StrategyLedger(final Path file) {
        this.file = file;
    }

    /** Opens (or starts) the ledger in {@code dir}, rebuilding every strategy's state from its log. */
    public static StrategyLedger open(final Path dir) {
        final StrategyLedger ledger = new StrategyLedger(dir.resolve(FILE));
        if (Files.exists(ledger.file)) {
            final List<String> lines;
            try {
                lines = Files.readAllLines(ledger.file, StandardCharsets.UTF_8);
            } catch (final IOException e) {
                throw new UncheckedIOException(ledger.file + ": cannot read the ledger", e);
            }
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    try {
                        ledger.apply(JSON.readTree(lines.get(i)));
                    } catch (final JsonProcessingException | IllegalArgumentException | NullPointerException e) {
                        throw new IllegalArgumentException(ledger.file + ":" + (i + 1) + ": not a ledger entry ("
                                + e.getMessage().lines().findFirst().orElse("") + ")");
                    }
                }
            }
        }
        return ledger;
    }

    private void apply(final JsonNode e) {
        final String event = text(e, "event");
        final State s = states.computeIfAbsent(text(e, "strategy"), k -> new State());
        switch (event) {
            case "day" -> {
                final Day d = new Day(text(e, "strategy"), e.get("day").asLong(), text(e, "journal"),
                        e.get("isBps").asDouble(), e.get("benchmarkBps").asDouble(), e.get("streak").asInt());
                s.streak = d.streak();
                days.add(d);
            }
            case "demoted" -> s.demotion = text(e, "reason");
            case "enabled" -> {
                s.demotion = null;
                s.streak = 0;
            }
            default -> throw new IllegalArgumentException("unknown event '" + event
                    + "', expected day, demoted or enabled");
        }
    }

    private static String text(final JsonNode e, final String field) {
        final JsonNode v = e.get(field);
        if (v == null || !v.isTextual()) {
            throw new IllegalArgumentException("field '" + field + "' missing or not a string");
        }
        return v.asText();
    }

    /** The number the next day recorded gets: days are numbered from 0 across every strategy of the ledger. */
    public long nextDay() {
        return days.isEmpty() ? 0 : days.get(days.size() - 1).day() + 1;
    }

    /** The strategy's current losing streak. */
    public int streak(final String strategy) {
        final State s = states.get(strategy);
        return s == null ? 0 : s.streak;
    }

    /** Why the strategy is demoted to TWAP for new orders, or empty when it trades. */
    public Optional<String> demotion(final String strategy) {
        final State s = states.get(strategy);
        return Optional.ofNullable(s == null ? null : s.demotion);
    }

    /** Every day recorded, in order. */
    public List<Day> days() {
        return List.copyOf(days);
    }

    /**
     * Records {@code strategy}'s result of day {@code day} (IS and TWAP benchmark IS from {@code journal}'s engine)
     * and applies the rule: the day that makes the losing streak exactly {@code losingDays} demotes the strategy
     * (never TWAP, never one already demoted).
     */
    public Outcome recordDay(final String strategy, final long day, final Path journal, final double isBps,
                             final double benchmarkBps, final int losingDays) {
        if (losingDays < 1) {
            throw new IllegalArgumentException("losing days must be >= 1, found " + losingDays);
        }
        if (!Double.isFinite(isBps) || !Double.isFinite(benchmarkBps)) {
            throw new IllegalArgumentException("day " + day + " of " + strategy + ": IS " + isBps + " and benchmark "
                    + benchmarkBps + " must be finite (did the order trade?)");
        }
        final int streak = isBps > benchmarkBps ? streak(strategy) + 1 : 0;
        final ObjectNode line = JSON.createObjectNode().put("event", "day").put("strategy", strategy).put("day", day)
                .put("journal", journal.toString()).put("isBps", isBps).put("benchmarkBps", benchmarkBps)
                .put("streak", streak);
        append(line);
        String demotion = null;
        if (streak == losingDays && !TWAP.equals(strategy) && demotion(strategy).isEmpty()) {
            demotion = StrategyChoice.DEMOTED_TO_TWAP + ": underperformed its TWAP benchmark " + streak
                    + " consecutive days (through day " + day + ")";
            append(JSON.createObjectNode().put("event", "demoted").put("strategy", strategy).put("day", day)
                    .put("reason", demotion));
        }
        return new Outcome(days.get(days.size() - 1), demotion);
    }

    /** A trader re-enables a demoted strategy: recorded with who and why; its streak starts again from 0. */
    public void enable(final String strategy, final String by, final String reason) {
        if (by == null || by.isBlank() || reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("re-enabling " + strategy + " needs who (--by) and why (--reason)");
        }
        if (demotion(strategy).isEmpty()) {
            throw new IllegalArgumentException("strategy " + strategy + " is not demoted in " + file
                    + "; nothing to re-enable");
        }
        append(JSON.createObjectNode().put("event", "enabled").put("strategy", strategy).put("by", by)
                .put("reason", reason));
    }

    /** Writes the entry, forced to disk, then applies it. */
    private void append(final ObjectNode entry) {
        final byte[] bytes = (entry.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                final ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(file + ": cannot append to the ledger", e);
        }
        apply(entry);
    }
}
