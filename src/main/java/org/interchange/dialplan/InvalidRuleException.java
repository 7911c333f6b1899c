package org.interchange.dialplan;

/**
 * A dialplan rule that cannot be used: a field out of range, a regular expression that does not compile, a
 * replacement that refers to a group its {@code subst_exp} does not have, a time recurrence that does not parse.
 * The message names the column and says what is wrong, in one line ({@code subst_exp: not a regular expression:
 * Unclosed group near index 9}); the admin API answers it as a 400 problem.
 */
public class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String column;
    private final String reason;

    public InvalidRuleException(String column, String reason) {
        super(column + ": " + reason);
        this.column = column;
        this.reason = reason;
    }

    /** The column at fault, as OpenSIPS names it ({@code match_exp}). */
    public String column() {
        return column;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }
}
