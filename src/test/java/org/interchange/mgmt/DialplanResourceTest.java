package org.interchange.mgmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import javax.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.core.Beans;
import org.interchange.core.persistence.Database;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.dialplan.Dialplan;
import org.interchange.dialplan.DialplanLoad;
import org.interchange.dialplan.InvalidRuleException;
import org.interchange.mgmt.DialplanResource.Listing;
import org.interchange.mgmt.DialplanResource.RuleView;
import org.interchange.mgmt.DialplanResource.TranslationView;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/dialplan} as the resource answers it (over H2; the JAX-RS wiring and authentication are the
 * integration tests'), with bodies read and written as Jersey's Jackson does, and refusals as ProblemMapper
 * answers them.
 */
class DialplanResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database = TestDatabase.H2.empty();
    private final Dialplan dialplan = Beans.constructed(new Dialplan(database,
            Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC)));
    private final DialplanResource resource = new DialplanResource(dialplan);

    @Test
    void anAddedRuleIsAnsweredWithItsIdAndLocationAndTranslatesAtOnce() throws Exception {
        Response added = resource.add(body("""
                {"dpid": 1, "pr": 10, "match_op": "regex", "match_exp": "^0049",
                 "subst_exp": "^0049(.*)$", "repl_exp": "+49\\\\1", "attrs": "de"}"""));

        assertThat(added.getStatus()).isEqualTo(201);
        RuleView rule = (RuleView) added.getEntity();
        assertThat(added.getLocation().toString()).endsWith("dialplan/" + rule.id());
        assertThat(JSON.writeValueAsString(rule)).isEqualTo("{\"id\":" + rule.id() + ",\"dpid\":1,\"pr\":10,"
                + "\"match_op\":\"regex\",\"match_exp\":\"^0049\",\"match_flags\":0,\"subst_exp\":\"^0049(.*)$\","
                + "\"repl_exp\":\"+49\\\\1\",\"timerec\":null,\"disabled\":false,\"attrs\":\"de\"}");

        Response translated = resource.translate("1", "00493012345", "true");

        assertThat(translated.getStatus()).isEqualTo(200);
        assertThat(JSON.writeValueAsString(translated.getEntity())).isEqualTo("{\"dpid\":1,"
                + "\"input\":\"00493012345\",\"output\":\"+493012345\",\"rule\":" + rule.id() + ",\"attrs\":\"de\","
                + "\"steps\":[{\"rule\":" + rule.id() + ",\"input\":\"00493012345\",\"output\":\"+493012345\","
                + "\"attrs\":\"de\"}]}");
    }

    @Test
    void matchOpAndFlagsMayBeWrittenAsOpenSipsNumbers() throws Exception {
        RuleView rule = (RuleView) resource.add(body("""
                {"dpid": 2, "match_op": 0, "match_exp": "SIP server", "match_flags": 1, "repl_exp": "OpenSIPS",
                 "disabled": 0}""")).getEntity();

        assertThat(rule.matchOp()).isEqualTo("equal");
        assertThat(rule.disabled()).isFalse();
        assertThat(((TranslationView) resource.translate("2", "sip SERVER", "false").getEntity()).output())
                .isEqualTo("OpenSIPS");
    }

    @Test
    void aMalformedRegexIsA400NamingTheFieldAndTheError() throws Exception {
        RuleView bad = body("{\"dpid\": 1, \"match_op\": 1, \"match_exp\": \"^0049(.*\"}");

        assertThatThrownBy(() -> resource.add(bad)).isInstanceOf(InvalidRuleException.class);
        Response answer = answerTo(() -> resource.add(bad));

        assertThat(answer.getStatus()).isEqualTo(400);
        assertThat(answer.getEntity().toString()).contains(
                "\"detail\":\"match_exp: not a regular expression: Unclosed group near index 8 in ^0049(.*\"");
        assertThat(resource.list(null).rules()).isEmpty();
    }

    @Test
    void aBodyWithoutItsRequiredFieldsIsA400() throws Exception {
        assertThat(answerTo(() -> resource.add(body("{\"match_op\": 1, \"match_exp\": \"^1\"}"))).getEntity()
                .toString()).contains("dpid: required");
        assertThat(answerTo(() -> resource.add(body("{\"dpid\": 1, \"match_exp\": \"^1\"}"))).getEntity()
                .toString()).contains("match_op: required");
        assertThat(answerTo(() -> resource.add(body("{\"dpid\": 1, \"match_op\": \"glob\", \"match_exp\": \"1*\"}")))
                .getEntity().toString()).contains("match_op: 'glob' is not an operator");
        assertThat(answerTo(() -> resource.add(null)).getStatus()).isEqualTo(400);
    }

    @Test
    void aRuleIsChangedAndRemovedByItsId() throws Exception {
        long id = ((RuleView) resource.add(body("{\"dpid\": 1, \"match_op\": 2, \"match_exp\": \"0049\"}"))
                .getEntity()).id();

        Response changed = resource.change(id, body("{\"dpid\": 1, \"match_op\": 2, \"match_exp\": \"0033\"}"));

        assertThat(changed.getStatus()).isEqualTo(200);
        assertThat(((RuleView) resource.get(id).getEntity()).matchExp()).isEqualTo("0033");
        assertThat(resource.translate("1", "0049", "true").getStatus()).isEqualTo(404);
        assertThat(resource.remove(id).getStatus()).isEqualTo(204);
        assertThat(resource.remove(id).getStatus()).isEqualTo(404);
        assertThat(resource.get(id).getStatus()).isEqualTo(404);
        assertThat(resource.change(id, body("{\"dpid\": 1, \"match_op\": 2, \"match_exp\": \"1\"}")).getStatus())
                .isEqualTo(404);
    }

    @Test
    void theListCanBeNarrowedToOneSetAndShowsTheRowsTheLoadSkipped() throws Exception {
        resource.add(body("{\"dpid\": 1, \"match_op\": 2, \"match_exp\": \"1\"}"));
        resource.add(body("{\"dpid\": 2, \"match_op\": 2, \"match_exp\": \"2\"}"));
        database.run(em -> em.createNativeQuery("INSERT INTO dialplan (dpid, pr, match_op, match_exp, match_flags, "
                + "disabled) VALUES (3, 0, 9, 'x', 0, 0)").executeUpdate());

        DialplanLoad load = resource.reload();

        assertThat(load.rules()).isEqualTo(2);
        assertThat(load.skipped()).singleElement().extracting(DialplanLoad.Skipped::reason)
                .isEqualTo("match_op: 9 is not an operator; expected 0 (equal), 1 (regex) or 2 (prefix)");
        Listing setTwo = resource.list("2");
        assertThat(setTwo.rules()).extracting(RuleView::matchExp).containsExactly("2");
        assertThat(setTwo.skipped()).hasSize(1);
        assertThat(answerTo(() -> resource.list("two")).getEntity().toString())
                .contains("dpid 'two' is not an integer");
    }

    @Test
    void aTranslationWithoutRuleIsA404AndBadParametersA400() {
        Response none = resource.translate("1", "0049", "true");

        assertThat(none.getStatus()).isEqualTo(404);
        assertThat(none.getEntity().toString()).contains("no rule of set 1 translates 0049");
        assertThat(answerTo(() -> resource.translate(null, "0049", "true")).getStatus()).isEqualTo(400);
        assertThat(answerTo(() -> resource.translate("1", "", "true")).getEntity().toString())
                .contains("input is required");
    }

    @Test
    void chainedTranslationsListEveryStepUnlessAskedForOneRule() throws Exception {
        resource.add(body("""
                {"dpid": 1, "pr": 1, "match_op": "prefix", "match_exp": "+", "subst_exp": "^\\\\+(.*)$",
                 "repl_exp": "00\\\\1", "attrs": "continue"}"""));
        resource.add(body("""
                {"dpid": 1, "pr": 2, "match_op": "prefix", "match_exp": "0049", "subst_exp": "^0049(.*)$",
                 "repl_exp": "+49\\\\1"}"""));

        TranslationView chained = (TranslationView) resource.translate("1", "+4930", "true").getEntity();
        TranslationView once = (TranslationView) resource.translate("1", "+4930", "false").getEntity();

        assertThat(chained.output()).isEqualTo("+4930");
        assertThat(chained.steps()).extracting(DialplanResource.StepView::output).containsExactly("004930", "+4930");
        assertThat(once.output()).isEqualTo("004930");
        assertThat(once.attrs()).isEqualTo("continue");
    }

    /** A body as Jersey's Jackson reads it. */
    private static RuleView body(String json) {
        try {
            return JSON.readValue(json, RuleView.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the admin API answers when the resource throws, as ProblemMapper turns it into a problem. */
    private static Response answerTo(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            return new ProblemMapper().toResponse(e);
        }
        throw new AssertionError("expected a refusal");
    }
}
