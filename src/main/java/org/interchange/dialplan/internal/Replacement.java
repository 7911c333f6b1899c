package org.interchange.dialplan.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.MatchResult;

import org.interchange.dialplan.InvalidRuleException;

/**
 * A rule's {@code repl_exp} read as OpenSIPS reads it next to a {@code subst_exp}: text in which {@code \0} stands for
 * what {@code subst_exp} matched and {@code \1}..{@code \9} for its groups, {@code \\}, {@code \n}, {@code \r},
 * {@code \t} and {@code \$} for those characters, and a backslash before any other character for that character.
 * What OpenSIPS would take from the SIP message instead (<code>&#92;u</code>, the Request-URI, and pseudo-variables
 * such as {@code $fU}) is refused: a translation here has only its input. Immutable.
 */
public final class Replacement {

    private static final String COLUMN = "repl_exp";

    /** A piece of the output: literal text, or a group of the match. */
    private sealed interface Part permits Text, Group {
    }

    private record Text(String text) implements Part {
    }

    private record Group(int number) implements Part {
    }

    private final List<Part> parts;
    private final int highestGroup;

    private Replacement(List<Part> parts, int highestGroup) {
        this.parts = List.copyOf(parts);
        this.highestGroup = highestGroup;
    }

    /**
     * Reads a {@code repl_exp}.
     *
     * @throws InvalidRuleException when it refers to the SIP message or ends in a lone backslash
     */
    public static Replacement parse(String repl) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int highest = -1;
        for (int i = 0; i < repl.length(); i++) {
            char c = repl.charAt(i);
            if (c == '$') {
                throw new InvalidRuleException(COLUMN, "pseudo-variables ($...) are not supported; "
                        + "write \\$ for a dollar sign");
            }
            if (c != '\\') {
                text.append(c);
                continue;
            }
            if (++i == repl.length()) {
                throw new InvalidRuleException(COLUMN, "ends in a lone backslash; write \\\\ for a backslash");
            }
            char escaped = repl.charAt(i);
            if (escaped >= '0' && escaped <= '9') {
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                int group = escaped - '0';
                parts.add(new Group(group));
                highest = Math.max(highest, group);
                continue;
            }
            switch (escaped) {
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> throw new InvalidRuleException(COLUMN,
                        "\\u (the Request-URI) is not supported; a translation has only its input");
                default -> text.append(escaped);
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return new Replacement(parts, highest);
    }

    /**
     * The highest group that {@code repl} refers to ({@code \0}..{@code \9}), -1 when none: for a {@code repl_exp}
     * without {@code subst_exp}, which is output as it is and may hold any character.
     */
    public static int highestGroupIn(String repl) {
        int highest = -1;
        for (int i = 0; i < repl.length() - 1; i++) {
            if (repl.charAt(i) == '\\') {
                char escaped = repl.charAt(++i);
                if (escaped >= '0' && escaped <= '9') {
                    highest = Math.max(highest, escaped - '0');
                }
            }
        }
        return highest;
    }

    /** The highest group referred to, -1 when none ({@code \0}, the whole match, counts as 0). */
    public int highestGroup() {
        return highestGroup;
    }

    /** Whether the text refers to groups of a match (else it is the output as it is). */
    public boolean refersToGroups() {
        return highestGroup >= 0;
    }

    /**
     * The output for a match of {@code subst_exp}; a group that took no part in the match gives nothing. The text
     * outside the match is not kept, as in OpenSIPS: the output is this replacement alone.
     *
     * @param match a successful match with at least {@link #highestGroup()} groups
     */
    public String apply(MatchResult match) {
        StringBuilder output = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Text literal) {
                output.append(literal.text());
            } else if (part instanceof Group group) {
                String value = match.group(group.number());
                if (value != null) {
                    output.append(value);
                }
            }
        }
        return output.toString();
    }
}
