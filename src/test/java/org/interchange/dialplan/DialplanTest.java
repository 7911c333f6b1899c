package org.interchange.dialplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.interchange.dialplan.MatchOp.EQUAL;
import static org.interchange.dialplan.MatchOp.PREFIX;
import static org.interchange.dialplan.MatchOp.REGEX;

import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.interchange.core.Beans;
import org.interchange.core.TestClock;
import org.interchange.core.persistence.Database;
import org.interchange.core.persistence.OnEveryDatabase;
import org.interchange.core.persistence.TestDatabase;
import org.hibernate.Session;
import org.interchange.dialplan.internal.DialplanTable;
import org.junit.jupiter.api.Test;

/**
 * The dialplan as routing and the admin API use it: which rule of a set wins, chaining with continue, and the table
 * behind it (on every database) with what a load does with rows that are not rules.
 */
class DialplanTest {

    /** A Monday, 10:00 UTC. */
    private final TestClock clock = TestClock.at("2026-01-05T10:00:00Z");

    @Test
    void theRuleWithTheLowestPriorityWinsThenTheLowestId() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());
        dialplan.add(DialplanRule.of(1, 20, PREFIX, "00").withReplacement("late"));
        long first = dialplan.add(DialplanRule.of(1, 10, REGEX, "^00").withReplacement("first"));
        dialplan.add(DialplanRule.of(1, 10, EQUAL, "0049").withReplacement("second"));

        Translation translation = dialplan.translate(1, "0049").orElseThrow();

        assertThat(translation.output()).isEqualTo("first");
        assertThat(translation.ruleId()).isEqualTo(first);
    }

    @Test
    void eachSetIsTranslatedByItsOwnRules() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());
        dialplan.add(DialplanRule.of(1, 0, PREFIX, "0").withReplacement("set 1"));
        dialplan.add(DialplanRule.of(2, 0, PREFIX, "0").withReplacement("set 2"));

        assertThat(dialplan.translate(2, "0049").map(Translation::output)).hasValue("set 2");
        assertThat(dialplan.translate(3, "0049")).isEmpty();
    }

    @Test
    void noRuleMatchingMeansNoTranslation() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());
        dialplan.add(DialplanRule.of(1, 0, PREFIX, "0049"));

        assertThat(dialplan.translate(1, "0033123")).isEmpty();
        assertThat(dialplan.translate(1, "")).as("an empty input, as in OpenSIPS").isEmpty();
    }

    @Test
    void aTranslationCarriesTheRulesAttrs() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());
        dialplan.add(DialplanRule.of(1, 0, REGEX, "^0800").withAttrs("gw=pstn2;free"));

        Translation translation = dialplan.translate(1, "08001234").orElseThrow();

        assertThat(translation.output()).isEqualTo("08001234");
        assertThat(translation.attrs()).isEqualTo("gw=pstn2;free");
        assertThat(translation.continues()).isFalse();
    }

    @Test
    void disabledRulesAreListedButNotUsed() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());
        dialplan.add(DialplanRule.of(1, 0, PREFIX, "00").withReplacement("disabled").withDisabled(true));
        dialplan.add(DialplanRule.of(1, 5, PREFIX, "00").withReplacement("enabled"));

        assertThat(dialplan.translate(1, "0049").map(Translation::output)).hasValue("enabled");
        assertThat(dialplan.list(1)).hasSize(2);
        assertThat(dialplan.loaded()).isEqualTo(new DialplanLoad(1, 1, 1, List.of()));
    }

    @Test
    void aRuleAppliesOnlyWithinItsTimeRecurrence() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());
        dialplan.add(DialplanRule.of(1, 0, EQUAL, "100").withReplacement("reception")
                .withTimerec("20260105T080000||PT10H|weekly|||MO,TU,WE,TH,FR"));
        dialplan.add(DialplanRule.of(1, 1, EQUAL, "100").withReplacement("voicemail"));

        assertThat(dialplan.translate(1, "100").map(Translation::output)).hasValue("reception");
        clock.advance(Duration.ofHours(9));
        assertThat(dialplan.translate(1, "100").map(Translation::output)).hasValue("voicemail");
    }

    @Test
    void aCleanUpRuleMarkedContinueHandsItsOutputToTheNextMatchingRule() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());
        long cleanUp = dialplan.add(DialplanRule.of(1, 1, PREFIX, "+").withSubst("^\\+(.*)$", "00\\1")
                .withAttrs("continue"));
        dialplan.add(DialplanRule.of(1, 5, PREFIX, "0033").withReplacement("not this one"));
        long normalise = dialplan.add(DialplanRule.of(1, 10, PREFIX, "0049").withSubst("^0049(.*)$", "+49\\1")
                .withAttrs("de"));

        Translation chained = dialplan.translateChained(1, "+493012345").orElseThrow();

        assertThat(chained.steps()).extracting(step -> step.rule().id()).containsExactly(cleanUp, normalise);
        assertThat(chained.steps()).extracting(Translation.Step::output).containsExactly("00493012345",
                "+493012345");
        assertThat(chained.input()).isEqualTo("+493012345");
        assertThat(chained.output()).isEqualTo("+493012345");
        assertThat(chained.attrs()).isEqualTo("de");
        assertThat(dialplan.translate(1, "+493012345").orElseThrow().continues())
                .as("translate applies the clean-up rule only, and says it continues").isTrue();
    }

    @Test
    void aChainOnlyMovesForwardSoEachRuleAppliesOnce() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());
        long a = dialplan.add(DialplanRule.of(1, 1, EQUAL, "a").withReplacement("b").withAttrs("continue"));
        long b = dialplan.add(DialplanRule.of(1, 2, EQUAL, "b").withReplacement("a").withAttrs("x, Continue"));

        Translation chained = dialplan.translateChained(1, "a").orElseThrow();

        assertThat(chained.steps()).extracting(step -> step.rule().id()).containsExactly(a, b);
        assertThat(chained.output()).isEqualTo("a");
        assertThat(chained.continues()).as("it asked to, but no later rule matched").isTrue();
    }

    @Test
    void aChainStopsAtItsBound() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());
        for (int pr = 0; pr < Dialplan.MAX_CHAIN + 2; pr++) {
            dialplan.add(DialplanRule.of(1, pr, REGEX, ".").withSubst("^(.*)$", "\\1x").withAttrs("continue"));
        }

        assertThat(dialplan.translateChained(1, "").map(Translation::output)).isEmpty();
        assertThat(dialplan.translateChained(1, "n").orElseThrow().output()).isEqualTo("n" + "x".repeat(8));
    }

    @Test
    void aSubstitutionThatDoesNotMatchEndsTheTranslationWithoutOutput() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());
        dialplan.add(DialplanRule.of(1, 0, PREFIX, "00").withSubst("^0049(.*)$", "+49\\1"));
        dialplan.add(DialplanRule.of(1, 5, PREFIX, "00").withReplacement("never reached"));

        assertThat(dialplan.translate(1, "0033123")).isEmpty();
        assertThat(dialplan.translateChained(1, "0033123")).isEmpty();
    }

    @Test
    void aRuleThatDoesNotCompileIsRefusedAndTheTableIsUnchanged() {
        Dialplan dialplan = dialplan(TestDatabase.H2.empty());

        assertThatThrownBy(() -> dialplan.add(DialplanRule.of(1, 0, REGEX, "^0049(.*")))
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("match_exp: not a regular expression: Unclosed group");
        assertThatThrownBy(() -> dialplan.add(DialplanRule.of(1, 0, REGEX, "^0049").withDisabled(true)
                .withSubst("^0049(.*)$", "+49\\2")))
                .as("disabled, but it would fail once enabled")
                .isInstanceOf(InvalidRuleException.class)
                .hasMessageStartingWith("repl_exp: \\2 refers to a group");
        assertThat(dialplan.list()).isEmpty();
    }

    @OnEveryDatabase
    void anAddedRuleIsUsedAtOnceAndKeptAcrossARestart(TestDatabase server) {
        Dialplan dialplan = dialplan(server.empty());
        String regex = "^(0040|\\+40|0|40)21[0-9]+" + "[0-9]*".repeat(30);

        long id = dialplan.add(DialplanRule.of(7, -3, REGEX, regex).withMatchFlags(1)
                .withSubst("^(0040|\\+40|0|40)(.+)", "40\\2").withTimerec("Europe/Berlin|20260101T000000")
                .withAttrs("Bucureşti; continue"));

        assertThat(dialplan.translate(7, "0213456789").map(Translation::output)).hasValue("40213456789");
        assertThat(dialplan(server.database()).list()).as("after a restart")
                .containsExactly(DialplanRule.of(7, -3, REGEX, regex).withMatchFlags(1)
                        .withSubst("^(0040|\\+40|0|40)(.+)", "40\\2").withTimerec("Europe/Berlin|20260101T000000")
                        .withAttrs("Bucureşti; continue").withId(id));
    }

    @OnEveryDatabase
    void aChangedRuleReplacesTheOldOneAtOnce(TestDatabase server) {
        Dialplan dialplan = dialplan(server.empty());
        long id = dialplan.add(DialplanRule.of(1, 0, PREFIX, "0049").withReplacement("old"));

        assertThat(dialplan.change(id, DialplanRule.of(1, 0, PREFIX, "0033").withReplacement("new"))).isTrue();

        assertThat(dialplan.translate(1, "0049")).isEmpty();
        assertThat(dialplan.translate(1, "0033").map(Translation::output)).hasValue("new");
        assertThat(dialplan.rule(id).map(DialplanRule::matchExp)).hasValue("0033");
        assertThat(dialplan.change(id + 1, DialplanRule.of(1, 0, PREFIX, "1"))).as("no such row").isFalse();
    }

    @OnEveryDatabase
    void aRemovedRuleIsNoLongerUsed(TestDatabase server) {
        Dialplan dialplan = dialplan(server.empty());
        long id = dialplan.add(DialplanRule.of(1, 0, PREFIX, "0049").withReplacement("gone"));

        assertThat(dialplan.remove(id)).isTrue();
        assertThat(dialplan.remove(id)).isFalse();

        assertThat(dialplan.translate(1, "0049")).isEmpty();
        assertThat(dialplan(server.database()).list()).isEmpty();
    }

    @OnEveryDatabase
    void rowsWrittenBySqlAreUsedAfterAReload(TestDatabase server) {
        Database database = server.empty();
        Dialplan dialplan = dialplan(database);
        insert(database, 1, 0, 1, "^0049", 0, "^0049(.*)$", "+49\\1", null, 0, "de");

        assertThat(dialplan.translate(1, "0049301")).as("before the reload").isEmpty();
        DialplanLoad load = dialplan.reload();

        assertThat(load).isEqualTo(new DialplanLoad(1, 1, 0, List.of()));
        assertThat(dialplan.translate(1, "0049301").map(Translation::output)).hasValue("+49301");
    }

    @OnEveryDatabase
    void badRowsAreSkippedWithTheirReasonAndTheOthersAreUsed(TestDatabase server) {
        Database database = server.empty();
        insert(database, 1, 0, 1, "^0049(.*", 0, null, null, null, 0, null);
        insert(database, 1, 1, 7, "0049", 0, null, null, null, 0, null);
        insert(database, 1, 2, 1, "^0049", 0, "^0049(.*)$", "+49\\3", null, 0, null);
        insert(database, 1, 3, 0, "0049", 0, null, null, "someday", 0, null);
        insert(database, 1, 4, 2, "0049", 0, null, "good", null, 0, null);

        Dialplan dialplan = dialplan(database);

        DialplanLoad load = dialplan.loaded();
        assertThat(load.rules()).isEqualTo(1);
        assertThat(load.skipped()).extracting(DialplanLoad.Skipped::reason).containsExactly(
                "match_exp: not a regular expression: Unclosed group near index 8 in ^0049(.*",
                "match_op: 7 is not an operator; expected 0 (equal), 1 (regex) or 2 (prefix)",
                "repl_exp: \\3 refers to a group that subst_exp does not have (it has 1)",
                "timerec: dtstart 'someday' is not a date-time such as 20260105T080000");
        assertThat(dialplan.translate(1, "0049").map(Translation::output)).hasValue("good");
        assertThat(dialplan.list()).as("the rules that do not compile are listed, to be changed")
                .extracting(DialplanRule::pr).containsExactly(0, 2, 3, 4);
    }

    private Dialplan dialplan(Database database) {
        return Beans.constructed(new Dialplan(new DialplanTable(database), clock, ZoneOffset.UTC));
    }

    /**
     * Inserts a row as an operator's SQL would, bypassing the checks (with parameters: MariaDB reads backslashes in
     * string literals as escapes).
     */
    private static void insert(Database database, Object... values) {
        database.run(em -> em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dialplan (dpid, pr, match_op, "
                    + "match_exp, match_flags, subst_exp, repl_exp, timerec, disabled, attrs) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < values.length; i++) {
                    if (values[i] == null) {
                        insert.setNull(i + 1, Types.VARCHAR);
                    } else {
                        insert.setObject(i + 1, values[i]);
                    }
                }
                insert.executeUpdate();
            }
        }));
    }
}
