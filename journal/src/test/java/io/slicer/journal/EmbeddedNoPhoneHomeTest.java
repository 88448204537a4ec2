package io.slicer.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An OMS that embeds Slicer's journal without copying {@code jvm.options} must not phone home: Slicer switches
 * Chronicle's analytics off itself. Each check runs a fresh child JVM with only the module flags Chronicle needs (no
 * {@code -D} option from {@code jvm.options}), a fresh {@code user.home}, a class path without JUnit (Chronicle mutes
 * its analytics when it finds JUnit, which would make the check pass for the wrong reason) and
 * {@link EmbeddingProbe}'s recorder of network checks. The control, a raw Chronicle Queue in the same set-up, shows
 * what the recorder and the home directory see when the analytics are on.
 */
class EmbeddedNoPhoneHomeTest {
    private static final String CLIENT_ID_FILE = ".chronicle.analytics.client.id";
    /**
     * How long the Slicer probe leaves Chronicle to try after the journal is written and read: the control's first
     * attempt came about 2 s after its JVM started (printed by the control), and Chronicle decides at the first queue
     * build whether it will ever send (a muted analytics object when the switch is set), so this is margin.
     */
    private static final String WAIT_MILLIS = "5000";

    @TempDir
    Path home;

    @TempDir
    Path work;

    /** The JVM flags an embedding application needs for Chronicle on Java 17, none of Slicer's {@code -D} options. */
    private static List<String> moduleFlagsOnly() throws IOException {
        return Files.readAllLines(ChildJvm.jvmOptions()).stream().map(String::strip)
                .filter(l -> l.startsWith("--add-")).toList();
    }

    private static String classPathWithoutJUnit() {
        return Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.contains("junit") && !e.contains("opentest4j") && !e.contains("apiguardian"))
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    private String probe(final String mode, final String waitMillis) throws Exception {
        final Path hosts = work.resolve("no-hosts");
        Files.writeString(hosts, "");
        final List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(moduleFlagsOnly());
        command.add("-Duser.home=" + home);
        // Belt and braces: were a lookup to get past the recorder, it would find no host instead of asking DNS.
        command.add("-Djdk.net.hosts.file=" + hosts);
        command.add("-Djava.security.manager=allow");
        command.add("-cp");
        command.add(classPathWithoutJUnit());
        command.add(EmbeddingProbe.class.getName());
        command.add(mode);
        command.add(work.resolve("queue-" + mode).toString());
        command.add(waitMillis);
        final Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    private List<String> chronicleFilesInHome() throws IOException {
        try (Stream<Path> files = Files.list(home)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.contains("chronicle")).toList();
        }
    }

    @Test
    void aJournalInAJvmWithoutJvmOptionsWritesNoClientIdAndAttemptsNoConnection() throws Exception {
        final String out = probe("slicer", WAIT_MILLIS);
        assertTrue(out.contains("records=1"), out);
        assertTrue(out.contains("analyticsProperty=true"), "Slicer set the switch itself: " + out);
        assertTrue(out.contains("attempts=[]"), out);
        assertFalse(Files.exists(home.resolve(CLIENT_ID_FILE)), out);
        assertEquals(List.of(), chronicleFilesInHome());
    }

    /** Without Slicer the same JVM does phone home: the recorder and the file check can fail. */
    @Test
    void controlARawChronicleQueueInTheSameJvmTriesToPhoneHome() throws Exception {
        final String out = probe("chronicle", "20000");
        assertTrue(out.contains("analyticsProperty=null"), out);
        assertFalse(out.contains("attempts=[]"), out);
        assertTrue(out.contains("google-analytics.com:"), out);
        assertTrue(Files.exists(home.resolve(CLIENT_ID_FILE)), out);
        System.out.println("EmbeddedNoPhoneHomeTest control: " + out.lines()
                .filter(l -> l.startsWith("firstAttemptMillis=")).findFirst().orElse(""));
    }

    @Test
    void aJvmThatTurnedTheAnalyticsOnIsRefusedBeforeAnyQueueOpens() {
        final String before = System.getProperty(JournalQueues.ANALYTICS_DISABLE);
        System.setProperty(JournalQueues.ANALYTICS_DISABLE, "false");
        try {
            final IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> JournalWriter.open(work.resolve("refused")));
            assertTrue(e.getMessage().startsWith("Chronicle's usage analytics are enabled in this JVM"
                    + " (chronicle.analytics.disable=false)"), e.getMessage());
            assertFalse(Files.exists(work.resolve("refused")), "nothing was created");
        } finally {
            System.setProperty(JournalQueues.ANALYTICS_DISABLE, before);
        }
    }
}
