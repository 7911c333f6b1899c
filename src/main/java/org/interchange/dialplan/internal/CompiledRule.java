package org.interchange.dialplan.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.interchange.dialplan.DialplanRule;
import org.interchange.dialplan.InvalidRuleException;
import org.interchange.dialplan.MatchOp;

/**
 * A rule made ready to translate: its regular expressions compiled (java.util.regex, which reads the PCRE syntax
 * dialplans use the same way), its replacement and time recurrence parsed. Compiling is where a rule is judged:
 * anything OpenSIPS would refuse to load is refused here with the column and the reason. Immutable and thread-safe.
 */
public final class CompiledRule {

    private final DialplanRule rule;
    /** Regex rules only. */
    private final Pattern match;
    /** Null without subst_exp. */
    private final Pattern subst;
    /** Null without subst_exp or without repl_exp. */
    private final Replacement replacement;
    /** Null without timerec. */
    private final TimeRecurrence timerec;
    private final AtomicBoolean mismatchReported = new AtomicBoolean();

    private CompiledRule(DialplanRule rule, Pattern match, Pattern subst, Replacement replacement,
                         TimeRecurrence timerec) {
        this.rule = rule;
        this.match = match;
        this.subst = subst;
        this.replacement = replacement;
        this.timerec = timerec;
    }

    /**
     * Compiles a rule.
     *
     * @param zone the zone of a timerec's date-times when it names none
     * @throws InvalidRuleException when a regular expression does not compile, {@code repl_exp} refers to a group
     *                              {@code subst_exp} does not have (or there is no {@code subst_exp}), or the
     *                              timerec does not parse
     */
    public static CompiledRule compile(DialplanRule rule, ZoneId zone) {
        int flags = rule.caseInsensitive() ? Pattern.CASE_INSENSITIVE : 0;
        Pattern match = rule.matchOp() == MatchOp.REGEX ? regex("match_exp", rule.matchExp(), flags) : null;
        Pattern subst = rule.substExp().isEmpty() ? null : regex("subst_exp", rule.substExp(), flags);
        Replacement replacement = null;
        if (!rule.replExp().isEmpty() && subst != null) {
            replacement = Replacement.parse(rule.replExp());
            int groups = subst.matcher("").groupCount();
            if (replacement.highestGroup() > groups) {
                throw new InvalidRuleException("repl_exp", "\\" + replacement.highestGroup()
                        + " refers to a group that subst_exp does not have (it has " + groups + ")");
            }
        } else if (!rule.replExp().isEmpty() && Replacement.highestGroupIn(rule.replExp()) >= 0) {
            throw new InvalidRuleException("repl_exp", "\\" + Replacement.highestGroupIn(rule.replExp())
                    + " refers to a group, but there is no subst_exp to take it from");
        }
        TimeRecurrence timerec = rule.timerec().isEmpty() ? null : TimeRecurrence.parse(rule.timerec(), zone);
        return new CompiledRule(rule, match, subst, replacement, timerec);
    }

    public DialplanRule rule() {
        return rule;
    }

    /** Whether the input fits {@code match_exp} and the rule's time recurrence holds at {@code now}. */
    public boolean matches(String input, Instant now) {
        boolean fits = switch (rule.matchOp()) {
            case EQUAL -> rule.caseInsensitive() ? input.equalsIgnoreCase(rule.matchExp())
                    : input.equals(rule.matchExp());
            case PREFIX -> input.regionMatches(rule.caseInsensitive(), 0, rule.matchExp(), 0,
                    rule.matchExp().length());
            case REGEX -> match.matcher(input).find();
        };
        return fits && (timerec == null || timerec.includes(now));
    }

    /**
     * The output for an input this rule matched, as OpenSIPS builds it: without {@code repl_exp}, the input; without
     * {@code subst_exp}, {@code repl_exp} as it is; with both, {@code repl_exp} filled with the groups of
     * {@code subst_exp}'s first match in the input (the rest of the input is not kept).
     *
     * @return empty when {@code subst_exp} does not match the input: the rule cannot translate it (OpenSIPS fails
     *         the translation too)
     */
    public Optional<String> apply(String input) {
        if (rule.replExp().isEmpty()) {
            return Optional.of(input);
        }
        if (subst == null) {
            return Optional.of(rule.replExp());
        }
        Matcher found = subst.matcher(input);
        return found.find() ? Optional.of(replacement.apply(found)) : Optional.empty();
    }

    /** True the first time it is asked: for reporting a rule's subst_exp mismatch once, not at every request. */
    public boolean firstMismatch() {
        return mismatchReported.compareAndSet(false, true);
    }

    private static Pattern regex(String column, String expression, int flags) {
        try {
            return Pattern.compile(expression, flags);
        } catch (PatternSyntaxException e) {
            throw new InvalidRuleException(column, "not a regular expression: " + e.getDescription()
                    + (e.getIndex() >= 0 ? " near index " + e.getIndex() : "") + " in " + expression);
        }
    }
}
