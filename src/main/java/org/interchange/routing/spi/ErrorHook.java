package org.interchange.routing.spi;

import org.interchange.routing.Decision;
import org.interchange.routing.ErrorContext;

/**
 * Runs for a request that could not be parsed (OpenSIPS's {@code error_route}), in {@code @Priority} order until
 * one decides: {@link Decision#reply} answers otherwise, {@link Decision#drop()} answers nothing,
 * {@link Decision#next()} leaves it to the next hook and finally to the router's 400. A CDI bean in the WAR.
 */
public interface ErrorHook {

    Decision onError(ErrorContext context);
}
