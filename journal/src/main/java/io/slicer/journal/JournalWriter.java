package io.slicer.journal;

import io.slicer.journal.sbe.ControlDecoder;
import io.slicer.journal.sbe.SealDecoder;
import io.slicer.journal.sbe.SessionDecoder;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * Appends records to a journal's Chronicle Queue, one document per record, as raw bytes, each framed with its sequence,
 * chain hash ({@link JournalChain}) and checksum. Written from the decision thread: one appender, one thread.
 *
 * <p>Durability policy (what reaches the disk when, not just the page cache that survives a process kill):
 * {@link #forceToDisk()} forces the queue's cycle file, then records the chain head in the chain head file
 * ({@link ChainHeadFile}) and forces that. It runs
 * <ul>
 *   <li>after every SESSION, SEAL and CONTROL (halt, pause, resume) record, before {@link #commit} returns;</li>
 *   <li>before a child order or a cancel leaves for the OMS ({@link DurableSends}): the input that decided it is on
 *       disk first, so a power loss can never lose the reason for a child the venue has;</li>
 *   <li>after every {@value #BATCH} records otherwise (market data, venue reports, timers, decisions), and on
 *       {@link #close()}: a power loss may lose up to that many such records after the last durable point.</li>
 * </ul>
 *
 * <p>Allocation-free after construction: the record is staged in a reused buffer, chained, checksummed and copied into
 * the queue's memory-mapped file; forcing uses channels opened once per cycle file.
 */
public final class JournalWriter implements RecordSink, AutoCloseable {
    /** Records written between forced writes when none of them needs one sooner. */
    public static final int BATCH = 1024;

    private final Path queueDir;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final JournalRecord stage = new JournalRecord();
    private final CRC32C crc = new CRC32C();
    private final JournalChain chain;
    private final ChainHeadFile headFile;
    private File cycleFile;
    private FileChannel cycleChannel;
    private long nextSequence;
    private long forcedThrough;
    private long forces;
    private long sessionRecord = -1;

    private JournalWriter(final Path queueDir, final SingleChronicleQueue queue, final ChainHead after,
                          final JournalKey key) {
        this.queueDir = queueDir;
        this.queue = queue;
        this.appender = queue.createAppender();
        this.chain = new JournalChain(key, after);
        this.nextSequence = after.records();
        this.forcedThrough = after.records();
        final ChainHead existing = ChainHeadFile.read(queueDir);
        if (existing != null && existing.records() > after.records()) {
            throw new IllegalStateException("the journal at " + queueDir + " already holds " + existing.records()
                    + " records (its chain head file says so): a writer continues a journal only after reading it to"
                    + " its end (recovery), never from record #" + after.records());
        }
        this.headFile = ChainHeadFile.openForWriting(queueDir);
        if (after.records() == 0) {
            headFile.write(0, chain.head(), chain.keyId());
        }
    }

    /**
     * Opens the queue in {@code queueDir} for appending after {@code after} (a verified chain head:
     * {@link ChainHead#GENESIS} for a new journal, else what a {@link JournalReader} read to the end), chaining with
     * {@code key}.
     */
    public static JournalWriter open(final Path queueDir, final ChainHead after, final JournalKey key) {
        final SingleChronicleQueue queue = JournalQueues.openForWriting(queueDir);
        try {
            return new JournalWriter(queueDir, queue, after, key);
        } catch (final RuntimeException e) {
            queue.close();
            throw e;
        }
    }

    /** A new journal in {@code queueDir}, chained with the configured key ({@link JournalKey#configured()}). */
    public static JournalWriter open(final Path queueDir) {
        return open(queueDir, ChainHead.GENESIS, JournalKey.configured());
    }

    @Override
    public JournalRecord stage() {
        return stage;
    }

    @Override
    public long commit(final int messageLength) {
        final long sequence = nextSequence;
        final int template = stage.header().templateId();
        stage.frame(sequence, messageLength, crc, chain);
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(stage.bytes(), 0, stage.length());
        }
        nextSequence = sequence + 1;
        if (template == SessionDecoder.TEMPLATE_ID) {
            sessionRecord = sequence;
        }
        if (template == SessionDecoder.TEMPLATE_ID || template == SealDecoder.TEMPLATE_ID
                || template == ControlDecoder.TEMPLATE_ID || nextSequence - forcedThrough >= BATCH) {
            forceToDisk();
        }
        return sequence;
    }

    /**
     * Makes every record written so far survive a power loss: forces the queue's cycle file to disk, then writes the
     * chain head file and forces it. Returns at once when nothing was written since the last call. The appending
     * thread only.
     */
    public void forceToDisk() {
        if (forcedThrough == nextSequence) {
            return;
        }
        try {
            cycleChannel().force(false);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot force the journal at " + queueDir + " to disk", e);
        }
        headFile.write(nextSequence, chain.head(), chain.keyId());
        forcedThrough = nextSequence;
        forces++;
    }

    /** The cycle file being appended to; a new one (a new day) also gets its directory entry forced. */
    private FileChannel cycleChannel() throws IOException {
        final File current = appender.currentFile();
        if (current != cycleFile) {
            if (cycleChannel != null) {
                cycleChannel.force(false);
                cycleChannel.close();
            }
            cycleChannel = FileChannel.open(current.toPath(), StandardOpenOption.WRITE);
            cycleFile = current;
            try (FileChannel dir = FileChannel.open(queueDir, StandardOpenOption.READ)) {
                dir.force(true);
            }
        }
        return cycleChannel;
    }

    /**
     * Closes the session cleanly: writes its SEAL ({@code inputs}: the inputs the journal holds) and forces it to disk.
     * The engines call this on close; a session that ends without it is one a crash ended.
     */
    public void seal(final long inputs) {
        if (sessionRecord < 0) {
            throw new IllegalStateException("no SESSION was written by this writer: nothing to seal");
        }
        new SealRecord(sessionRecord, inputs).write(this);
        sessionRecord = -1;
    }

    /**
     * Lets another thread take over appending (e.g. the ring's consumer thread after the opening thread wrote the
     * SESSION, or the closing thread after the consumer stopped). The caller guarantees the hand-over happens-before
     * the new thread's first append, as publishing to the ring or joining the consumer does.
     */
    public void handOver() {
        appender.singleThreadedCheckReset();
    }

    Path queueDir() {
        return queueDir;
    }

    /** The journal sequence the next record will get. */
    public long nextSequence() {
        return nextSequence;
    }

    /** Where the chain stands after the last record written (allocates: not for the hot path). */
    public ChainHead chainHead() {
        return chain.snapshot();
    }

    /** Times {@link #forceToDisk()} wrote to disk (calls with nothing new are not counted). */
    public long forces() {
        return forces;
    }

    /** Forces what is left to disk, then closes the queue. */
    @Override
    public void close() {
        try {
            forceToDisk();
        } finally {
            try {
                if (cycleChannel != null) {
                    cycleChannel.close();
                }
            } catch (final IOException e) {
                throw new UncheckedIOException("cannot close the journal at " + queueDir, e);
            } finally {
                headFile.close();
                appender.close();
                queue.close();
            }
        }
    }
}
