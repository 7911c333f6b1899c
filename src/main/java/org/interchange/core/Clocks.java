package org.interchange.core;

import java.time.Clock;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;
import javax.inject.Singleton;

/** Produces the clock beans tell time with; tests construct beans with a fixed or stepped clock instead. */
@Dependent
public class Clocks {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
