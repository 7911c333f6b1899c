package org.interchange.registrar.internal;

import org.interchange.core.sip.Reply;

/** Aborts a registration from inside a location update: nothing is changed, and {@link #reply()} is sent. */
public class RegistrationRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Reply reply;

    public RegistrationRejected(Reply reply) {
        super(reply.status() + " " + reply.reason(), null, false, false);
        this.reply = reply;
    }

    public Reply reply() {
        return reply;
    }
}
