package org.interchange.mgmt;

import java.util.List;
import java.util.Map;

/** {@code org.interchange:type=LogLevels}: the log levels over JMX, as {@code /api/log-levels}. */
public interface LogLevelsMXBean {

    /** The root logger's level ({@code root}) and every logger with a level of its own. */
    Map<String, String> getLevels();

    /** The levels a logger may be given. */
    List<String> getAllowedLevels();

    /** Sets a logger's level until the router stops; {@code root} for the root logger. */
    void setLevel(String logger, String level);
}
