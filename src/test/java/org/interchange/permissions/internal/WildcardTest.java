package org.interchange.permissions.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address table's pattern column is matched as fnmatch(pattern, string, FNM_PERIOD) does. */
class WildcardTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            texttest              | texttest                    | true
            texttest              | texttest2                   | false
            sip:*@example.com     | sip:alice@example.com       | true
            sip:*@example.com     | sip:alice@example.org       | false
            sip:alice@*           | sip:alice@10.0.0.1:5060     | true
            *                     | ''                          | true
            *                     | anything/with/slashes       | true
            a*b*c                 | aXXbYYc                     | true
            a*b*c                 | aXXbYY                      | false
            ?                     | x                           | true
            ?                     | xy                          | false
            sip:+49*              | sip:+4930123@carrier        | true
            sip:[0-9]*            | sip:0049@carrier            | true
            sip:[0-9]*            | sip:alice@carrier           | false
            sip:[!0-9]*           | sip:alice@carrier           | true
            sip:[^0-9]*           | sip:0049@carrier            | false
            [[:digit:]][[:digit:]] | 42                         | true
            [[:digit:]][[:digit:]] | 4x                         | false
            [[:upper:]]*          | Alice                       | true
            []]                   | ]                           | true
            [!]]                  | ]                           | false
            [a-]                  | -                           | true
            \\*                   | *                           | true
            \\*                   | x                           | false
            [\\]]                 | ]                           | true
            """)
    void matchesAsFnmatch(String pattern, String string, boolean matches) {
        assertThat(Wildcard.compile(pattern).matches(string)).isEqualTo(matches);
    }

    @Test
    void onlyAPeriodInThePatternMatchesALeadingPeriod() {
        assertThat(Wildcard.compile("*").matches(".hidden")).isFalse();
        assertThat(Wildcard.compile("?hidden").matches(".hidden")).isFalse();
        assertThat(Wildcard.compile("[.]hidden").matches(".hidden")).isFalse();
        assertThat(Wildcard.compile("*.com").matches(".com")).as("fnmatch fails the star at once").isFalse();
        assertThat(Wildcard.compile(".*").matches(".hidden")).isTrue();
        assertThat(Wildcard.compile("a*").matches("a.b")).as("a period inside is ordinary").isTrue();
    }

    @Test
    void manyStarsDoNotBlowUp() {
        Wildcard stars = Wildcard.compile("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b");

        assertThat(stars.matches("a".repeat(10_000))).isFalse();
    }

    @Test
    void unterminatedSetIsRefused() {
        assertThatThrownBy(() -> Wildcard.compile("sip:[0-9*"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the '[' at position 5 has no closing ']'");
    }

    @Test
    void trailingBackslashIsRefused() {
        assertThatThrownBy(() -> Wildcard.compile("abc\\"))
                .hasMessage("the backslash at the end escapes nothing");
    }

    @Test
    void backwardsRangeIsRefused() {
        assertThatThrownBy(() -> Wildcard.compile("[z-a]")).hasMessage("the range z-a runs backwards");
    }

    @Test
    void unknownCharacterClassIsRefused() {
        assertThatThrownBy(() -> Wildcard.compile("[[:digits:]]"))
                .hasMessageStartingWith("[:digits:] is not a character class");
    }
}
