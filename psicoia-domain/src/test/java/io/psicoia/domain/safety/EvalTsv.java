package io.psicoia.domain.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads the tab-separated files of {@code safety-eval/}: blank and {@code #} lines skipped, then a header. */
final class EvalTsv {

    private EvalTsv() {}

    /**
     * The data rows of {@code file}, each split into {@code columns} fields.
     *
     * @throws IllegalStateException when a row has another number of fields
     */
    static List<String[]> rows(Path file, int columns) throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] row = line.split("\t", -1);
            if (row.length != columns) {
                throw new IllegalStateException(file + ": a row has " + row.length + " columns, expected " + columns);
            }
            rows.add(row);
        }
        return rows;
    }

    static RiskLevel level(String name) {
        return RiskLevel.valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
