package io.slicer.tools.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of strings laid out for a terminal (aligned columns, first column left, the rest right) or as a
 * Markdown table. Rows are kept in insertion order.
 */
public final class TextTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public TextTable(final String... header) {
        this.header = List.of(header);
    }

    public TextTable row(final String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + header.size());
        }
        rows.add(List.of(cells));
        return this;
    }

    /** Columns separated by two spaces, a dashed rule under the header. */
    public String toText() {
        final int[] width = widths();
        final StringBuilder sb = new StringBuilder();
        line(sb, header, width);
        for (int c = 0; c < width.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            sb.append("-".repeat(width[c]));
        }
        sb.append('\n');
        for (final List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    /** GitHub-flavoured Markdown, numbers right-aligned. */
    public String toMarkdown() {
        final StringBuilder sb = new StringBuilder();
        sb.append('|');
        for (final String h : header) {
            sb.append(' ').append(escape(h)).append(" |");
        }
        sb.append("\n|");
        for (int c = 0; c < header.size(); c++) {
            sb.append(c == 0 ? " :--- |" : " ---: |");
        }
        sb.append('\n');
        for (final List<String> r : rows) {
            sb.append('|');
            for (final String cell : r) {
                sb.append(' ').append(escape(cell)).append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private int[] widths() {
        final int[] width = new int[header.size()];
        for (int c = 0; c < width.length; c++) {
            width[c] = header.get(c).length();
            for (final List<String> r : rows) {
                width[c] = Math.max(width[c], r.get(c).length());
            }
        }
        return width;
    }

    private static void line(final StringBuilder sb, final List<String> cells, final int[] width) {
        for (int c = 0; c < width.length; c++) {
            if (c > 0) {
                sb.append("  ");
            }
            final String cell = cells.get(c);
            final String pad = " ".repeat(width[c] - cell.length());
            if (c == 0) {
                sb.append(cell).append(c == width.length - 1 ? "" : pad);
            } else {
                sb.append(pad).append(cell);
            }
        }
        sb.append('\n');
    }

    private static String escape(final String s) {
        return s.replace("|", "\\|");
    }
}
