package io.slicer.journal;

import io.slicer.journal.format.RecordType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A FIFO of encoded records held in memory instead of written: what a replayed engine produces, waiting to be
 * compared with what the journal holds. Reuses its records; grows only when one input produces more outputs than
 * ever before. Records are not checksummed (only payloads are compared).
 */
final class CaptureSink implements RecordSink {
    private final List<JournalRecord> pool = new ArrayList<>();
    private int head;
    private int tail;

    @Override
    public JournalRecord stage() {
        if (tail == pool.size()) {
            pool.add(new JournalRecord());
        }
        return pool.get(tail);
    }

    @Override
    public long commit(final int messageLength) {
        pool.get(tail).captured(messageLength);
        return tail++;
    }

    boolean isEmpty() {
        return head == tail;
    }

    int size() {
        return tail - head;
    }

    /** The oldest captured record, or null when none is left; valid until the next {@link #clear}. */
    JournalRecord poll() {
        if (head == tail) {
            return null;
        }
        return pool.get(head++);
    }

    /**
     * Drops every captured record of {@code type} still waiting, keeping the others in order: replaying a journal
     * written before that type existed (format 4 had no CHILD_CANCEL), the engine's records of it have nothing to
     * be compared with.
     */
    void drop(final RecordType type) {
        int kept = head;
        for (int i = head; i < tail; i++) {
            if (pool.get(i).type() != type) {
                // Swap rather than overwrite, so every pooled record object stays in the pool.
                Collections.swap(pool, kept++, i);
            }
        }
        tail = kept;
    }

    void clear() {
        head = 0;
        tail = 0;
    }
}
