package io.slicer.journal;

/**
 * The first place a replay disagreed with the journal: which record, which field, what the journal holds and what
 * the replayed engine produced, and the input that led there.
 */
public record Divergence(long journalSequence, long inputSequence, String kind, String field, String expected,
                         String found, String input) {

    public String describe() {
        return "replay diverges at journal record #" + journalSequence + " (input #" + inputSequence + "): " + kind
                + (field.isEmpty() ? "" : ", field " + field)
                + "\n  journal:  " + expected
                + "\n  replayed: " + found
                + "\n  input:    " + input;
    }
}
