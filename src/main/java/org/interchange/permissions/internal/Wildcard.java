package org.interchange.permissions.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A shell wildcard pattern, matched as OpenSIPS's permissions module matches the {@code pattern} column: POSIX
 * {@code fnmatch(pattern, string, FNM_PERIOD)}. {@code *} matches any run of characters, {@code ?} any one,
 * {@code [...]} one of a set (ranges {@code a-z}, classes {@code [:digit:]}, negated by a leading {@code !} or
 * {@code ^}), a backslash makes the next character literal; {@code /} is an ordinary character; a period that starts
 * the string is matched only by a period in the pattern. Character classes are those of the C locale (ASCII).
 *
 * <p>Stricter than fnmatch in one way: where fnmatch takes an unterminated {@code [} or a trailing backslash as a
 * literal character, {@link #compile} refuses the pattern, since it is most likely a mistake.
 *
 * <p>Matching takes time proportional to the pattern's length times the string's at worst, whatever the pattern
 * (no backtracking blow-up: stars are resumed from the last one only). Immutable and thread-safe.
 */
public final class Wildcard {

    private static final int MAX_CLASS_NAME = 8;

    private final String text;
    private final Token[] tokens;

    private Wildcard(String text, Token[] tokens) {
        this.text = text;
        this.tokens = tokens;
    }

    /**
     * Compiles a pattern.
     *
     * @throws IllegalArgumentException with what is wrong and where: an unterminated set, a backwards range, an
     *                                  unknown character class, a trailing backslash
     */
    public static Wildcard compile(String pattern) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> {
                    if (tokens.isEmpty() || tokens.get(tokens.size() - 1) != Token.STAR) {
                        tokens.add(Token.STAR);
                    }
                    i++;
                }
                case '?' -> {
                    tokens.add(Token.ANY);
                    i++;
                }
                case '[' -> i = set(pattern, i, tokens);
                case '\\' -> {
                    if (i + 1 == pattern.length()) {
                        throw new IllegalArgumentException("the backslash at the end escapes nothing");
                    }
                    tokens.add(Token.literal(pattern.charAt(i + 1)));
                    i += 2;
                }
                default -> {
                    tokens.add(Token.literal(c));
                    i++;
                }
            }
        }
        return new Wildcard(pattern, tokens.toArray(new Token[0]));
    }

    /** Whether the whole string matches. */
    public boolean matches(CharSequence string) {
        int length = string.length();
        int p = 0;
        int s = 0;
        int star = -1;
        int resume = 0;
        while (s < length) {
            if (p < tokens.length && tokens[p] == Token.STAR) {
                if (s == 0 && string.charAt(0) == '.') {
                    return false;
                }
                star = p++;
                resume = s;
            } else if (p < tokens.length && tokens[p].matches(string.charAt(s), s == 0)) {
                p++;
                s++;
            } else if (star >= 0) {
                p = star + 1;
                s = ++resume;
            } else {
                return false;
            }
        }
        while (p < tokens.length && tokens[p] == Token.STAR) {
            p++;
        }
        return p == tokens.length;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Parses the set that opens at {@code open}; @return the index after its closing bracket */
    private static int set(String pattern, int open, List<Token> tokens) {
        int i = open + 1;
        boolean negated = i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^');
        if (negated) {
            i++;
        }
        StringBuilder ranges = new StringBuilder();
        List<CharClass> classes = new ArrayList<>();
        boolean first = true;
        while (true) {
            if (i >= pattern.length()) {
                throw new IllegalArgumentException("the '[' at position " + (open + 1) + " has no closing ']'");
            }
            char c = pattern.charAt(i);
            if (c == ']' && !first) {
                tokens.add(new Token(Kind.SET, '\0', negated, ranges.toString(), classes.toArray(new CharClass[0])));
                return i + 1;
            }
            first = false;
            if (c == '[' && i + 1 < pattern.length() && pattern.charAt(i + 1) == ':') {
                int end = pattern.indexOf(":]", i + 2);
                if (end < 0 || end - (i + 2) > MAX_CLASS_NAME) {
                    throw new IllegalArgumentException("the '[:' at position " + (i + 1) + " has no closing ':]'");
                }
                classes.add(CharClass.named(pattern.substring(i + 2, end)));
                i = end + 2;
                continue;
            }
            int[] low = character(pattern, i, open);
            i = low[1];
            char from = (char) low[0];
            char to = from;
            if (i + 1 < pattern.length() && pattern.charAt(i) == '-' && pattern.charAt(i + 1) != ']') {
                if (pattern.charAt(i + 1) == '[' && i + 2 < pattern.length() && pattern.charAt(i + 2) == ':') {
                    throw new IllegalArgumentException("a range cannot end in a character class");
                }
                int[] high = character(pattern, i + 1, open);
                to = (char) high[0];
                if (to < from) {
                    throw new IllegalArgumentException("the range " + from + "-" + to + " runs backwards");
                }
                i = high[1];
            }
            ranges.append(from).append(to);
        }
    }

    /** The set member at {@code i}, a backslash escaping it; @return the character and the index after it */
    private static int[] character(String pattern, int i, int open) {
        if (pattern.charAt(i) != '\\') {
            return new int[] {pattern.charAt(i), i + 1};
        }
        if (i + 1 >= pattern.length()) {
            throw new IllegalArgumentException("the '[' at position " + (open + 1) + " has no closing ']'");
        }
        return new int[] {pattern.charAt(i + 1), i + 2};
    }

    private enum Kind { LITERAL, ANY, STAR, SET }

    /** One element of a pattern; each but a star matches exactly one character. */
    private record Token(Kind kind, char literal, boolean negated, String ranges, CharClass[] classes) {

        static final Token STAR = new Token(Kind.STAR, '\0', false, "", new CharClass[0]);
        static final Token ANY = new Token(Kind.ANY, '\0', false, "", new CharClass[0]);

        static Token literal(char c) {
            return new Token(Kind.LITERAL, c, false, "", new CharClass[0]);
        }

        /** @param leading whether {@code c} starts the string: only a literal period matches a leading period */
        boolean matches(char c, boolean leading) {
            if (kind == Kind.LITERAL) {
                return c == literal;
            }
            if (leading && c == '.') {
                return false;
            }
            return kind == Kind.ANY || inSet(c) != negated;
        }

        private boolean inSet(char c) {
            for (int i = 0; i < ranges.length(); i += 2) {
                if (c >= ranges.charAt(i) && c <= ranges.charAt(i + 1)) {
                    return true;
                }
            }
            for (CharClass characterClass : classes) {
                if (characterClass.contains(c)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The POSIX character classes, in the C locale. */
    private enum CharClass {
        ALNUM, ALPHA, BLANK, CNTRL, DIGIT, GRAPH, LOWER, PRINT, PUNCT, SPACE, UPPER, XDIGIT;

        static CharClass named(String name) {
            for (CharClass characterClass : values()) {
                if (characterClass.name().toLowerCase(Locale.ROOT).equals(name)) {
                    return characterClass;
                }
            }
            throw new IllegalArgumentException("[:" + name + ":] is not a character class; expected alnum, alpha, "
                    + "blank, cntrl, digit, graph, lower, print, punct, space, upper or xdigit");
        }

        boolean contains(char c) {
            return switch (this) {
                case ALNUM -> DIGIT.contains(c) || ALPHA.contains(c);
                case ALPHA -> LOWER.contains(c) || UPPER.contains(c);
                case BLANK -> c == ' ' || c == '\t';
                case CNTRL -> c < 0x20 || c == 0x7f;
                case DIGIT -> c >= '0' && c <= '9';
                case GRAPH -> c > 0x20 && c < 0x7f;
                case LOWER -> c >= 'a' && c <= 'z';
                case PRINT -> c >= 0x20 && c < 0x7f;
                case PUNCT -> GRAPH.contains(c) && !ALNUM.contains(c);
                case SPACE -> c == ' ' || (c >= '\t' && c <= '\r');
                case UPPER -> c >= 'A' && c <= 'Z';
                case XDIGIT -> DIGIT.contains(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            };
        }
    }
}
