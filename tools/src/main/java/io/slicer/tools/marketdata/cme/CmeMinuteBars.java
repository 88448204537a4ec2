package io.slicer.tools.marketdata.cme;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * One CME futures contract's 1-minute bars, read whole from a gzipped CSV such as
 * {@code 6EH4.XCME_1min_bars_20240101_20240131.csv.gz} (Euro FX, March 2024, January 2024), header
 * {@code timestamp_utc,open,high,low,close,volume}, rows like {@code 2024-01-01 23:01:00,1.1076,1.10785,1.1076,1.1078,205}.
 *
 * <ul>
 *   <li>The timestamp is the bar's END in UTC: the row stamped 23:01:00 holds the trades of 23:00:00-23:01:00, so the
 *       first bar of a session (opening 23:00 UTC) is stamped 23:01.</li>
 *   <li>Minutes without a trade are absent, not zero rows: consecutive bars may be more than 60 s apart, and a gap is
 *       "no trades", not "missing data".</li>
 *   <li>Open, high, low and close are trade prices; the file has no bid/ask quotes, so a spread cannot be read off
 *       it. Volume is in contracts.</li>
 * </ul>
 *
 * <p>{@link #read(Path)} validates every row (see {@link CmeFormatException} for the message shape), leaves out and
 * counts the bars the plausibility filter refuses ({@link #rejected()}), and keeps the bars in primitive arrays. Immutable and thread-safe once read.
 */
public final class CmeMinuteBars {
    private static final String FOLDER_PREFIX = "cme_";
    private static final String FILE_SUFFIX = ".csv.gz";
    private static final int GZIP_BUFFER = 1 << 16;

    private final Path file;
    private final String symbol;
    private final long[] endEpochSecond;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final long[] volume;
    private final long rejected;

    /** Takes ownership of the arrays: {@link CmeBarParser} hands over copies no one else holds. */
    CmeMinuteBars(final Path file, final String symbol, final long[] endEpochSecond, final double[] open,
                  final double[] high, final double[] low, final double[] close, final long[] volume,
                  final long rejected) {
        this.file = file;
        this.symbol = symbol;
        this.endEpochSecond = endEpochSecond;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.rejected = rejected;
    }

    /**
     * Reads and validates the whole file. The symbol is the file name up to its first '.', e.g. {@code 6EH4}.
     *
     * @throws CmeFormatException   on the first row that breaks the format, or a truncated/corrupt gzip stream
     * @throws UncheckedIOException when the file cannot be opened or read
     */
    public static CmeMinuteBars read(final Path gzCsv) {
        final String fileName = gzCsv.getFileName().toString();
        final int dot = fileName.indexOf('.');
        if (dot <= 0) {
            throw new IllegalArgumentException(gzCsv + ": expected a file name like"
                    + " 6EH4.XCME_1min_bars_20240101_20240131.csv.gz (symbol before the first '.'), found '" + fileName + "'");
        }
        final CmeBarParser parser = new CmeBarParser(fileName);
        try (InputStream raw = Files.newInputStream(gzCsv);
             BufferedReader lines = new BufferedReader(new InputStreamReader(
                     new GZIPInputStream(raw, GZIP_BUFFER), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                parser.accept(line);
            }
        } catch (final EOFException | ZipException e) {
            throw CmeFormatException.brokenGzip(fileName, parser.linesRead(), e);
        } catch (final IOException e) {
            throw new UncheckedIOException(gzCsv + ": cannot read CME bar file", e);
        }
        return parser.finish(gzCsv, fileName.substring(0, dot));
    }

    /**
     * The bar file in the single {@code cme_*} folder directly under {@code dataRoot} (the shared data root, see
     * {@link io.slicer.tools.marketdata.lobster.LobsterDays#sharedDataRoot()}). Empty when there is none; fails,
     * listing them, when there are several, because picking one silently would make a backtest depend on directory
     * order.
     */
    public static Optional<Path> find(final Path dataRoot) {
        if (!Files.isDirectory(dataRoot)) {
            throw new IllegalArgumentException(dataRoot + ": data root is not a directory");
        }
        final List<Path> found;
        try (Stream<Path> folders = Files.list(dataRoot)) {
            found = folders.filter(d -> Files.isDirectory(d) && d.getFileName().toString().startsWith(FOLDER_PREFIX))
                    .flatMap(CmeMinuteBars::barFilesIn)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (final IOException e) {
            throw new UncheckedIOException(dataRoot + ": cannot list CME folders", e);
        }
        if (found.size() > 1) {
            throw new IllegalStateException(dataRoot + ": expected one CME bar file (" + FOLDER_PREFIX + "*/*"
                    + FILE_SUFFIX + "), found " + found.size() + ": "
                    + found.stream().map(p -> dataRoot.relativize(p).toString()).collect(Collectors.joining(", ")));
        }
        return found.stream().findFirst();
    }

    /** Not closed here: flatMap closes each listing once it has been consumed. */
    private static Stream<Path> barFilesIn(final Path folder) {
        try {
            return Files.list(folder)
                    .filter(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(FILE_SUFFIX));
        } catch (final IOException e) {
            throw new UncheckedIOException(folder + ": cannot list CME bar files", e);
        }
    }

    public Path file() {
        return file;
    }

    /** The contract, e.g. {@code 6EH4} (6E = Euro FX, H = March, 4 = 2024). */
    public String symbol() {
        return symbol;
    }

    /** Number of bars (minutes with at least one trade). */
    public int size() {
        return endEpochSecond.length;
    }

    /** End of bar {@code i} in UTC epoch seconds, always a whole minute; the bar covers the 60 s before it. */
    public long endEpochSecond(final int i) {
        return endEpochSecond[i];
    }

    public double open(final int i) {
        return open[i];
    }

    public double high(final int i) {
        return high[i];
    }

    public double low(final int i) {
        return low[i];
    }

    public double close(final int i) {
        return close[i];
    }

    /** Contracts traded in bar {@code i}. */
    public long volume(final int i) {
        return volume[i];
    }

    /** Well-formed bars the plausibility filter refused and left out (see {@link CmeBarParser}). */
    public long rejected() {
        return rejected;
    }

    @Override
    public String toString() {
        return symbol + ": " + size() + " one-minute bars ending " + Instant.ofEpochSecond(endEpochSecond[0]) + " .. "
                + Instant.ofEpochSecond(endEpochSecond[size() - 1]);
    }
}
