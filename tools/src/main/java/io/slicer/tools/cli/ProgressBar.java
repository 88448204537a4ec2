package io.slicer.tools.cli;

import io.slicer.tools.train.TrainingProgress;

import java.io.PrintWriter;
import java.util.Locale;

/** A one-line progress bar redrawn in place on stderr, for long steps (training, demo stages). */
final class ProgressBar implements TrainingProgress {
    private static final int WIDTH = 30;
    private final PrintWriter err;
    private final String label;

    ProgressBar(final PrintWriter err) {
        this(err, "");
    }

    ProgressBar(final PrintWriter err, final String label) {
        this.err = err;
        this.label = label.isEmpty() ? "" : label + " ";
    }

    @Override
    public void update(final long done, final long total, final String status) {
        final int filled = (int) (WIDTH * done / Math.max(1, total));
        final StringBuilder sb = new StringBuilder("\r").append(label).append('[');
        for (int i = 0; i < WIDTH; i++) {
            sb.append(i < filled ? '#' : '.');
        }
        sb.append(String.format(Locale.ROOT, "] %3d%% %d/%d  %s", 100 * done / Math.max(1, total), done, total,
                status));
        err.print(sb);
        err.flush();
    }

    /** Ends the bar's line so the next output starts on a fresh one. */
    void finish() {
        err.println();
        err.flush();
    }
}
