package org.interchange.logging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;

/**
 * {@code log_level}, OpenSIPS's command adapted to loggers: without parameters, the loggers that have a level and
 * their levels; with {@code level}, sets the root logger's; with {@code level} and {@code logger}, that logger's
 * (OpenSIPS's second parameter is a process id; the router is one process with a logger per package).
 */
@Dependent
public class LogLevelCommands {

    @Produces
    MiCommand logLevel(LogLevels levels) {
        return MiCommand.of("log_level", List.of(List.of(), List.of("level"), List.of("level", "logger")), params -> {
            if (!params.has("level")) {
                return Map.of("Loggers", levels.levels().entrySet().stream()
                        .map(entry -> Map.of("Logger", entry.getKey(), "Log level", entry.getValue())).toList());
            }
            String logger = params.optionalText("logger").orElse(LogLevels.ROOT);
            String level = log4jLevel(params.text("level"));
            try {
                levels.set(logger, level);
            } catch (IllegalArgumentException e) {
                throw MiError.invalidParams(e.getMessage());
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("Logger", logger);
            result.put("New log level", levels.effectiveLevel(logger));
            return result;
        });
    }

    /**
     * A level's name as given, or OpenSIPS's number for it: 4 debug, 3 info, 2 notice (INFO: log4j has no notice),
     * 1 warning, -1 error, -2 critical and -3 alert (both FATAL).
     */
    static String log4jLevel(String level) {
        return switch (level.trim()) {
            case "4" -> "DEBUG";
            case "3", "2" -> "INFO";
            case "1" -> "WARN";
            case "-1" -> "ERROR";
            case "-2", "-3" -> "FATAL";
            default -> level;
        };
    }
}
