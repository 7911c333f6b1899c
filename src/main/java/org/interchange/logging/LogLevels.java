package org.interchange.logging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import javax.enterprise.context.ApplicationScoped;

import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.apache.log4j.Logger;
import org.apache.log4j.spi.LoggerRepository;
import org.interchange.container.trace.TracingStackLogger;
import org.slf4j.LoggerFactory;

/**
 * The log levels of the running router (log4j 1.2, as reload4j, which MSS, JAIN-SIP and the router log through),
 * read and changed at run time. A change lasts until the router stops: {@code conf/log4j.properties} is not
 * written. Thread-safe (log4j's repository is).
 *
 * <p>{@code log4j.properties} sets a threshold ({@code log4j.threshold=INFO}) that drops everything below it
 * whatever a logger's level, because a low threshold makes MSS and JAIN-SIP slower. Lowering a logger below the
 * threshold lowers the threshold to the lowest level any logger has, and raising it again raises the threshold
 * back as far as the other loggers allow.
 */
@ApplicationScoped
public class LogLevels {

    /** The name that stands for the root logger. */
    public static final String ROOT = "root";
    /** The levels a logger may be given, most verbose first. */
    public static final List<String> LEVELS = List.of("ALL", "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL",
            "OFF");

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(LogLevels.class);

    /** The root logger's level and every logger that has a level of its own, by name; the root first. */
    public Map<String, String> levels() {
        LoggerRepository repository = LogManager.getLoggerRepository();
        Map<String, String> levels = new TreeMap<>();
        for (Object each : Collections.list(repository.getCurrentLoggers())) {
            Logger logger = (Logger) each;
            if (logger.getLevel() != null) {
                levels.put(logger.getName(), logger.getLevel().toString());
            }
        }
        Map<String, String> rootFirst = new LinkedHashMap<>();
        rootFirst.put(ROOT, repository.getRootLogger().getLevel().toString());
        rootFirst.putAll(levels);
        return rootFirst;
    }

    /** The level a logger logs at: its own, or the nearest ancestor's. */
    public String effectiveLevel(String name) {
        return logger(name).getEffectiveLevel().toString();
    }

    /**
     * Sets a logger's level.
     *
     * @param name  a logger name ({@code org.interchange.registrar}) or {@value #ROOT}
     * @param level one of {@link #LEVELS}, any case
     * @throws IllegalArgumentException naming the levels allowed, when the name is blank, or for a logger below
     *                                  the SIP stack's one ({@value TracingStackLogger#CATEGORY}), which never logs
     */
    public void set(String name, String level) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a logger name is required, such as org.interchange.registrar, or "
                    + ROOT);
        }
        if (name.startsWith(TracingStackLogger.CATEGORY + ".")) {
            throw new IllegalArgumentException("the SIP stack (JAIN-SIP) logs every line as "
                    + TracingStackLogger.CATEGORY + ": a level on " + name + " would change nothing; set "
                    + TracingStackLogger.CATEGORY);
        }
        Level parsed = parse(level);
        logger(name).setLevel(parsed);
        LoggerRepository repository = LogManager.getLoggerRepository();
        Level lowest = repository.getRootLogger().getLevel();
        for (Object each : Collections.list(repository.getCurrentLoggers())) {
            Level own = ((Logger) each).getLevel();
            if (own != null && !own.isGreaterOrEqual(lowest)) {
                lowest = own;
            }
        }
        repository.setThreshold(lowest);
        log.info("Log level of {} set to {} (threshold {})", name, parsed, lowest);
    }

    /** A level by name; {@link IllegalArgumentException} naming the allowed levels otherwise. */
    public static Level parse(String level) {
        String upper = level == null ? "" : level.trim().toUpperCase(Locale.ROOT);
        if (!LEVELS.contains(upper)) {
            throw new IllegalArgumentException("'" + level + "' is not a log level; expected one of "
                    + String.join(", ", LEVELS));
        }
        return Level.toLevel(upper);
    }

    private static Logger logger(String name) {
        return ROOT.equals(name) ? LogManager.getRootLogger() : LogManager.getLogger(name);
    }
}
