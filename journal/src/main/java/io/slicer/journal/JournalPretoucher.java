package io.slicer.journal;

import java.io.File;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * Touches the pages of the journal's cycle file ahead of the appender, from the writer's background thread, so the
 * decision thread never pays for growing the file and faulting fresh pages in: without it an append that crosses
 * into an unmapped stretch of the file took up to ~22 ms (Chronicle Queue OSS's own pretoucher does nothing without
 * Enterprise).
 *
 * <p>Each page is touched by an atomic compare-and-set of its first four bytes from 0 to 0 through a mapping of our
 * own. That write makes the file system allocate the page and the kernel put it in the page cache, which the
 * appender's mapping of the same file then shares; and being atomic it cannot undo a record: where the appender has
 * already written a nonzero value the compare fails and nothing is stored, where it has not, a zero is stored over a
 * zero, and any later write of the appender lands after it. Readers find the end of the queue by its zero header,
 * not by the file's length, so a file grown ahead of its records reads the same.
 *
 * <p>The background thread only: not thread-safe.
 */
final class JournalPretoucher {
    /** How far ahead of the appender pages are kept touched: seconds of records at any rate the engine sustains. */
    static final long AHEAD_BYTES = 16L << 20;
    private static final int PAGE = 4096;
    private static final long WINDOW = 64L << 20;
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class,
            ByteOrder.nativeOrder());

    private File file;
    private FileChannel channel;
    private MappedByteBuffer window;
    private long windowStart = -1;
    private long touchedThrough;
    private volatile long pagesTouched;

    /** Touches every page of {@code current} from {@code position} (the appender's) to {@link #AHEAD_BYTES} ahead. */
    void touchAhead(final File current, final long position) throws IOException {
        if (current == null || position < 0) {
            return;
        }
        if (current != file) {
            close();
            file = current;
            channel = FileChannel.open(current.toPath(), StandardOpenOption.READ, StandardOpenOption.WRITE);
            touchedThrough = 0;
        }
        final long from = Math.max(touchedThrough, position & -PAGE);
        final long to = position + AHEAD_BYTES;
        for (long page = from; page < to; page += PAGE) {
            if (window == null || page < windowStart || page >= windowStart + WINDOW) {
                windowStart = page & -WINDOW;
                window = channel.map(FileChannel.MapMode.READ_WRITE, windowStart, WINDOW);
            }
            INTS.compareAndSet(window, (int) (page - windowStart), 0, 0);
            pagesTouched++;
        }
        touchedThrough = Math.max(touchedThrough, to & -PAGE);
    }

    /** Pages touched so far (each once). */
    long pagesTouched() {
        return pagesTouched;
    }

    void close() throws IOException {
        window = null; // the mapping goes when the buffer is collected; the file stays open only until then
        windowStart = -1;
        if (channel != null) {
            channel.close();
            channel = null;
        }
        file = null;
    }
}
