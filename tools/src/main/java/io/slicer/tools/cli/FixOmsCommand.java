package io.slicer.tools.cli;

import io.slicer.tools.fix.oms.OmsClient;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import quickfix.Message;

import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static io.slicer.tools.fix.oms.OmsClient.field;

/**
 * {@code slicer fix-oms}: a QuickFIX/J OMS that sends one parent order to a gateway and prints each ExecutionReport
 * as one line until the order ends. Exit 0 when it filled, 1 when it ended otherwise (or timed out).
 */
@Command(name = "fix-oms",
        mixinStandardHelpOptions = true,
        description = {"Sends one parent order to a FIX gateway (as CompID OMS) and prints its ExecutionReports.",
                "Exits 0 when the order fills, 1 when it ends otherwise."})
public final class FixOmsCommand implements Callable<Integer> {
    private static final Set<String> FINAL = Set.of("2", "3", "4", "8", "C");

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--gateway", required = true, paramLabel = "HOST:PORT", description = "The gateway's OMS port.")
    String gateway;

    @Option(names = "--symbol", defaultValue = "AAPL", paramLabel = "SYM", description = "Default ${DEFAULT-VALUE}.")
    String symbol;

    @Option(names = "--side", defaultValue = "buy", paramLabel = "buy|sell", description = "Default ${DEFAULT-VALUE}.")
    String side;

    @Option(names = "--qty", defaultValue = "10000", paramLabel = "N", description = "Default ${DEFAULT-VALUE}.")
    long qty;

    @Option(names = "--strategy", defaultValue = "1001", paramLabel = "CODE",
            description = "TargetStrategy 847: 1 VWAP, 2 POV, 1001 TWAP, 1002 Almgren-Chriss, 1003 policy "
                    + "(default ${DEFAULT-VALUE}).")
    String strategy;

    @Option(names = "--params", defaultValue = "slices=10", paramLabel = "K=V;...",
            description = "TargetStrategyParameters 848 (default ${DEFAULT-VALUE}).")
    String params;

    @Option(names = "--seconds", defaultValue = "20", paramLabel = "S",
            description = "Horizon: ExpireTime this many seconds ahead (default ${DEFAULT-VALUE}).")
    long seconds;

    @Option(names = "--limit", paramLabel = "PX", description = "Limit price (default: a market order).")
    Double limit;

    @Option(names = "--rate", paramLabel = "R", description = "ParticipationRate 849 for POV.")
    Double rate;

    @Override
    public Integer call() throws Exception {
        final int colon = gateway.lastIndexOf(':');
        final int port;
        try {
            port = Integer.parseInt(gateway.substring(colon + 1));
        } catch (final NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("--gateway " + gateway + ": expected HOST:PORT");
        }
        if (colon <= 0 || !side.equals("buy") && !side.equals("sell") || qty <= 0 || seconds <= 0) {
            throw new IllegalArgumentException("expected --gateway HOST:PORT, --side buy|sell, --qty > 0, --seconds > 0;"
                    + " found " + gateway + ", " + side + ", " + qty + ", " + seconds);
        }
        final PrintWriter out = spec.commandLine().getOut();
        try (OmsClient oms = OmsClient.connect(gateway.substring(0, colon), port, System.err)) {
            if (!oms.awaitLogon(10_000)) {
                throw new IllegalStateException("no logon from the gateway at " + gateway + " within 10 s");
            }
            final String clOrdId = "oms-" + System.currentTimeMillis();
            oms.send(oms.order(clOrdId, symbol, side.equals("buy") ? '1' : '2', qty,
                    limit == null ? Double.NaN : limit, strategy, params, rate == null ? Double.NaN : rate,
                    seconds * 1000));
            int printed = 0;
            final long deadline = System.currentTimeMillis() + seconds * 1000 + 30_000;
            while (System.currentTimeMillis() < deadline) {
                final List<Message> got = oms.received();
                for (; printed < got.size(); printed++) {
                    final Message m = got.get(printed);
                    out.println(line(m));
                    out.flush();
                    if (FINAL.contains(field(m, 39)) && field(m, 11).equals(clOrdId)) {
                        return field(m, 39).equals("2") ? 0 : 1;
                    }
                }
                Thread.sleep(20);
            }
            out.println("no final report within " + (seconds + 30) + " s");
            return 1;
        }
    }

    private static String line(final Message m) {
        return "ExecType=" + field(m, 150) + " OrdStatus=" + field(m, 39) + " ClOrdID=" + field(m, 11)
                + " LastQty=" + field(m, 32) + " LastPx=" + field(m, 31) + " CumQty=" + field(m, 14)
                + " AvgPx=" + field(m, 6) + " LeavesQty=" + field(m, 151)
                + (field(m, 58).isEmpty() ? "" : " Text=" + field(m, 58));
    }
}
