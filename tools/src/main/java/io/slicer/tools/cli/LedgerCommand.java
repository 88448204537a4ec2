package io.slicer.tools.cli;

import io.slicer.tools.governance.StrategyLedger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code slicer ledger}: the strategy ledger's governance commands. */
@Command(name = "ledger", description = "The strategy ledger: re-enable a demoted strategy.",
        mixinStandardHelpOptions = true, subcommands = {LedgerCommand.Enable.class})
public final class LedgerCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = "A trader re-enables a demoted strategy; recorded in the ledger with who and why.")
    static final class Enable implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--ledger", required = true, paramLabel = "DIR", description = "Ledger directory.")
        Path ledger;

        @Option(names = "--strategy", required = true, paramLabel = "SPEC", description = "The demoted strategy.")
        String strategy;

        @Option(names = "--by", required = true, paramLabel = "NAME", description = "Who re-enables it.")
        String by;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why.")
        String reason;

        @Override
        public Integer call() {
            final StrategyLedger l = StrategyLedger.open(ledger);
            final String was = l.demotion(strategy).orElse("");
            l.enable(strategy, by, reason);
            spec.commandLine().getOut().println("re-enabled " + strategy + " (was " + was + ") by " + by + ": "
                    + reason);
            return 0;
        }
    }
}
