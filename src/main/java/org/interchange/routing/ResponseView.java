package org.interchange.routing;

import java.util.List;
import java.util.function.Function;

/**
 * A response as a reply or failure hook reads it: status, reason and header fields (read when asked for).
 */
public final class ResponseView {

    private final int status;
    private final String reason;
    private final Function<String, List<String>> headers;

    public ResponseView(int status, String reason, Function<String, List<String>> headers) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
    }

    /** {@code $rs}. */
    public int status() {
        return status;
    }

    /** {@code $rr}. */
    public String reason() {
        return reason;
    }

    /** Every value of a header field. */
    public List<String> headers(String name) {
        return headers.apply(name);
    }

    @Override
    public String toString() {
        return status + " " + reason;
    }
}
