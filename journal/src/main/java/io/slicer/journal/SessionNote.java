package io.slicer.journal;

/**
 * A governance record written right after a SESSION, before the session's first input: the conditions its orders
 * trade under that are decided outside the engine ({@link StrategyApproval}: which approval a live model trades
 * under; {@link StrategyChoice}: a strategy demoted to TWAP). Replay passes over them; audits and reports read them.
 */
public interface SessionNote {
    /** Writes the note's record; returns its journal sequence. */
    long write(RecordSink sink);
}
