package org.interchange.dialplan.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interchange.dialplan.MatchOp.EQUAL;
import static org.interchange.dialplan.MatchOp.PREFIX;
import static org.interchange.dialplan.MatchOp.REGEX;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.interchange.dialplan.DialplanRule;
import org.interchange.dialplan.InvalidRuleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Matching and substitution, first with the examples of OpenSIPS's dialplan documentation ("What to place in
 * table"), then with the cases around them.
 */
class CompiledRuleTest {

    private static final Instant NOW = Instant.parse("2026-01-05T10:00:00Z");

    @Test
    void aNumberBlockInAnyFormBecomesCanonical() {
        // OpenSIPS: "String translation (regexp detection, subst translation)"
        CompiledRule romania = compile(DialplanRule.of(1, 0, REGEX, "^(0040|\\+40|0|40)21[0-9]+")
                .withSubst("^(0040|\\+40|0|40)(.+)", "40\\2"));

        assertThat(translate(romania, "0040213456789")).hasValue("40213456789");
        assertThat(translate(romania, "+40213456789")).hasValue("40213456789");
        assertThat(translate(romania, "0213456789")).hasValue("40213456789");
        assertThat(romania.matches("0040313456789", NOW)).as("another city").isFalse();
    }

    @Test
    void aCountryNameInAnyLanguageIsReplacedByItsCode() {
        // OpenSIPS: "String translation (regexp detection, replacement)": no subst_exp, repl_exp is the output
        CompiledRule germany = compile(DialplanRule.of(1, 0, REGEX, "^((Germany)|(Germania)|(Deutschland)|(DE))")
                .withReplacement("DE"));

        assertThat(translate(germany, "Germania")).hasValue("DE");
        assertThat(translate(germany, "Deutschland")).hasValue("DE");
        assertThat(germany.matches("France", NOW)).isFalse();
    }

    @Test
    void aServiceNumberIsDetectedAndLeftAsItIs() {
        // OpenSIPS: "Number detection (regexp detection, no replacement)": the attrs tell the script the service
        CompiledRule service = compile(DialplanRule.of(1, 0, REGEX, "^021456[0-9]{5}").withAttrs("serviceX"));

        assertThat(translate(service, "02145612345")).hasValue("02145612345");
        assertThat(service.rule().attrs()).isEqualTo("serviceX");
        assertThat(service.matches("0214561234", NOW)).as("a digit short").isFalse();
    }

    @Test
    void aFixedStringIsReplacedByAnother() {
        // OpenSIPS: "String conversion (equal detection, replacement)"
        CompiledRule server = compile(DialplanRule.of(1, 0, EQUAL, "SIP server").withReplacement("OpenSIPS"));

        assertThat(translate(server, "SIP server")).hasValue("OpenSIPS");
        assertThat(server.matches("SIP server 2", NOW)).as("equal means the whole input").isFalse();
        assertThat(server.matches("sip server", NOW)).as("case-sensitive by default").isFalse();
    }

    @Test
    void caseInsensitiveMatchingAppliesToEveryOperatorAndToTheSubstitution() {
        CompiledRule equal = compile(DialplanRule.of(1, 0, EQUAL, "SIP server").withMatchFlags(1));
        CompiledRule prefix = compile(DialplanRule.of(1, 0, PREFIX, "sip:").withMatchFlags(1));
        CompiledRule regex = compile(DialplanRule.of(1, 0, REGEX, "^operator$").withMatchFlags(1)
                .withSubst("^(OPERATOR)$", "\\1-0"));

        assertThat(equal.matches("sip SERVER", NOW)).isTrue();
        assertThat(prefix.matches("SIP:alice", NOW)).isTrue();
        assertThat(translate(regex, "Operator")).hasValue("Operator-0");
    }

    @Test
    void nationalToInternationalWithGroups() {
        CompiledRule germany = compile(DialplanRule.of(1, 0, REGEX, "^0049").withSubst("^0049(.*)$", "+49\\1"));

        assertThat(translate(germany, "00493012345")).hasValue("+493012345");
    }

    @Test
    void aPrefixRuleMatchesTheStartOfTheInputOnly() {
        CompiledRule germany = compile(DialplanRule.of(1, 0, PREFIX, "0049").withSubst("^0049(.*)$", "+49\\1"));

        assertThat(germany.matches("00493012345", NOW)).isTrue();
        assertThat(germany.matches("0030049", NOW)).isFalse();
        assertThat(translate(germany, "00493012345")).hasValue("+493012345");
    }

    @Test
    void aRegexIsFoundAnywhereInTheInputUnlessAnchored() {
        CompiledRule anywhere = compile(DialplanRule.of(1, 0, REGEX, "49"));
        CompiledRule anchored = compile(DialplanRule.of(1, 0, REGEX, "^49"));

        assertThat(anywhere.matches("0049301", NOW)).isTrue();
        assertThat(anchored.matches("0049301", NOW)).isFalse();
    }

