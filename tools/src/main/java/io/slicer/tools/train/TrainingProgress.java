package io.slicer.tools.train;

/** Where a trainer reports progress (the CLI draws a bar on stderr; tests pass {@link #NONE}). */
@FunctionalInterface
public interface TrainingProgress {
    TrainingProgress NONE = (done, total, status) -> { };

    void update(long done, long total, String status);
}
