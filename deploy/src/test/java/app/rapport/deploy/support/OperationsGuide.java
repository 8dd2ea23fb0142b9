package app.rapport.deploy.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of docs/operations.md that the manifests must agree with: the Secrets operators or ops
 * create, the configuration reference and the network flows. Cells are read without their Markdown
 * code marks.
 */
public final class OperationsGuide {

    public static final String PATH = "docs/operations.md";

    private final List<String> lines;

    private OperationsGuide(String text) {
        this.lines = text.lines().toList();
    }

    public static OperationsGuide read() {
        return new OperationsGuide(Repository.read(PATH));
    }

    /** The first table under the heading that contains {@code heading}; each row keyed by lower-case column name. */
    public List<Map<String, String>> table(String heading) {
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("#") && lines.get(i).contains(heading)) {
                start = i;
                break;
            }
        }
        if (start < 0) {
            throw new AssertionError(PATH + " has no heading '" + heading + "'");
        }
        int i = start + 1;
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            if (lines.get(i).startsWith("#")) {
                throw new AssertionError(PATH + ": no table under '" + heading + "'");
            }
            i++;
        }
        List<String> columns = cells(lines.get(i)).stream().map(String::toLowerCase).toList();
        List<Map<String, String>> rows = new ArrayList<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size() && c < cells.size(); c++) {
                row.put(columns.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return rows;
    }

    /** A cell listing several names ("a, b, c"), without code marks. */
    public static List<String> list(String cell) {
        return Arrays.stream(cell.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> cells(String line) {
        String trimmed = line.trim();
        String inner = trimmed.substring(1, trimmed.endsWith("|") ? trimmed.length() - 1 : trimmed.length());
        return Arrays.stream(inner.split("\\|", -1)).map(c -> c.replace("`", "").trim()).toList();
    }
}