    @Test
    void backslashZeroIsTheWholeMatch() {
        CompiledRule rule = compile(DialplanRule.of(1, 0, REGEX, "^[0-9]+$").withSubst("^[0-9]+$", "tel:\\0"));

        assertThat(translate(rule, "12345")).hasValue("tel:12345");
    }

    @Test
    void theOutputIsTheReplacementAloneNotTheRestOfTheInput() {
        // unlike sed's s///, OpenSIPS builds the output from repl_exp only
        CompiledRule rule = compile(DialplanRule.of(1, 0, PREFIX, "00").withSubst("^00", "+"));

        assertThat(translate(rule, "00493012345")).hasValue("+");
    }

    @Test
    void aGroupThatTookNoPartGivesNothing() {
        CompiledRule rule = compile(DialplanRule.of(1, 0, REGEX, ".").withSubst("^(\\+)?([0-9]+)$", "[\\1]\\2"));

        assertThat(translate(rule, "12")).hasValue("[]12");
        assertThat(translate(rule, "+12")).hasValue("[+]12");
    }

    @Test
    void escapedCharactersInTheReplacement() {
        CompiledRule rule = compile(DialplanRule.of(1, 0, REGEX, ".").withSubst("^(.*)$", "\\$\\1\\\\\\x"));

        assertThat(translate(rule, "5")).hasValue("$5\\x");
    }

    @Test
    void aSubstitutionThatDoesNotMatchTranslatesNothing() {
        CompiledRule rule = compile(DialplanRule.of(1, 0, PREFIX, "00").withSubst("^0049(.*)$", "+49\\1"));

        assertThat(rule.matches("0033123", NOW)).isTrue();
        assertThat(rule.apply("0033123")).isEmpty();
    }

    @Test
    void aRuleOutsideItsTimeRecurrenceDoesNotMatch() {
        CompiledRule office = compile(DialplanRule.of(1, 0, EQUAL, "100")
                .withTimerec("20260105T080000||PT10H|weekly|||MO,TU,WE,TH,FR"));

        assertThat(office.matches("100", Instant.parse("2026-01-05T10:00:00Z"))).isTrue();
        assertThat(office.matches("100", Instant.parse("2026-01-05T19:00:00Z"))).isFalse();
        assertThat(office.matches("100", Instant.parse("2026-01-10T10:00:00Z"))).isFalse();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
            "1;^0049(.*;;;match_exp: not a regular expression: Unclosed group near index 8",
            "1;^0049;^0049(.*;+49\\1;subst_exp: not a regular expression: Unclosed group",
            "1;^0049;^0049(.*)$;+49\\2;repl_exp: \\2 refers to a group that subst_exp does not have (it has 1)",
            "1;^0049;;+49\\1;repl_exp: \\1 refers to a group, but there is no subst_exp",
            "1;^0049;^0049(.*)$;$rU;repl_exp: pseudo-variables ($...) are not supported",
            "1;^0049;^0049(.*)$;\\u;repl_exp: \\u (the Request-URI) is not supported",
            "1;^0049;^0049(.*)$;+49\\;repl_exp: ends in a lone backslash",
            "0;;;;match_exp: empty",
            "7;x;;;match_op: 7 is not an operator; expected 0 (equal), 1 (regex) or 2 (prefix)",
    })
    void aRuleThatCannotWorkIsRefusedNamingTheColumn(int matchOp, String matchExp, String subst, String repl,
                                                     String message) {
        assertThatThrownBy(() -> compile(new DialplanRule(0, 1, 0, org.interchange.dialplan.MatchOp.of(matchOp),
                matchExp == null ? "" : matchExp, 0, subst, repl, "", false, "")))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void aBadTimeRecurrenceIsRefused() {
        assertThatThrownBy(() -> compile(DialplanRule.of(1, 0, EQUAL, "100").withTimerec("20260105T080000||8X")))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("timerec: duration '8X'");
    }

    @Test
    void literalReplacementsKeepTheirCharacters() {
        CompiledRule dollar = compile(DialplanRule.of(1, 0, EQUAL, "price").withReplacement("$5 \\o/"));

        assertThat(translate(dollar, "price")).hasValue("$5 \\o/");
    }

    private static CompiledRule compile(DialplanRule rule) {
        return CompiledRule.compile(rule, ZoneOffset.UTC);
    }

    private static Optional<String> translate(CompiledRule rule, String input) {
        assertThat(rule.matches(input, NOW)).as("matches " + input).isTrue();
        return rule.apply(input);
    }
}
