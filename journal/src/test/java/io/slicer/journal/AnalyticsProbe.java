package io.slicer.journal;

import io.slicer.engine.event.EngineEvent;
import net.openhft.chronicle.core.analytics.AnalyticsFacade;

import java.nio.file.Path;
import java.nio.file.Paths;

/** Child-JVM main for {@link ChronicleAnalyticsDisabledTest}: a real journal write and read, then reports. */
public final class AnalyticsProbe {
    private AnalyticsProbe() {
    }

    public static void main(final String[] args) {
        final Path dir = Paths.get(args[0]);
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
        System.out.println("analyticsEnabled=" + AnalyticsFacade.isEnabled());
        System.out.println("user.home=" + System.getProperty("user.home"));
    }
}
