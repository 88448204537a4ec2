package io.slicer.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * The {@code slicer} command line. Each subcommand is a class of its own in this package; register it in
 * {@code subcommands} below. Conventions every subcommand follows:
 * <ul>
 *   <li>bad arguments or bad input files: one clear line on stderr and exit code 2, never a stack trace;</li>
 *   <li>commands that report numbers take {@code --json} and then print exactly one JSON document on stdout;</li>
 *   <li>progress goes to stderr, results to stdout.</li>
 * </ul>
 */
@Command(name = "slicer",
        mixinStandardHelpOptions = true,
        versionProvider = SlicerVersion.class,
        description = "Slices parent orders with learned or classic policies, journals every decision.",
        subcommands = {
                CommandLine.HelpCommand.class,
                TrainCommand.class,
                EvaluateCommand.class,
                ScheduleCommand.class,
                ModelCommand.class,
                BenchCommand.class,
                RunCommand.class,
                DemoCommand.class,
                ReplayCommand.class,
                AuditCommand.class,
                ConsoleCommand.class,
                JournalCommand.class,
                DaysCommand.class,
                LedgerCommand.class,
                ReportCommand.class,
                FixGatewayCommand.class,
                FixVenueCommand.class,
                FixOmsCommand.class,
        })
public final class SlicerCli implements Runnable {
    /** Exit code for bad arguments or unusable input. */
    public static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(final String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns its exit code (tests call this instead of {@link #main}). */
    public static int execute(final String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        final CommandLine cli = new CommandLine(new SlicerCli());
        cli.setParameterExceptionHandler(SlicerCli::onBadArguments);
        cli.setExecutionExceptionHandler(SlicerCli::onFailure);
        return cli;
    }

    private static int onBadArguments(final CommandLine.ParameterException e, final String[] args) {
        final PrintWriter err = e.getCommandLine().getErr();
        err.println("slicer: " + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
                + " --help')");
        return EXIT_USAGE;
    }

    /**
     * Input problems ({@link IllegalArgumentException} including {@link io.slicer.policy.model.ModelFormatException},
     * {@link java.io.UncheckedIOException} and friends) are the
     * user's to fix: one line, exit 2. Anything else is our bug and keeps its stack trace.
     */
    private static int onFailure(final Exception e, final CommandLine cli, final CommandLine.ParseResult parsed) {
        final PrintWriter err = cli.getErr();
        if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof java.io.IOException || e instanceof java.io.UncheckedIOException) {
            err.println(cli.getCommandSpec().qualifiedName() + ": " + e.getMessage());
            return EXIT_USAGE;
        }
        e.printStackTrace(err);
        return 1;
    }
}
