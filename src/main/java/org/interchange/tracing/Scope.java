package org.interchange.tracing;

/**
 * How much a trace takes once a message passes its conditions: OpenSIPS's tracing scope ({@code trace_start}'s
 * {@code scope}, {@code sip_trace()}'s flags).
 */
public enum Scope {
    /** That message only. */
    MESSAGE,
    /** Its transaction: the messages of its Call-ID and CSeq (an ACK with its INVITE's), relayed ones too. */
    TRANSACTION,
    /**
     * The dialog an initial INVITE starts: every message of its Call-ID. As in OpenSIPS, only an initial INVITE
     * starts one; other messages, a REGISTER, are not traced in this scope.
     */
    DIALOG;

    /**
     * OpenSIPS's letters: {@code m}, {@code t}, {@code d} in any case, spaces ignored, the widest one given wins
     * ({@code "mt"} is a transaction); none at all is a dialog, OpenSIPS's default.
     *
     * @throws InvalidTraceException for any other letter, {@code b} (a B2B session) included
     */
    public static Scope parse(String letters) {
        Scope widest = null;
        for (char letter : letters.toCharArray()) {
            Scope scope = switch (Character.toLowerCase(letter)) {
                case 'm' -> MESSAGE;
                case 't' -> TRANSACTION;
                case 'd' -> DIALOG;
                case ' ' -> widest;
                case 'b' -> throw new InvalidTraceException("scope b: the router has no B2B sessions to trace");
                default -> throw new InvalidTraceException("scope '" + letters + "': expected m (message), "
                        + "t (transaction) or d (dialog)");
            };
            if (widest == null || scope != null && scope.compareTo(widest) > 0) {
                widest = scope;
            }
        }
        return widest == null ? DIALOG : widest;
    }
}
