package io.slicer.tools.cli;

import io.slicer.journal.ChainHead;
import io.slicer.journal.JournalKey;
import io.slicer.journal.JournalSalvage;
import io.slicer.journal.JournalVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code slicer journal verify} and {@code slicer journal salvage}: a journal's integrity without replaying it, and a
 * copy of the valid prefix of a damaged one. Both read the journal key the engine used ({@link JournalKey#ENV}).
 * Exit 0 for a valid journal (verify) or a finished copy (salvage), 2 with one line naming the first bad record.
 */
@Command(name = "journal",
        mixinStandardHelpOptions = true,
        description = {"Checks a journal's integrity (hash chain, seals, sequence, chain head file) or copies the "
                + "valid prefix of a damaged one.",
                "A key for keyed journals comes from the file named by " + JournalKey.ENV + "."},
        subcommands = {JournalCommand.Verify.class, JournalCommand.Salvage.class})
public final class JournalCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "verify",
            mixinStandardHelpOptions = true,
            description = {"Reads every record: checksum, journal sequence, hash chain, layout; the order of "
                    + "sessions, inputs, outputs and seals; the queue against its chain head file.",
                    "Prints what the journal holds and whether its last session was sealed; one line and exit 2 "
                            + "naming the first bad record."})
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal directory.")
        Path journal;

        @Override
        public Integer call() {
            CliArguments.requireJournalDirectory(journal);
            final JournalVerifier.Report r = JournalVerifier.verify(journal, JournalKey.configured());
            final PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "journal    %s%n", journal);
            out.printf(Locale.ROOT, "records    %,d in %d session(s) (%d restart(s) after a crash), %,d inputs%n",
                    r.records(), r.sessions(), r.restarts(), r.inputs());
            out.printf(Locale.ROOT, "chain      %s, head %s at record #%d%n", r.chain(), r.head().hash(),
                    r.records() - 1);
            final ChainHead recorded = r.recorded();
            out.printf(Locale.ROOT, "chain head file  %,d records forced to disk, hash matches%s%n",
                    recorded.records(), recorded.records() < r.records()
                            ? " (" + (r.records() - recorded.records()) + " later records not yet forced)" : "");
            out.println(r.sealed() ? "sealed     yes: the last session closed cleanly"
                    : "sealed     no: the session opened at record #" + r.openSession() + " has no SEAL (the engine is"
                    + " running, or stopped without closing; the next start recovers it)");
            out.println("result     valid");
            out.flush();
            return 0;
        }
    }

    @Command(name = "salvage",
            mixinStandardHelpOptions = true,
            description = {"Copies every record up to the first bad one (and the archived models) into a new "
                    + "journal directory, chained afresh, so the day can be replayed, audited and resumed.",
                    "The copy is left unsealed: an engine started on it recovers it as after a crash."})
    static final class Salvage implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Damaged journal directory.")
        Path journal;

        @Option(names = "--out", required = true, paramLabel = "DIR",
                description = "New journal directory (must not exist or be empty).")
        Path out;

        @Override
        public Integer call() {
            CliArguments.requireJournalDirectory(journal);
            final JournalSalvage.Report r = JournalSalvage.salvage(journal, out, JournalKey.configured());
            final PrintWriter w = spec.commandLine().getOut();
            w.printf(Locale.ROOT, "copied     %,d valid records of %s to %s%n", r.copied(), journal, out);
            w.printf(Locale.ROOT, "chain      head %s%n", r.head().hash());
            w.println(r.problem() == null ? "source     intact: nothing was left behind"
                    : "left       " + r.problem());
            w.flush();
            return 0;
        }
    }
}
