package io.slicer.tools.marketdata.cme;

import java.io.IOException;

/**
 * A CME bar file that cannot be trusted; an {@link IllegalArgumentException}, so the CLI prints it as one line and
 * exits 2. The message names the file and the 1-based line, says what was expected
 * and what was found, e.g. {@code 6EH4.XCME_1min_bars_20240101_20240131.csv.gz:3: expected 6 fields, found 5}.
 * A broken gzip stream has no offending line to show, so its message says how far reading got instead:
 * {@code FILE: truncated or corrupt gzip stream after line N}.
 */
public final class CmeFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    public CmeFormatException(final String file, final long line, final String problem) {
        this(file + ":" + line + ": " + problem, file, line, null);
    }

    private CmeFormatException(final String message, final String file, final long line, final Throwable cause) {
        super(message, cause);
        this.file = file;
        this.line = line;
    }

    /** The gzip layer failed (EOF inside the stream, bad header, CRC mismatch) after {@code linesRead} good lines. */
    static CmeFormatException brokenGzip(final String file, final long linesRead, final IOException cause) {
        return new CmeFormatException(file + ": truncated or corrupt gzip stream after line " + linesRead, file,
                linesRead + 1, cause);
    }

    /** File name (no directory) of the offending file. */
    public String file() {
        return file;
    }

    /**
     * 1-based line number of the offending row (the row after the last one, for a missing row or a gzip stream that
     * broke off).
     */
    public long line() {
        return line;
    }
}
