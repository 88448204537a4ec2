package io.slicer.tools.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressBarTest {
    @TempDir
    Path tmp;

    @Test
    void offATerminalEachUpdateIsAPlainLineOfItsOwn() {
        final StringWriter out = new StringWriter();
        final ProgressBar bar = new ProgressBar(new PrintWriter(out), "  DQN", false);
        bar.update(180, 4500, "eps 0.94");
        bar.update(360, 4500, "eps 0.87");
        bar.finish();
        assertEquals("  DQN   4% 180/4500  eps 0.94" + System.lineSeparator()
                + "  DQN   8% 360/4500  eps 0.87" + System.lineSeparator(), out.toString());
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() {
        final StringWriter out = new StringWriter();
        final ProgressBar bar = new ProgressBar(new PrintWriter(out), "", true);
        bar.update(1, 2, "half");
        bar.update(2, 2, "done");
        bar.finish();
        final String s = out.toString();
        assertEquals(2, s.chars().filter(c -> c == '\r').count());
        assertEquals(1, s.chars().filter(c -> c == '\n').count(), "one line, redrawn, ended once: " + s);
        assertTrue(s.contains("[###############...............]  50% 1/2  half"), s);
    }

    @Test
    void theEnvironmentForcesEitherStyleAndOtherwiseTheTerminalDecides() {
        assertFalse(ProgressBar.inPlace("plain", true));
        assertTrue(ProgressBar.inPlace("bar", false));
        assertTrue(ProgressBar.inPlace(null, true));
        assertFalse(ProgressBar.inPlace(null, false));
        assertFalse(ProgressBar.inPlace("", false));
    }

    @Test
    void trainingIntoALogWritesLinesNotCarriageReturns() {
        // Tests run without a console, as a CI log or `slicer train ... 2> log` does.
        final CliRun run = CliRun.of("train", "dqn", "--scenario", "ac-2000", "--out", tmp.resolve("m").toString(),
                "--episodes", "40", "--seed", "3", "--preset", "regime", "--validation-episodes", "10");
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("\r"), run.err());
        assertTrue(run.err().lines().filter(l -> l.contains("/40  ")).count() >= 2, run.err());
    }
}
