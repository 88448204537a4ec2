package io.slicer.tools.fix;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A raw FIX 4.4 connection for tests that must send what no FIX engine would (bad checksums, wrong lengths, garbled
 * tags): frames written by hand as the specification defines them (BeginString, BodyLength counting the bytes after
 * its own SOH up to the CheckSum field, CheckSum the byte sum mod 256 written as three digits), and messages read back
 * whole. SOH is written '|' in the texts given and returned.
 */
final class FixWire implements AutoCloseable {
    static final char SOH = '\u0001';
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HH:mm:ss.SSS");
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder pending = new StringBuilder();

    FixWire(final int port) throws IOException {
        this.socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(200);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static String now() {
        return LocalDateTime.now(ZoneOffset.UTC).format(TIME);
    }

    /** A correct frame around {@code body} ('|' for SOH, without 8, 9 and 10). */
    static String frame(final String body) {
        final String b = body.replace('|', SOH);
        final String head = "8=FIX.4.4" + SOH + "9=" + b.getBytes(StandardCharsets.US_ASCII).length + SOH;
        return head + b + "10=" + checksum(head + b) + SOH;
    }

    static String checksum(final String text) {
        int sum = 0;
        for (final byte x : text.getBytes(StandardCharsets.US_ASCII)) {
            sum += x & 0xff;
        }
        return String.format("%03d", sum % 256);
    }

    void sendRaw(final String wire) throws IOException {
        out.write(wire.replace('|', SOH).getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    void send(final String body) throws IOException {
        sendRaw(frame(body));
    }

    /** The next whole message ('|' for SOH) within {@code millis}, or null; "CLOSED" when the peer hung up. */
    String read(final long millis) throws IOException {
        final long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            final int at = pending.indexOf(SOH + "10=");
            if (at >= 0 && pending.length() >= at + 8) {
                final String m = pending.substring(0, at + 8);
                pending.delete(0, at + 8);
                return m.replace(SOH, '|');
            }
            try {
                final int c = in.read();
                if (c < 0) {
                    return "CLOSED";
                }
                pending.append((char) c);
            } catch (final SocketTimeoutException e) {
                continue;
            }
        }
        return null;
    }

    /** Reads until a message containing {@code fragment} arrives; null when none within {@code millis}. */
    String await(final String fragment, final long millis) throws IOException {
        final long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            final String m = read(end - System.currentTimeMillis());
            if (m == null || m.contains(fragment) || m.equals("CLOSED")) {
                return m;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
