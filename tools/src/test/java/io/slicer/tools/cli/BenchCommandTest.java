package io.slicer.tools.cli;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCommandTest {

    @Test
    void everyHarnessStageCanBeSkippedByName() {
        assertEquals(List.of("ring-latency", "ring-throughput", "journal", "replay", "fix", "console"),
                BenchCommand.HARNESSES.stream().map(BenchCommand.HarnessRun::stage).toList());
        assertEquals(Set.of("fix", "console"), BenchCommand.stagesToSkip(List.of("fix", " console")));
    }

    @Test
    void anUnknownStageToSkipIsOneLineAndExitTwoBeforeAnythingRuns() {
        final CliRun r = CliRun.of("bench", "--skip", "fix,consol");
        assertEquals(SlicerCli.EXIT_USAGE, r.exitCode(), r.err());
        final List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        assertTrue(lines.get(0).endsWith("--skip: unknown stage 'consol', expected one of ring-latency,"
                + " ring-throughput, journal, replay, fix, console"), lines.get(0));
        assertFalse(r.out().contains("bench-results"), r.out());
    }
}
