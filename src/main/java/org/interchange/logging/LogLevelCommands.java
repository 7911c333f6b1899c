package org.interchange.logging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;

/**
 * {@code log_level} as OpenSIPS's core answers it, the router being one process: without parameters,
 * {@code {"Processes": [{"PID", "Log level", "Type"}]}} with the root logger's level as OpenSIPS's number, and, as
 * Interchange's addition, {@code "Loggers"}, every logger that has a level; with {@code level}, sets the root
 * logger's ({@code {"New global log level": n}}); with {@code level} and {@code pid} (this process's), the same
 * ({@code {"Log level": n}}). Interchange's {@code level} and {@code logger}, named, sets one logger's level.
 * Levels are OpenSIPS's numbers (4 debug ... -3 alert) or log4j's names.
 */
@Dependent
public class LogLevelCommands {

    private static final long PID = ProcessHandle.current().pid();

    @Produces
    MiCommand logLevel(LogLevels levels) {
        return MiCommand.of("log_level",
                List.of(List.of(), List.of("level"), List.of("level", "pid"), List.of("level", "logger")), params -> {
                    if (!params.has("level")) {
                        return list(levels);
                    }
                    String logger = params.optionalText("logger").orElse(LogLevels.ROOT);
                    if (params.has("pid") && params.number("pid") != PID) {
                        throw MiError.invalidParams("Bad PID");
                    }
                    set(levels, logger, log4jLevel(params.text("level")));
                    Map<String, Object> result = new LinkedHashMap<>();
                    if (params.has("logger")) {
                        result.put("Logger", logger);
                        result.put("New log level", levels.effectiveLevel(logger));
                    } else {
                        result.put(params.has("pid") ? "Log level" : "New global log level",
                                openSipsLevel(levels.effectiveLevel(LogLevels.ROOT)));
                    }
                    return result;
                });
    }

    private static Map<String, Object> list(LogLevels levels) {
        Map<String, Object> process = new LinkedHashMap<>();
        process.put("PID", PID);
        process.put("Log level", openSipsLevel(levels.effectiveLevel(LogLevels.ROOT)));
        process.put("Type", "Interchange");
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Processes", List.of(process));
        result.put("Loggers", levels.levels().entrySet().stream()
                .map(entry -> Map.of("Logger", entry.getKey(), "Log level", entry.getValue())).toList());
        return result;
    }

    private static void set(LogLevels levels, String logger, String level) {
        try {
            levels.set(logger, level);
        } catch (IllegalArgumentException e) {
            throw MiError.invalidParams(e.getMessage());
        }
    }

    /**
     * A level's name as given, or log4j's for OpenSIPS's number: a message is logged at or below the number, so
     * 4 and above is DEBUG, 3 and 2 (notice: log4j has none) INFO, 1 WARN, 0 and -1 ERROR, below FATAL.
     */
    static String log4jLevel(String level) {
        int number;
        try {
            number = Integer.parseInt(level.trim());
        } catch (NumberFormatException e) {
            return level;
        }
        if (number >= 4) {
            return "DEBUG";
        }
        if (number >= 2) {
            return "INFO";
        }
        return number == 1 ? "WARN" : number >= -1 ? "ERROR" : "FATAL";
    }

    /** OpenSIPS's number for a log4j level: 4 DEBUG (and more), 3 INFO, 1 WARN, -1 ERROR, -2 FATAL, -3 OFF. */
    static int openSipsLevel(String level) {
        return switch (level) {
            case "ALL", "TRACE", "DEBUG" -> 4;
            case "INFO" -> 3;
            case "WARN" -> 1;
            case "ERROR" -> -1;
            case "FATAL" -> -2;
            default -> -3;
        };
    }
}
