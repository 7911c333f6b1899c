package org.interchange.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.log4j.Level;
import org.apache.log4j.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LogLevelsTest {

    private static final String LOGGER = "org.interchange.test.loglevels";

    private final LogLevels levels = new LogLevels();

    @BeforeEach
    void likeTheShippedConfiguration() {
        LogManager.getRootLogger().setLevel(Level.INFO);
        LogManager.getLoggerRepository().setThreshold(Level.INFO);
    }

    @AfterEach
    void forgetTheLogger() {
        LogManager.getLogger(LOGGER).setLevel(null);
        LogManager.getLoggerRepository().setThreshold(Level.ALL);
    }

    @Test
    void aLoggerSetToDebugLogsDebugThroughTheThreshold() {
        levels.set(LOGGER, "debug");

        assertThat(levels.levels()).containsEntry(LOGGER, "DEBUG").containsEntry(LogLevels.ROOT, "INFO");
        assertThat(LogManager.getLogger(LOGGER).isDebugEnabled()).isTrue();
        assertThat(LogManager.getLogger("org.interchange.test.other").isDebugEnabled()).isFalse();
    }

    @Test
    void raisingTheLoggerAgainRaisesTheThresholdBack() {
        levels.set(LOGGER, "DEBUG");
        levels.set(LOGGER, "WARN");

        assertThat(LogManager.getLoggerRepository().getThreshold()).isEqualTo(Level.INFO);
        assertThat(levels.effectiveLevel(LOGGER)).isEqualTo("WARN");
    }

    @Test
    void theRootIsNamedRoot() {
        levels.set(LogLevels.ROOT, "WARN");

        assertThat(levels.levels()).containsEntry(LogLevels.ROOT, "WARN");
        assertThat(levels.levels().keySet().iterator().next()).isEqualTo(LogLevels.ROOT);
    }

    @Test
    void anUnknownLevelIsRefusedNamingTheAllowedOnes() {
        assertThatThrownBy(() -> levels.set(LOGGER, "VERBOSE"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("'VERBOSE' is not a log level; expected one of ALL, TRACE, DEBUG, INFO, WARN, ERROR, "
                        + "FATAL, OFF");
        assertThat(LogManager.getLogger(LOGGER).getLevel()).isNull();
    }

    @Test
    void aLoggerBelowTheSipStacksOneIsRefusedForItWouldChangeNothing() {
        assertThatThrownBy(() -> levels.set("gov.nist.javax.sip.stack", "DEBUG"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the SIP stack (JAIN-SIP) logs every line as gov.nist: a level on gov.nist.javax.sip.stack "
                        + "would change nothing; set gov.nist");
        assertThat(LogManager.getLogger("gov.nist.javax.sip.stack").getLevel()).isNull();
    }

    @Test
    void openSipsNumericLevelsAreTranslated() {
        assertThat(LogLevelCommands.log4jLevel("4")).isEqualTo("DEBUG");
        assertThat(LogLevelCommands.log4jLevel("5")).isEqualTo("DEBUG");
        assertThat(LogLevelCommands.log4jLevel("2")).isEqualTo("INFO");
        assertThat(LogLevelCommands.log4jLevel("0")).isEqualTo("ERROR");
        assertThat(LogLevelCommands.log4jLevel("-1")).isEqualTo("ERROR");
        assertThat(LogLevelCommands.log4jLevel("-3")).isEqualTo("FATAL");
        assertThat(LogLevelCommands.log4jLevel("warn")).isEqualTo("warn");
        assertThat(LogLevelCommands.openSipsLevel("WARN")).isEqualTo(1);
        assertThat(LogLevelCommands.openSipsLevel("TRACE")).isEqualTo(4);
    }
}
