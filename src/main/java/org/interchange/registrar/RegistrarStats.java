package org.interchange.registrar;

import javax.enterprise.context.Dependent;
import javax.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.interchange.core.sip.Reply;

/**
 * The registrar's counters under OpenSIPS's names, counted by the {@link Registrar} as it answers:
 * {@code registrar:accepted_regs} (REGISTERs answered 200) and {@code registrar:rejected_regs} (answered with an
 * error other than the digest challenge, which the {@code auth} statistics count). Thread-safe.
 */
@Dependent
public class RegistrarStats {

    private final Counter accepted;
    private final Counter rejected;

    @Inject
    public RegistrarStats(MeterRegistry registry) {
        accepted = Counter.builder("interchange.registrar.accepted_regs")
                .description("REGISTERs accepted (200)").register(registry);
        rejected = Counter.builder("interchange.registrar.rejected_regs")
                .description("REGISTERs rejected (an error other than the challenge)").register(registry);
    }

    /** Counts the answer to a REGISTER, and returns it. */
    Reply answered(Reply reply) {
        if (reply.status() >= 200 && reply.status() < 300) {
            accepted.increment();
        } else if (reply.status() >= 300 && reply.status() != 401) {
            rejected.increment();
        }
        return reply;
    }
}
