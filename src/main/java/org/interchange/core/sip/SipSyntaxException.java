package org.interchange.core.sip;

/** A header value or URI that does not parse; the message is fit for a 400 reason phrase's explanation. */
public class SipSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public SipSyntaxException(String message) {
        super(message);
    }
}
