package org.interchange.dialplan;

import java.util.Locale;

/**
 * How a rule's {@code match_exp} is compared with the input: the {@code match_op} column. Equal and regex carry
 * OpenSIPS's numbers; prefix is ours (OpenSIPS writes it as a regex, {@code ^0049}). Kamailio's 2 is fnmatch, which
 * Interchange does not have.
 */
public enum MatchOp {

    /** The input is {@code match_exp}, whole (OpenSIPS's 0). */
    EQUAL(0),
    /** {@code match_exp} is a regular expression found somewhere in the input, unless anchored (OpenSIPS's 1). */
    REGEX(1),
    /** The input starts with {@code match_exp} (Interchange's own). */
    PREFIX(2);

    private final int code;

    MatchOp(int code) {
        this.code = code;
    }

    /** The value of the {@code match_op} column. */
    public int code() {
        return code;
    }

    /** The lower-case name: {@code equal}, {@code regex}, {@code prefix}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The operator of a {@code match_op} column value.
     *
     * @throws InvalidRuleException when no operator has that number
     */
    public static MatchOp of(int code) {
        for (MatchOp op : values()) {
            if (op.code == code) {
                return op;
            }
        }
        throw new InvalidRuleException("match_op", code + " is not an operator; expected " + expected());
    }

    /**
     * The operator written as its number or its name ({@code 1} or {@code regex}, in any case).
     *
     * @throws InvalidRuleException when it is neither
     */
    public static MatchOp parse(String text) {
        String trimmed = text.trim();
        for (MatchOp op : values()) {
            if (op.label().equalsIgnoreCase(trimmed) || String.valueOf(op.code).equals(trimmed)) {
                return op;
            }
        }
        throw new InvalidRuleException("match_op", "'" + text + "' is not an operator; expected " + expected());
    }

    private static String expected() {
        return "0 (equal), 1 (regex) or 2 (prefix)";
    }
}
