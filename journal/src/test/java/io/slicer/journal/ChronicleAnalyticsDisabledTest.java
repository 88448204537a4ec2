package io.slicer.journal;

import net.openhft.chronicle.core.analytics.AnalyticsFacade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chronicle's usage analytics must never run: a trading firm allows no outbound calls. Chronicle Analytics keeps a
 * client id in {@code ~/.chronicle.analytics.client.id} and creates it before its first send, so a JVM started with
 * Slicer's {@code jvm.options} that writes and reads a real journal must leave no such file in its home directory.
 */
class ChronicleAnalyticsDisabledTest {
    private static final String CLIENT_ID_FILE = ".chronicle.analytics.client.id";

    @TempDir
    Path home;

    @TempDir
    Path journal;

    @Test
    void testJvmRunsWithAnalyticsDisabled() {
        assertEquals("true", System.getProperty("chronicle.analytics.disable"),
                "surefire must pass jvm.options, which sets -Dchronicle.analytics.disable=true");
        assertFalse(AnalyticsFacade.isEnabled());
    }

    @Test
    void journalWriteAndReadCreatesNoAnalyticsClientId() throws Exception {
        final String out = ChildJvm.run(List.of("-Duser.home=" + home), AnalyticsProbe.class, journal.toString());

        assertTrue(out.contains("records=1"), out);
        assertTrue(out.contains("analyticsEnabled=false"), out);
        assertTrue(out.contains("user.home=" + home), out);
        assertFalse(Files.exists(home.resolve(CLIENT_ID_FILE)), "Chronicle wrote " + home.resolve(CLIENT_ID_FILE));
        try (Stream<Path> left = Files.list(home)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString())
                    .filter(name -> name.contains("chronicle")).toList());
        }
    }
}
