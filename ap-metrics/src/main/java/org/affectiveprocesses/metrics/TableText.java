package org.affectiveprocesses.metrics;

import java.util.List;
import java.util.Locale;

/** Renders a header and rows of cells as a GitHub Markdown table or as CSV (RFC 4180). */
final class TableText {

    private TableText() {}

    /** A value with three decimals, e.g. {@code 0.604}; {@code NaN} stays {@code NaN}. */
    static String threeDecimals(double value) {
        String text = String.format(Locale.ROOT, "%.3f", value);
        return text.equals("-0.000") ? "0.000" : text;
    }

    /** A value with full precision for machine reading. */
    static String fullPrecision(double value) {
        return Double.toString(value);
    }

    /** A Markdown table; every line, the last included, ends with a newline. */
    static String markdown(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        markdownLine(out, header);
        out.append('|');
        for (int i = 0; i < header.size(); i++) {
            out.append("---|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            markdownLine(out, row);
        }
        return out.toString();
    }

    /** A CSV table with a header line; every line ends with a newline. */
    static String csv(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        csvLine(out, header);
        for (List<String> row : rows) {
            csvLine(out, row);
        }
        return out.toString();
    }

    private static void markdownLine(StringBuilder out, List<String> cells) {
        out.append('|');
        for (String cell : cells) {
            String escaped = cell.replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
            out.append(' ').append(escaped).append(" |");
        }
        out.append('\n');
    }

    private static void csvLine(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            boolean quote =
                    cell.contains(",") || cell.contains("\"") || cell.contains("\n")
                            || cell.contains("\r");
            out.append(quote ? '"' + cell.replace("\"", "\"\"") + '"' : cell);
        }
        out.append('\n');
    }
}
