package io.slicer.tools.marketdata.lobster;

/**
 * A LOBSTER file that cannot be trusted; an {@link IllegalArgumentException}, so the CLI prints it as one line and
 * exits 2. The message names the file and the 1-based line, says what was expected
 * and what was found, e.g. {@code AMZN_2012-06-21_34200000_57600000_message_1.csv:1234: expected 6 fields, found 5}.
 */
public final class LobsterFormatException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final long line;

    public LobsterFormatException(final String file, final long line, final String problem) {
        super(file + ":" + line + ": " + problem);
        this.file = file;
        this.line = line;
    }

    /** File name (no directory) of the offending file. */
    public String file() {
        return file;
    }

    /** 1-based line number of the offending row (the row after the last one, for a missing row). */
    public long line() {
        return line;
    }
}
