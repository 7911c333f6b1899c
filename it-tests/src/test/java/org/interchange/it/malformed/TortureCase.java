package org.interchange.it.malformed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One RFC 4475 torture message with what its section of the RFC is and what the data's README expects of a lenient
 * stateful proxy and registrar.
 */
record TortureCase(TortureMessage message, String section, Expectation expectation) {

    private static final String TABLE_CELL_SEPARATOR = "(?<!\\\\)\\|";

    /**
     * Every {@code *.dat} file of the data directory, in name order, with the row of the README's expectation table
     * that names it.
     *
     * @throws IllegalStateException when a file has no row in the table
     */
    static List<TortureCase> all(Path directory) throws IOException {
        Map<String, List<String>> rows = expectationTable(directory.resolve("README.md"));
        List<String> header = rows.get("file");
        int section = header.indexOf("RFC 4475");
        int lenient = header.indexOf("lenient");
        List<TortureCase> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".dat")).sorted().toList()) {
                List<String> row = rows.get(file.getFileName().toString());
                if (row == null) {
                    throw new IllegalStateException(directory.resolve("README.md") + " has no expectation for " + file);
                }
                cases.add(new TortureCase(TortureMessage.read(file), row.get(section),
                        Expectation.parse(row.get(lenient))));
            }
        }
        return cases;
    }

    /** The rows of the README's markdown table, by their first cell: the header row is under "file". */
    private static Map<String, List<String>> expectationTable(Path readme) throws IOException {
        Map<String, List<String>> rows = new HashMap<>();
        for (String line : Files.readAllLines(readme)) {
            if (line.startsWith("|")) {
                String[] cells = line.split(TABLE_CELL_SEPARATOR);
                List<String> row = Stream.of(cells).skip(1).map(String::trim).toList();
                rows.putIfAbsent(row.get(0), row);
            }
        }
        if (!rows.containsKey("file") || !rows.get("file").contains("lenient")) {
            throw new IllegalStateException(readme + " has no expectation table with the columns file and lenient");
        }
        return rows;
    }

    @Override
    public String toString() {
        return message.name() + " (RFC 4475 " + section + "): " + expectation;
    }
}
