package org.affectiveprocesses.charts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.affectiveprocesses.metrics.EvaluationReport;
import org.affectiveprocesses.metrics.Metric;
import org.affectiveprocesses.metrics.ResultsTable;

/**
 * A self-contained HTML page reporting an evaluation run: headings, text, tables (from {@link
 * ResultsTable}, {@link EvaluationReport} or markdown) and figures embedded as PNG data, so the
 * single file can be mailed or archived.
 *
 * <pre>{@code
 * HtmlReport.builder("AP on SEWA, test split")
 *         .table("CCC, backbone vs AP", ResultsTable.of(Metric.CCC, backbone, ap))
 *         .figure("Fig. 4: a test window", WindowChart.of(video, prediction).build())
 *         .build().save(Path.of("report.html"));
 * }</pre>
 */
public final class HtmlReport {
    private final String html;

    private HtmlReport(String html) {
        this.html = html;
    }

    /** Starts a report with a title. */
    public static Builder builder(String title) {
        return new Builder(title);
    }

    /** The page. */
    public String html() {
        return html;
    }

    /**
     * Writes the page (UTF-8) atomically; missing parent directories are created.
     *
     * @return the file
     */
    public Path save(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path tmp = parent.resolve("." + file.getFileName() + ".tmp");
        try {
            Files.writeString(tmp, html, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }

    /** Collects the report's parts in order; not thread-safe. */
    public static final class Builder {
        private final String title;
        private final List<String> parts = new ArrayList<>();
        private int figures;

        private Builder(String title) {
            if (title == null || title.isBlank()) {
                throw new IllegalArgumentException("a report needs a title");
            }
            this.title = title;
        }

        /** A section heading. */
        public Builder heading(String text) {
            parts.add("<h2>" + escape(text) + "</h2>");
            return this;
        }

        /** A paragraph of plain text. */
        public Builder paragraph(String text) {
            parts.add("<p>" + escape(text) + "</p>");
            return this;
        }

        /** Preformatted text (e.g. a configuration). */
        public Builder preformatted(String text) {
            parts.add("<pre>" + escape(text) + "</pre>");
            return this;
        }

        /** One metric for several models; the best value of each column is bold. */
        public Builder table(String caption, ResultsTable table) {
            List<String> header = new ArrayList<>();
            header.add("Model");
            header.addAll(table.dimensions());
            header.add("Mean");
            List<List<String>> rows = new ArrayList<>();
            List<double[]> values = new ArrayList<>();
            for (String model : table.modelNames()) {
                double[] v = new double[table.dimensions().size() + 1];
                for (int d = 0; d < table.dimensions().size(); d++) {
                    v[d] = table.value(model, table.dimensions().get(d));
                }
                v[v.length - 1] = table.mean(model);
                values.add(v);
            }
            for (int r = 0; r < values.size(); r++) {
                List<String> row = new ArrayList<>();
                row.add(escape(table.modelNames().get(r)));
                for (int c = 0; c < values.get(r).length; c++) {
                    String cell = number(values.get(r)[c]);
                    row.add(isBest(values, r, c, table.metric()) && values.size() > 1 ? "<b>" + cell + "</b>" : cell);
                }
                rows.add(row);
            }
            parts.add(tableHtml(caption + " (" + table.metric().displayName() + ")", escapeAll(header), rows));
            return this;
        }

        /** Every metric of one model's report. */
        public Builder table(String caption, EvaluationReport report) {
            List<String> header = new ArrayList<>();
            header.add("Metric");
            header.addAll(report.dimensions());
            header.add("Mean");
            List<List<String>> rows = new ArrayList<>();
            for (Metric m : report.metrics()) {
                List<String> row = new ArrayList<>();
                row.add(escape(m.displayName()));
                for (int d = 0; d < report.dimensions().size(); d++) {
                    row.add(number(report.value(m, d)));
                }
                row.add(number(report.mean(m)));
                rows.add(row);
            }
            parts.add(tableHtml(caption + String.format(Locale.ROOT, " (%s, %d sequences, %d frames)",
                    report.modelName(), report.sequenceCount(), report.frameCount()), escapeAll(header), rows));
            return this;
        }

        /**
         * Markdown as the SDK prints it: {@code #} headings, {@code |} tables and paragraphs;
         * everything else is shown as text.
         */
        public Builder markdown(String markdown) {
            List<String> lines = markdown.lines().toList();
            StringBuilder paragraph = new StringBuilder();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("|")) {
                    flush(paragraph);
                    List<String> block = new ArrayList<>();
                    while (i < lines.size() && lines.get(i).strip().startsWith("|")) {
                        block.add(lines.get(i).strip());
                        i++;
                    }
                    i--;
                    parts.add(markdownTable(block));
                } else if (line.startsWith("#")) {
                    flush(paragraph);
                    int level = Math.min(4, (int) line.chars().takeWhile(ch -> ch == '#').count() + 1);
                    parts.add("<h" + level + ">" + escape(line.replaceFirst("^#+\\s*", "")) + "</h" + level + ">");
                } else if (line.isEmpty()) {
                    flush(paragraph);
                } else {
                    paragraph.append(paragraph.length() == 0 ? "" : " ").append(line);
                }
            }
            flush(paragraph);
            return this;
        }

        /** A chart embedded as PNG data, numbered, with a caption. */
        public Builder figure(String caption, Chart chart) {
            Objects.requireNonNull(chart, "chart");
            figures++;
            String data = Base64.getEncoder().encodeToString(chart.toPng());
            parts.add("<figure><img alt=\"" + escape(caption) + "\" width=\"" + chart.width() + "\" height=\""
                    + chart.height() + "\" src=\"data:image/png;base64," + data + "\"><figcaption>Figure " + figures
                    + ". " + escape(caption) + "</figcaption></figure>");
            return this;
        }

        /** The page. */
        public HtmlReport build() {
            StringBuilder sb = new StringBuilder();
            sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                    .append(escape(title)).append("</title>\n<style>\n")
                    .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;color:#222}\n")
                    .append("table{border-collapse:collapse;margin:0.5em 0 1.5em}\n")
                    .append("th,td{border:1px solid #ccc;padding:4px 10px;text-align:right}\n")
                    .append("th:first-child,td:first-child{text-align:left}\n")
                    .append("th{background:#f2f2f2}caption{text-align:left;font-weight:bold;padding:4px 0}\n")
                    .append("figure{margin:1em 0 2em}img{max-width:100%;height:auto;border:1px solid #eee}\n")
                    .append("figcaption{color:#555;font-size:0.9em}pre{background:#f7f7f7;padding:0.8em;overflow:auto}\n")
                    .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n");
            for (String p : parts) {
                sb.append(p).append('\n');
            }
            sb.append("</body>\n</html>\n");
            return new HtmlReport(sb.toString());
        }

        private void flush(StringBuilder paragraph) {
            if (paragraph.length() > 0) {
                parts.add("<p>" + escape(paragraph.toString()) + "</p>");
                paragraph.setLength(0);
            }
        }

        private static String markdownTable(List<String> block) {
            List<List<String>> rows = new ArrayList<>();
            for (String line : block) {
                List<String> cells = cells(line);
                if (cells.stream().allMatch(c -> c.matches(":?-{3,}:?"))) {
                    continue;
                }
                rows.add(escapeAll(cells));
            }
            return tableHtml(null, rows.get(0), rows.subList(1, rows.size()));
        }

        private static List<String> cells(String line) {
            String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
            List<String> out = new ArrayList<>();
            for (String c : inner.split("\\|", -1)) {
                out.add(c.strip());
            }
            return out;
        }

        private static String tableHtml(String caption, List<String> header, List<List<String>> rows) {
            StringBuilder sb = new StringBuilder("<table>");
            if (caption != null) {
                sb.append("<caption>").append(escape(caption)).append("</caption>");
            }
            sb.append("<thead><tr>");
            header.forEach(h -> sb.append("<th>").append(h).append("</th>"));
            sb.append("</tr></thead><tbody>");
            for (List<String> row : rows) {
                sb.append("<tr>");
                row.forEach(c -> sb.append("<td>").append(c).append("</td>"));
                sb.append("</tr>");
            }
            return sb.append("</tbody></table>").toString();
        }

        private static boolean isBest(List<double[]> values, int row, int col, Metric metric) {
            double v = values.get(row)[col];
            if (!Double.isFinite(v)) {
                return false;
            }
            for (double[] other : values) {
                double o = other[col];
                if (Double.isFinite(o) && (metric.higherIsBetter() ? o > v : o < v)) {
                    return false;
                }
            }
            return true;
        }
    }

    static String number(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static List<String> escapeAll(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        cells.forEach(c -> out.add(escape(c)));
        return out;
    }
}
