package org.interchange.container.config;

/**
 * A configuration value that cannot be used. The message says where the value came from (file and line, environment
 * variable or system property), the key, the value and what is wrong with it: it is meant to be read by an operator.
 */
public class InvalidConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidConfigurationException(String message) {
        super(message);
    }

    public InvalidConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
