package org.interchange.dialplan;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One row of the {@code dialplan} table, as values: which set it belongs to, how it matches, what it produces.
 * The compact constructor checks each field on its own (required, in range, at most {@value #MAX_LENGTH}
 * characters); whether the expressions compile is checked when a rule is added, changed or loaded
 * ({@link Dialplan}). Text fields are never null: empty means "none", as NULL and '' both do in OpenSIPS.
 *
 * @param id         the row id, 0 for a rule not stored yet
 * @param dpid       the rule set ({@code dpid})
 * @param pr         the priority within the set ({@code pr}): lower first, then lower id
 * @param matchOp    how {@code matchExp} is compared with the input ({@code match_op})
 * @param matchExp   the string or regular expression to match ({@code match_exp}); not empty for equal and prefix
 * @param matchFlags 0 case-sensitive, 1 case-insensitive ({@code match_flags}); applies to {@code substExp} too
 * @param substExp   regular expression applied to the input to build the output ({@code subst_exp})
 * @param replExp    the output, {@code \1}..{@code \9} (and {@code \0}, the whole match) standing for
 *                   {@code substExp}'s groups; without {@code substExp}, the output as it is ({@code repl_exp})
 * @param timerec    time recurrence in which the rule applies ({@code timerec}, as OpenSIPS's check_time_rec)
 * @param disabled   kept in the table but not used ({@code disabled})
 * @param attrs      free text returned with the output ({@code attrs}); the word {@code continue} chains rules
 */
public record DialplanRule(long id, int dpid, int pr, MatchOp matchOp, String matchExp, int matchFlags,
                           String substExp, String replExp, String timerec, boolean disabled, String attrs) {

    /** The longest text a column takes. */
    public static final int MAX_LENGTH = 255;

    /** The {@code match_flags} bit that makes matching case-insensitive. */
    public static final int CASE_INSENSITIVE = 1;

    private static final Pattern ATTRS_WORDS = Pattern.compile("[\\s,;]+");
    private static final String CONTINUE = "continue";

    public DialplanRule {
        if (matchOp == null) {
            throw new InvalidRuleException("match_op", "required: 0 (equal), 1 (regex) or 2 (prefix)");
        }
        if (matchExp == null) {
            throw new InvalidRuleException("match_exp", "required");
        }
        if (matchExp.isEmpty() && matchOp != MatchOp.REGEX) {
            throw new InvalidRuleException("match_exp", "empty; an " + matchOp.label() + " rule needs a string");
        }
        if (matchFlags != 0 && matchFlags != CASE_INSENSITIVE) {
            throw new InvalidRuleException("match_flags",
                    matchFlags + " is not a flag; expected 0 (case-sensitive) or 1 (case-insensitive)");
        }
        substExp = Objects.requireNonNullElse(substExp, "");
        replExp = Objects.requireNonNullElse(replExp, "");
        timerec = Objects.requireNonNullElse(timerec, "").trim();
        attrs = Objects.requireNonNullElse(attrs, "");
        checkLength("match_exp", matchExp);
        checkLength("subst_exp", substExp);
        checkLength("repl_exp", replExp);
        checkLength("timerec", timerec);
        checkLength("attrs", attrs);
    }

    /** An enabled, case-sensitive rule that leaves the input as it is until given a replacement. */
    public static DialplanRule of(int dpid, int pr, MatchOp matchOp, String matchExp) {
        return new DialplanRule(0, dpid, pr, matchOp, matchExp, 0, "", "", "", false, "");
    }

    public DialplanRule withId(long newId) {
        return new DialplanRule(newId, dpid, pr, matchOp, matchExp, matchFlags, substExp, replExp, timerec, disabled,
                attrs);
    }

    /** A copy with this substitution: {@code subst} applied to the input, {@code repl} the output. */
    public DialplanRule withSubst(String subst, String repl) {
        return new DialplanRule(id, dpid, pr, matchOp, matchExp, matchFlags, subst, repl, timerec, disabled, attrs);
    }

    /** A copy that replaces the whole input with {@code repl}, as it is (no {@code subst_exp}). */
    public DialplanRule withReplacement(String repl) {
        return withSubst("", repl);
    }

    public DialplanRule withMatchFlags(int flags) {
        return new DialplanRule(id, dpid, pr, matchOp, matchExp, flags, substExp, replExp, timerec, disabled, attrs);
    }

    public DialplanRule withTimerec(String newTimerec) {
        return new DialplanRule(id, dpid, pr, matchOp, matchExp, matchFlags, substExp, replExp, newTimerec, disabled,
                attrs);
    }

    public DialplanRule withDisabled(boolean newDisabled) {
        return new DialplanRule(id, dpid, pr, matchOp, matchExp, matchFlags, substExp, replExp, timerec, newDisabled,
                attrs);
    }

    public DialplanRule withAttrs(String newAttrs) {
        return new DialplanRule(id, dpid, pr, matchOp, matchExp, matchFlags, substExp, replExp, timerec, disabled,
                newAttrs);
    }

    /** Whether matching ignores case ({@code match_flags} 1). */
    public boolean caseInsensitive() {
        return (matchFlags & CASE_INSENSITIVE) != 0;
    }

    /**
     * Whether the rule asks {@link Dialplan#translateChained} to go on: its attrs hold the word {@code continue}
     * (in any case, among words separated by spaces, commas or semicolons).
     */
    public boolean continues() {
        if (attrs.isEmpty()) {
            return false;
        }
        for (String word : ATTRS_WORDS.split(attrs)) {
            if (word.equalsIgnoreCase(CONTINUE)) {
                return true;
            }
        }
        return false;
    }

    private static void checkLength(String column, String value) {
        if (value.length() > MAX_LENGTH) {
            throw new InvalidRuleException(column, "longer than " + MAX_LENGTH + " characters");
        }
    }
}
