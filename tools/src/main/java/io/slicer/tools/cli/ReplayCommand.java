package io.slicer.tools.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.slicer.journal.Divergence;
import io.slicer.journal.JournalReplayer;
import io.slicer.journal.ReplaySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code slicer replay}: feeds a journal's inputs through a fresh engine (models from the journal's archive, SHA-256
 * checked) and compares every decision, halt and anomaly bit for bit. Exit 0 when everything matches, 1 at the first
 * divergence, 2 for an unreadable journal or a model whose SHA-256 changed.
 */
@Command(name = "replay",
        mixinStandardHelpOptions = true,
        description = {"Replays a journal through a fresh engine and compares every decision bit for bit.",
                "Prints a summary, or the first divergence with its context; exits 1 on divergence."})
public final class ReplayCommand implements Callable<Integer> {
    /** Exit code when the replay disagrees with the journal. */
    public static final int EXIT_DIVERGED = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal directory.")
    Path journal;

    @Option(names = "--json", description = "Print one JSON document instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        CliArguments.requireJournalDirectory(journal);
        final PrintWriter out = spec.commandLine().getOut();
        final long started = System.nanoTime();
        final ReplaySummary summary;
        try (JournalReplayer replayer = new JournalReplayer(journal)) {
            summary = replayer.run();
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        final double eventsPerSecond = summary.inputs() / seconds;
        if (json) {
            final Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("journal", journal.toString());
            doc.put("matched", summary.matched());
            doc.put("records", summary.records());
            doc.put("sessions", summary.sessions());
            doc.put("inputs", summary.inputs());
            doc.put("decisions", summary.decisions());
            doc.put("transitions", summary.transitions());
            doc.put("anomalies", summary.anomalies());
            doc.put("childrenSent", summary.childrenSent());
            doc.put("shadowDecisions", summary.shadowDecisions());
            doc.put("childCancels", summary.childCancels());
            doc.put("seconds", seconds);
            doc.put("inputsPerSecond", eventsPerSecond);
            final Divergence d = summary.divergence();
            if (d != null) {
                final Map<String, Object> div = new LinkedHashMap<>();
                div.put("journalSequence", d.journalSequence());
                div.put("inputSequence", d.inputSequence());
                div.put("kind", d.kind());
                div.put("field", d.field());
                div.put("journal", d.expected());
                div.put("replayed", d.found());
                div.put("input", d.input());
                doc.put("divergence", div);
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
        } else {
            out.printf(Locale.ROOT, "journal    %s%n", journal);
            out.printf(Locale.ROOT, "records    %,d in %d session(s)%n", summary.records(), summary.sessions());
            out.printf(Locale.ROOT, "inputs     %,d replayed in %.3f s (%,.0f inputs/s)%n", summary.inputs(), seconds,
                    eventsPerSecond);
            out.printf(Locale.ROOT, "outputs    %,d decisions, %,d kill-switch transitions, %,d anomalies; %,d children sent,"
                    + " %,d cancels sent%n", summary.decisions(), summary.transitions(), summary.anomalies(),
                    summary.childrenSent(), summary.childCancels());
            if (summary.shadowDecisions() > 0) {
                out.printf(Locale.ROOT, "shadow     %,d shadow decisions%n", summary.shadowDecisions());
            }
            out.println(summary.matched() ? "result     every output matches bit for bit"
                    : "result     DIVERGED\n" + summary.divergence().describe());
        }
        out.flush();
        return summary.matched() ? 0 : EXIT_DIVERGED;
    }
}
