package io.slicer.tools.fix;

import io.slicer.engine.testing.DemoModels;
import io.slicer.policy.seal.ModelKeys;
import io.slicer.tools.cli.SlicerCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad arguments to the FIX commands: one line naming the problem, exit 2, no stack trace. */
class FixCommandLineTest {
    @TempDir
    Path tmp;

    private static String[] run(final String... args) {
        final CommandLine cli = SlicerCli.commandLine();
        final StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err));
        cli.setOut(new PrintWriter(new StringWriter()));
        return new String[]{String.valueOf(cli.execute(args)), err.toString()};
    }

    @Test
    void badGatewayArgumentsAndConfigurationExitTwoWithOneLine() throws Exception {
        final String[] venue = run("fix-gateway", "--port", "19000", "--venue", "localhost", "--journal",
                tmp.toString());
        assertEquals("2", venue[0]);
        assertTrue(venue[1].contains("--venue localhost: expected HOST:PORT"), venue[1]);
        final Path config = tmp.resolve("gateway.properties");
        Files.writeString(config, "symbols=AAPL\ntimerMillis=-5\n");
        final String[] bad = run("fix-gateway", "--port", "19000", "--venue", "127.0.0.1:19001", "--journal",
                tmp.resolve("j").toString(), "--config", config.toString());
        assertEquals("2", bad[0]);
        assertTrue(bad[1].contains("gateway.properties: timerMillis=-5: expected a positive whole number"), bad[1]);
        assertEquals(1, bad[1].strip().lines().count(), bad[1]);
        assertFalse(bad[1].contains("\tat "), bad[1]);
    }

    @Test
    void anUnapprovedModelIsRefusedBeforeTheGatewayWritesOrListens() throws Exception {
        final Path model = tmp.resolve("dqn");
        DemoModels.randomDqn(3).save(model, ModelKeys.signingKey(ModelKeys.directory(), notice -> { }));
        final Path config = tmp.resolve("gateway.properties");
        Files.writeString(config, "symbols=AAPL\nstrategies=twap," + "dqn:" + model + "\napprovals="
                + tmp.resolve("approvals.jsonl") + "\n");
        final Path journal = tmp.resolve("journal");
        final String[] refused = run("fix-gateway", "--port", String.valueOf(FixPorts.free()), "--venue",
                "127.0.0.1:" + FixPorts.free(), "--journal", journal.toString(), "--config", config.toString());
        assertEquals("2", refused[0]);
        assertTrue(refused[1].contains("dqn:" + model + " (identity ") && refused[1].contains(
                ") is not approved for live trading: no entry in " + tmp.resolve("approvals.jsonl")), refused[1]);
        assertEquals(1, refused[1].strip().lines().count(), refused[1]);
        assertFalse(Files.exists(journal.resolve("engine").resolve("queue")), "nothing journaled before refusing");
    }

    @Test
    void badVenueAndOmsArgumentsExitTwo() {
        final String[] scenario = run("fix-venue", "--port", "19002", "--scenario", "no-such", "--symbol", "AAPL");
        assertEquals("2", scenario[0]);
        assertTrue(scenario[1].contains("no-such"), scenario[1]);
        final String[] speed = run("fix-venue", "--port", "19002", "--scenario", "liquid-stock", "--symbol", "AAPL",
                "--speed", "0");
        assertEquals("2", speed[0]);
        final String[] side = run("fix-oms", "--gateway", "127.0.0.1:19003", "--side", "short");
        assertEquals("2", side[0]);
        assertTrue(side[1].contains("--side buy|sell"), side[1]);
    }
}
