package io.slicer.tools.cli;

import io.slicer.tools.train.TrainingProgress;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress of a long step (training, demo stages) on stderr. On a terminal it is one bar redrawn in place with
 * {@code \r}; when stderr goes to a file or a pipe ({@link System#console()} is null) each update is a plain line of
 * its own, so a log gets one short line per update rather than one line of every redraw run together.
 * {@value #STYLE_ENV}{@code =plain} or {@code =bar} forces either style.
 */
final class ProgressBar implements TrainingProgress {
    /** Environment variable that forces the style: {@code plain} (a line per update) or {@code bar} (in place). */
    static final String STYLE_ENV = "SLICER_PROGRESS";
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;
    private final boolean inPlace;

    ProgressBar(final PrintWriter err) {
        this(err, "");
    }

    ProgressBar(final PrintWriter err, final String label) {
        this(err, label, inPlace(System.getenv(STYLE_ENV), System.console() != null));
    }

    ProgressBar(final PrintWriter err, final String label, final boolean inPlace) {
        this.err = err;
        this.label = label.isEmpty() ? "" : label + " ";
        this.inPlace = inPlace;
    }

    /** Redraw in place only on a terminal, unless {@code style} ({@value #STYLE_ENV}) says otherwise. */
    static boolean inPlace(final String style, final boolean terminal) {
        if ("plain".equals(style)) {
            return false;
        }
        if ("bar".equals(style)) {
            return true;
        }
        return terminal;
    }

    @Override
    public void update(final long done, final long total, final String status) {
        final long percent = 100 * done / Math.max(1, total);
        if (!inPlace) {
            err.println(String.format(Locale.ROOT, "%s%3d%% %d/%d  %s", label, percent, done, total, status));
            err.flush();
            return;
        }
        final int filled = (int) (WIDTH * done / Math.max(1, total));
        final StringBuilder sb = new StringBuilder("\r").append(label).append('[');
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < filled ? '#' : '.');
        }
        sb.append(String.format(Locale.ROOT, "] %3d%% %d/%d  %s", percent, done, total, status));
        err.print(sb);
        err.flush();
    }

    /** Ends the bar's line so the next output starts on a fresh one (a plain line already ended). */
    void finish() {
        if (inPlace) {
            err.println();
            err.flush();
        }
    }
}
