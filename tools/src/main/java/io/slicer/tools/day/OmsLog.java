package io.slicer.tools.day;

import io.slicer.engine.market.Side;
import io.slicer.engine.port.ChildOrderSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The simulated OMS: every child order and cancel the engine sends, appended to a text file one line per message,
 * each line in one {@code write} so a killed process leaves whole lines only. It is the ground truth of what reached
 * the market: a restarted engine reconciles against it so nothing is sent twice and nothing is lost.
 * <pre>
 *   N childId parentId side quantity limitPrice second     a new child
 *   C childId parentId second                              a cancel request
 * </pre>
 * {@code second} is the event-time second in which the engine decided the message.
 */
public final class OmsLog implements ChildOrderSink, AutoCloseable {
    /** One new child as the OMS received it. */
    public record SentChild(long childId, long parentId, Side side, long quantity, double limitPrice, long second) {
    }

    private final FileChannel channel;
    private final Map<Long, SentChild> sent = new TreeMap<>();
    private final Map<Long, Long> cancels = new TreeMap<>();
    private final List<String> duplicates = new ArrayList<>();
    private long second;

    public OmsLog(final Path file) {
        try {
            if (Files.exists(file)) {
                for (final String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                    parse(line);
                }
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot open OMS log " + file, e);
        }
    }

    private void parse(final String line) {
        final String[] f = line.split(" ");
        if (f[0].equals("N")) {
            final SentChild c = new SentChild(Long.parseLong(f[1]), Long.parseLong(f[2]), Side.valueOf(f[3]),
                    Long.parseLong(f[4]), Double.parseDouble(f[5]), Long.parseLong(f[6]));
            if (sent.put(c.childId(), c) != null) {
                duplicates.add(line);
            }
        } else if (f[0].equals("C")) {
            cancels.putIfAbsent(Long.parseLong(f[1]), Long.parseLong(f[3]));
        } else {
            throw new IllegalArgumentException("OMS log line '" + line + "': expected N or C");
        }
    }

    /** The event-time second the engine is deciding in; stamped on the messages it sends. */
    public void second(final long second) {
        this.second = second;
    }

    @Override
    public void onNewChild(final long childId, final long parentId, final int symbol, final Side side,
                           final long quantity, final double limitPrice) {
        sendChild(childId, parentId, side, quantity, limitPrice, second);
    }

    /** Sends a child decided in {@code decidedSecond} (recovery re-sends with the original decision time). */
    public void sendChild(final long childId, final long parentId, final Side side, final long quantity,
                          final double limitPrice, final long decidedSecond) {
        final String line = "N " + childId + " " + parentId + " " + side + " " + quantity + " " + limitPrice + " "
                + decidedSecond + "\n";
        append(line);
        if (sent.put(childId, new SentChild(childId, parentId, side, quantity, limitPrice, decidedSecond)) != null) {
            duplicates.add(line.trim());
        }
    }

    @Override
    public void onCancelChild(final long childId, final long parentId) {
        cancelChild(childId, parentId, second);
    }

    public void cancelChild(final long childId, final long parentId, final long decidedSecond) {
        append("C " + childId + " " + parentId + " " + decidedSecond + "\n");
        cancels.putIfAbsent(childId, decidedSecond);
    }

    private void append(final String line) {
        try {
            final ByteBuffer bytes = ByteBuffer.wrap(line.getBytes(StandardCharsets.US_ASCII));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot append to OMS log", e);
        }
    }

    public boolean knows(final long childId) {
        return sent.containsKey(childId);
    }

    public boolean cancelSent(final long childId) {
        return cancels.containsKey(childId);
    }

    /** Children sent, by child id. */
    public Map<Long, SentChild> sent() {
        return Collections.unmodifiableMap(sent);
    }

    /** Cancel requests: child id to the second it was decided. */
    public Map<Long, Long> cancels() {
        return Collections.unmodifiableMap(cancels);
    }

    /** Lines that sent a child id that had been sent before: must stay empty. */
    public List<String> duplicates() {
        return Collections.unmodifiableList(duplicates);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot close OMS log", e);
        }
    }
}
