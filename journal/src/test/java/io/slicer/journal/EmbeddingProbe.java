package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.Permission;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Child-JVM main for {@link EmbeddedNoPhoneHomeTest}: an application that embeds the journal without Slicer's
 * {@code jvm.options}. Before anything else it installs a security manager that records every network check the JVM
 * makes (a host name lookup and a socket connect both pass {@code checkConnect}: {@code InetAddress}, {@code Socket},
 * {@code SocketChannel}, {@code DatagramSocket}, {@code HttpURLConnection} and {@code HttpClient} all ask it first) and
 * refuses any that is not the loopback, so nothing can leave even when something tries. Mode {@code slicer} writes and
 * reads a journal through Slicer; mode {@code chronicle} builds a Chronicle Queue directly, as an application that
 * never loaded Slicer would (the control that shows the recorder sees Chronicle's analytics when they are on). Then it
 * waits up to {@code args[2]} ms for a first attempt and prints every one it saw.
 */
public final class EmbeddingProbe {
    private static final List<String> ATTEMPTS = new CopyOnWriteArrayList<>();
    private static final long STARTED = System.nanoTime();
    private static volatile long firstAttemptMillis = -1;

    private EmbeddingProbe() {
    }

    /** Records network checks; allows everything else (this probe is about the network only). */
    private static final class NetworkRecorder extends SecurityManager {
        @Override
        public void checkConnect(final String host, final int port) {
            record(host, port);
        }

        @Override
        public void checkConnect(final String host, final int port, final Object context) {
            record(host, port);
        }

        private static void record(final String host, final int port) {
            if ("localhost".equals(host) || host.startsWith("127.") || "::1".equals(host)
                    || "0:0:0:0:0:0:0:1".equals(host)) {
                return;
            }
            if (ATTEMPTS.isEmpty()) {
                firstAttemptMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - STARTED);
            }
            ATTEMPTS.add(host + ":" + port);
            throw new SecurityException("EmbeddingProbe: no network from this JVM (" + host + ":" + port + ")");
        }

        @Override
        public void checkPermission(final Permission perm) {
        }

        @Override
        public void checkPermission(final Permission perm, final Object context) {
        }
    }

    @SuppressWarnings("removal")
    public static void main(final String[] args) throws Exception {
        System.setSecurityManager(new NetworkRecorder());
        final Path dir = Paths.get(args[1]);
        final long waitMillis = Long.parseLong(args[2]);
        if ("slicer".equals(args[0])) {
            try (JournalWriter writer = JournalWriter.open(dir)) {
                writer.commit(new EngineRecords().encodeInput(writer.stage(), 0, new EngineEvent().timer(1)));
            }
            long records = 0;
            try (JournalReader reader = JournalReader.open(dir)) {
                final JournalRecord record = new JournalRecord();
                while (reader.next(record)) {
                    records++;
                }
            }
            System.out.println("records=" + records);
        } else {
            try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).build();
                 ExcerptAppender appender = queue.createAppender()) {
                appender.writeText("an application's own record");
            }
        }
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
        while (ATTEMPTS.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        System.out.println("analyticsProperty=" + System.getProperty("chronicle.analytics.disable"));
        System.out.println("attempts=" + ATTEMPTS);
        System.out.println("firstAttemptMillis=" + firstAttemptMillis);
    }
}
