package io.slicer.journal;

import io.slicer.journal.format.JournalFrame;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.zip.CRC32C;

/**
 * Appends records to a journal's Chronicle Queue, one document per record, as raw bytes, each framed with its sequence,
 * chain hash ({@link JournalChain}) and checksum. Written from the decision thread: one appender, one thread. A
 * background thread of its own ({@value #SYNC_THREAD}) does what would stall that thread: the batched forces, and
 * touching the file's pages ahead of the appender ({@link JournalPretoucher}).
 *
 * <p>Durability policy (what reaches the disk when, not just the page cache that survives a process kill):
 * {@link #forceToDisk()} forces the queue's cycle file, then records the chain head in the chain head file
 * ({@link ChainHeadFile}) and forces that. It runs
 * <ul>
 *   <li>after every SESSION, SEAL and CONTROL (halt, pause, resume) record, before {@link #commit} returns;</li>
 *   <li>before a child order or a cancel leaves for the OMS ({@link DurableSends}): the input that decided it is on
 *       disk first, so a power loss can never lose the reason for a child the venue has;</li>
 *   <li>after every {@value #BATCH} records otherwise (market data, venue reports, timers, decisions), by the
 *       background thread, so the decision thread does not wait for the disk; should the disk fall so far behind that
 *       {@value #MAX_UNFORCED} records are unforced, the appending thread forces itself. And on {@link #close()}. A
 *       power loss may lose up to {@value #MAX_UNFORCED} - 1 such records after the last durable point.</li>
 * </ul>
 * Every force, in either thread, holds one lock, and the chain head file names only records the force before it
 * covered: a background force writes the chain head the appender handed it with the request.
 *
 * <p>Allocation-free after construction: the record is staged in a reused buffer, chained, checksummed and copied into
 * the queue's memory-mapped file; forcing uses channels opened once per cycle file.
 */
public final class JournalWriter implements RecordSink, AutoCloseable {
    /** Records written between forced writes when none of them needs one sooner. */
    public static final int BATCH = 1024;
    /** Unforced records at which the appending thread stops leaving the force to the background thread. */
    public static final int MAX_UNFORCED = 2 * BATCH;
    /** The background thread's name (one per open writer). */
    public static final String SYNC_THREAD = "slicer-journal-sync";
    /** How often the background thread looks for work when not woken: pretouching keeps pace with the appender. */
    private static final long SYNC_PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Path queueDir;
    private final SingleChronicleQueue queue;
    private final ExcerptAppender appender;
    private final JournalRecord stage = new JournalRecord();
    private final CRC32C crc = new CRC32C();
    private final JournalChain chain;
    private final ChainHeadFile headFile;
    private final ReentrantLock forcing = new ReentrantLock();
    private final JournalPretoucher pretoucher = new JournalPretoucher();
    private final Thread sync;
    private final byte[] requestedHead = new byte[JournalFrame.CHAIN_LENGTH];
    private File cycleFile;
    private FileChannel cycleChannel;
    private long nextSequence;
    private volatile long forcedThrough;
    private long requestedThrough;
    private File requestedFile;
    private long askedThrough;
    private volatile long forces;
    private long sessionRecord = -1;
    /** The appender's file and where its last record ended: what the pretoucher works ahead of. */
    private volatile File appendingFile;
    private volatile long appendedTo = -1;
    private volatile boolean running = true;
    /** Set when a background force failed: the appending thread then forces every batch itself, as before. */
    private volatile boolean syncFailed;
    private boolean pretouching = true;

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
        this.askedThrough = after.records();
        this.headFile = ChainHeadFile.openForWriting(queueDir);
        if (after.records() == 0) {
            headFile.write(0, chain.head(), chain.keyId());
        }
        this.sync = new Thread(this::syncLoop, SYNC_THREAD);
        sync.setDaemon(true);
        sync.start();
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
        long end;
        try (DocumentContext dc = appender.writingDocument()) {
            dc.wire().bytes().write(stage.bytes(), 0, stage.length());
            end = dc.wire().bytes().writePosition();
        }
        appendedTo = end;
        nextSequence = sequence + 1;
        if (template == SessionDecoder.TEMPLATE_ID) {
            sessionRecord = sequence;
            appendingFile = appender.currentFile();
        }
        if (template == SessionDecoder.TEMPLATE_ID || template == SealDecoder.TEMPLATE_ID
                || template == ControlDecoder.TEMPLATE_ID || nextSequence - forcedThrough >= MAX_UNFORCED) {
            forceToDisk();
        } else if (nextSequence - askedThrough >= BATCH) {
            if (syncFailed) {
                forceToDisk(); // says why the disk refuses, on the thread that must know
            } else {
                askForBackgroundForce();
            }
        }
        return sequence;
    }

    /**
     * Hands the background thread what it needs to force the records so far: their count, the chain hash after the
     * last and the file they are in. Never waits: when a force is running (the lock is taken) the next commit asks
     * again.
     */
    private void askForBackgroundForce() {
        if (!forcing.tryLock()) {
            return;
        }
        try {
            requestedThrough = nextSequence;
            System.arraycopy(chain.head(), 0, requestedHead, 0, requestedHead.length);
            final File current = appender.currentFile();
            requestedFile = current;
            appendingFile = current;
        } finally {
            forcing.unlock();
        }
        askedThrough = nextSequence;
        LockSupport.unpark(sync);
    }

    /** The background thread: forces what the appender asked for, keeps pages touched ahead, until closed. */
    private void syncLoop() {
        while (running) {
            try {
                forceRequested();
            } catch (final IOException | RuntimeException e) {
                syncFailed = true; // the appending thread forces itself from now on, and fails there saying why
                return;
            }
            if (pretouching) {
                try {
                    pretoucher.touchAhead(appendingFile, appendedTo);
                } catch (final IOException | RuntimeException e) {
                    pretouching = false; // only speed is lost: the appender maps and grows the file itself
                }
            }
            LockSupport.parkNanos(this, SYNC_PERIOD_NANOS);
        }
    }

    private void forceRequested() throws IOException {
        forcing.lock();
        try {
            if (requestedThrough > forcedThrough) {
                cycleChannel(requestedFile).force(false);
                headFile.write(requestedThrough, requestedHead, chain.keyId());
                forcedThrough = requestedThrough;
                forces++;
            }
        } finally {
            forcing.unlock();
        }
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
        forcing.lock();
        try {
            if (forcedThrough == nextSequence) {
                return; // the background thread forced it all while we waited for the lock
            }
            cycleChannel(appender.currentFile()).force(false);
            headFile.write(nextSequence, chain.head(), chain.keyId());
            forcedThrough = nextSequence;
            askedThrough = nextSequence;
            forces++;
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot force the journal at " + queueDir + " to disk", e);
        } finally {
            forcing.unlock();
        }
    }

    /**
     * The channel of the cycle file being appended to; a new one (a new day) also gets its directory entry forced.
     * Under the force lock.
     */
    private FileChannel cycleChannel(final File current) throws IOException {
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

    /** Forces that wrote to disk, in either thread (calls with nothing new are not counted). */
    public long forces() {
        return forces;
    }

    /** Records forced to disk so far (the chain head file names as many). Any thread. */
    public long forcedThrough() {
        return forcedThrough;
    }

    /** Pages of the journal's files the background thread touched ahead of the appender. */
    long pagesPretouched() {
        return pretoucher.pagesTouched();
    }

    /** Forces what is left to disk, then closes the queue. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(sync);
        try {
            sync.join();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            pretoucher.close();
        } catch (final IOException e) {
            pretouching = false; // its own channel on a file the queue still holds open; nothing of the journal's
        }
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
