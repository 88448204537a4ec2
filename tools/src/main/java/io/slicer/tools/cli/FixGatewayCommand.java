package io.slicer.tools.cli;

import io.slicer.tools.console.ConsoleAccess;
import io.slicer.tools.fix.gateway.FixGateway;
import io.slicer.tools.fix.gateway.GatewayConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code slicer fix-gateway}: Slicer behind FIX 4.4 until stopped (Ctrl-C or SIGTERM closes it cleanly; a SIGKILL
 * loses nothing, the next start on the same journal recovers). Prints one {@code ready} line when both sessions are
 * configured, then {@code quoted SYMBOL} when each symbol's first quote from the venue has reached the engine.
 */
@Command(name = "fix-gateway",
        mixinStandardHelpOptions = true,
        description = {"Runs the FIX gateway: accepts an OMS's parent orders over FIX 4.4 and works them on a venue.",
                "Everything it needs to recover after a crash is in --journal."})
public final class FixGatewayCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--port", required = true, paramLabel = "P", description = "Port the OMS connects to (127.0.0.1).")
    int port;

    @Option(names = "--venue", required = true, paramLabel = "HOST:PORT", description = "The venue's FIX acceptor.")
    String venue;

    @Option(names = "--journal", required = true, paramLabel = "DIR",
            description = "Journal and FIX session stores (created, or recovered when present).")
    Path journal;

    @Option(names = "--config", paramLabel = "FILE",
            description = "Gateway settings (properties; see the README). Default: symbol AAPL, twap/vwap/ac.")
    Path config;

    @Option(names = "--console-port", paramLabel = "P",
            description = "Also serve the operator console on this port (tokens from SLICER_TRADER_TOKEN and/or"
                    + " SLICER_VIEWER_TOKEN; refused when neither is set).")
    Integer consolePort;

    @Option(names = "--console-host", defaultValue = "127.0.0.1", paramLabel = "HOST",
            description = "Address the console binds (default: ${DEFAULT-VALUE}, this machine only).")
    String consoleHost;

    @Override
    public Integer call() throws Exception {
        final int colon = venue.lastIndexOf(':');
        final int venuePort;
        try {
            venuePort = colon > 0 ? Integer.parseInt(venue.substring(colon + 1)) : -1;
        } catch (final NumberFormatException e) {
            throw new IllegalArgumentException("--venue " + venue + ": expected HOST:PORT");
        }
        if (venuePort < 1 || venuePort > 65535) {
            throw new IllegalArgumentException("--venue " + venue + ": expected HOST:PORT with a port 1-65535");
        }
        final GatewayConfig settings = (config == null ? GatewayConfig.of("AAPL") : GatewayConfig.load(config))
                .omsPort(port).venue(venue.substring(0, colon), venuePort);
        final PrintWriter out = spec.commandLine().getOut();
        // Tokens are checked before anything starts: a console asked for without them is refused, not skipped.
        final ConsoleAccess access = consolePort == null ? null : ConsoleAccess.fromEnvironment(System.getenv());
        final FixGateway gateway = FixGateway.start(settings, journal, System.err);
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "fix-gateway-stop"));
        out.println("ready oms=127.0.0.1:" + port + " venue=" + venue + " journal=" + journal
                + " recoveredChildren=" + gateway.recoveredChildren());
        if (access != null) {
            out.println("console on http://" + consoleHost + ":"
                    + gateway.serveConsole(access, consoleHost, consolePort).port() + "/");
        }
        out.flush();
        final Thread quotes = new Thread(() -> {
            // A parent that starts before its symbol's first quote is halted (no reference price): say when each
            // symbol is ready to trade.
            try {
                for (final String symbol : settings.symbols()) {
                    while (!gateway.awaitQuote(symbol, 1_000)) {
                        continue;
                    }
                    out.println("quoted " + symbol);
                    out.flush();
                }
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "fix-gateway-quotes");
        quotes.setDaemon(true);
        quotes.start();
        stopped.await();
        return 0;
    }
}
