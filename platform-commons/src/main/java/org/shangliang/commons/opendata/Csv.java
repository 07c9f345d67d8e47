package org.shangliang.commons.opendata;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * CSV for spreadsheets (表格导出): UTF-8 with a byte order mark (so spreadsheet programs read the
 * Chinese right), CRLF lines, RFC 4180 quoting, and no formulas: a cell starting with
 * {@code = + - @} is prefixed with {@code '} and quoted (CSV injection).
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** A whole file: the header line, then one line per row; a null cell is empty, a collection is joined with {@code ;}. */
    public static String write(List<String> header, List<? extends List<?>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(header.stream().map(Csv::cell).collect(Collectors.joining(","))).append("\r\n");
        for (List<?> row : rows) {
            out.append(row.stream().map(Csv::value).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString();
    }

    private static String value(Object v) {
        if (v == null) return "";
        if (v instanceof Collection<?> c) return cell(c.stream().map(String::valueOf).collect(Collectors.joining(";")));
        return cell(String.valueOf(v));
    }

    /** One cell, quoted when it must be, never a formula. */
    public static String cell(String value) {
        if (value == null) return "";
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
