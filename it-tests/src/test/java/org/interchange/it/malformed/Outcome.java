package org.interchange.it.malformed;

import java.util.List;
import java.util.Optional;

import org.interchange.it.support.sip.Received;

/** What came back for a torture message within the wait, in the terms of the data's README. */
record Outcome(Kind kind, int status) {

    enum Kind {
        /** a final response ({@link #status}) */
        FINAL_RESPONSE,
        /** the request itself, forwarded back to the sender (by its Route) */
        FORWARDED,
        /** provisional responses only */
        ONLY_PROVISIONAL,
        /** no reply at all */
        NOTHING
    }

    /** Classifies what a sender received: a final response first, then a forward, then provisional responses. */
    static Outcome of(List<Received> received) {
        Optional<Received> finalResponse = received.stream().filter(Received::isFinal).findFirst();
        if (finalResponse.isPresent()) {
            return new Outcome(Kind.FINAL_RESPONSE, finalResponse.get().status());
        }
        if (received.stream().anyMatch(Received::isRequest)) {
            return new Outcome(Kind.FORWARDED, 0);
        }
        return new Outcome(received.isEmpty() ? Kind.NOTHING : Kind.ONLY_PROVISIONAL, 0);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FINAL_RESPONSE -> "a final " + status;
            case FORWARDED -> "the request forwarded back";
            case ONLY_PROVISIONAL -> "provisional responses only";
            case NOTHING -> "nothing";
        };
    }
}
