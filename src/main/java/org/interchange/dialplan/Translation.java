package org.interchange.dialplan;

import java.util.List;

/**
 * What the dialplan made of an input: the rules applied, in order, and what each produced. {@link Dialplan#translate}
 * applies one rule (OpenSIPS's dp_translate); {@link Dialplan#translateChained} may apply several, each taking the
 * previous output as its input. The accessors without a step answer for the last rule applied, the one that gave the
 * output.
 *
 * @param steps the rules applied, first first; never empty
 */
public record Translation(List<Step> steps) {

    /**
     * One rule applied.
     *
     * @param rule   the rule
     * @param input  what it was given
     * @param output what it produced (the input itself when the rule has no {@code repl_exp})
     */
    public record Step(DialplanRule rule, String input, String output) {
    }

    public Translation {
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a translation applies at least one rule");
        }
        steps = List.copyOf(steps);
    }

    /** The input of the first rule: what was translated. */
    public String input() {
        return steps.get(0).input();
    }

    /** The result. */
    public String output() {
        return last().output();
    }

    /** The rule that gave the output. */
    public DialplanRule rule() {
        return last().rule();
    }

    /** The id of the rule that gave the output. */
    public long ruleId() {
        return rule().id();
    }

    /** The attrs of the rule that gave the output (OpenSIPS's attrs_var); empty when it has none. */
    public String attrs() {
        return rule().attrs();
    }

    /**
     * Whether the rule that gave the output asks to continue: after {@link Dialplan#translate}, that the caller may
     * translate the output again; after {@link Dialplan#translateChained}, that the chain stopped there all the same:
     * no later rule matched the output, its {@code subst_exp} did not, or the chain reached its bound.
     */
    public boolean continues() {
        return rule().continues();
    }

    private Step last() {
        return steps.get(steps.size() - 1);
    }
}
