package org.interchange.mgmt;

import java.net.URI;
import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.dialplan.Dialplan;
import org.interchange.dialplan.DialplanLoad;
import org.interchange.dialplan.DialplanRule;
import org.interchange.dialplan.InvalidRuleException;
import org.interchange.dialplan.MatchOp;
import org.interchange.dialplan.Translation;

/**
 * {@code /api/dialplan}: the dialplan table's rules, {@code dp_reload} and {@code dp_translate}. A rule is shown and
 * taken as a row of the table, its fields named as the columns; every change is in use when the answer comes.
 */
@Path("/dialplan")
@Tag(name = "dialplan", description = "The dialplan table's translation rules (OpenSIPS's dialplan: dp_reload, "
        + "dp_translate)")
@Produces(MediaType.APPLICATION_JSON)
public class DialplanResource {

    private static final String ID = "/{id: [0-9]+}";

    /**
     * A rule as the API shows and takes it. In a body, {@code dpid}, {@code match_op} (0/1/2 or
     * equal/regex/prefix) and {@code match_exp} are required; {@code pr}, {@code match_flags} default to 0,
     * {@code disabled} to false, the texts to none; {@code id} is ignored (the path or the table gives it).
     */
    public record RuleView(Long id, Integer dpid, Integer pr,
                           @JsonProperty("match_op") String matchOp,
                           @JsonProperty("match_exp") String matchExp,
                           @JsonProperty("match_flags") Integer matchFlags,
                           @Schema(nullable = true) @JsonProperty("subst_exp") String substExp,
                           @Schema(nullable = true) @JsonProperty("repl_exp") String replExp,
                           @Schema(nullable = true) String timerec, Boolean disabled,
                           @Schema(nullable = true) String attrs) {

        static RuleView of(DialplanRule rule) {
            return new RuleView(rule.id(), rule.dpid(), rule.pr(), rule.matchOp().label(), rule.matchExp(),
                    rule.matchFlags(), orNull(rule.substExp()), orNull(rule.replExp()), orNull(rule.timerec()),
                    rule.disabled(), orNull(rule.attrs()));
        }

        DialplanRule rule() {
            if (dpid == null) {
                throw new InvalidRuleException("dpid", "required: the number of the rule set");
            }
            if (matchOp == null) {
                throw new InvalidRuleException("match_op", "required: 0 (equal), 1 (regex) or 2 (prefix)");
            }
            return new DialplanRule(0, dpid, pr == null ? 0 : pr, MatchOp.parse(matchOp), matchExp,
                    matchFlags == null ? 0 : matchFlags, substExp, replExp, timerec,
                    disabled != null && disabled, attrs);
        }

        private static String orNull(String text) {
            return text.isEmpty() ? null : text;
        }
    }

    /** The answer of a list: the rules, and the rows the last load skipped (whatever the set asked for). */
    public record Listing(List<RuleView> rules, List<DialplanLoad.Skipped> skipped) {
    }

    /** One rule applied by a translation. */
    public record StepView(long rule, String input, String output, String attrs) {
    }

    /** The answer of a translation: its output and the rule that gave it, and every rule applied. */
    public record TranslationView(int dpid, String input, String output, long rule,
                                  @Schema(description = "empty when the rule has none") String attrs,
                                  List<StepView> steps) {

        static TranslationView of(int dpid, Translation translation) {
            return new TranslationView(dpid, translation.input(), translation.output(), translation.ruleId(),
                    translation.attrs(), translation.steps().stream().map(step -> new StepView(step.rule().id(),
                            step.input(), step.output(), step.rule().attrs())).toList());
        }
    }

    private final Dialplan dialplan;

    public DialplanResource(Dialplan dialplan) {
        this.dialplan = dialplan;
    }

    /** The rules in use, disabled or not compiling, by set, priority and id; {@code ?dpid=N} for one set. */
    @GET
    @Operation(summary = "The rules in use, disabled or not compiling, by set, priority and id")
    public Listing list(@QueryParam("dpid") @Parameter(description = "one rule set",
            schema = @Schema(type = "integer")) String dpid) {
        List<DialplanRule> rules = dpid == null ? dialplan.list() : dialplan.list(dpid(dpid));
        return new Listing(rules.stream().map(RuleView::of).toList(), dialplan.loaded().skipped());
    }

    @GET
    @Path(ID)
    @Operation(summary = "One rule", responses = @ApiResponse(responseCode = "200", description = "the rule",
            content = @Content(schema = @Schema(implementation = RuleView.class))))
    public Response get(@PathParam("id") long id) {
        return dialplan.rule(id).map(rule -> Response.ok(RuleView.of(rule)).build())
                .orElseGet(() -> noRule(id));
    }

    /** Adds a rule: 201, its URI in Location and the rule (with its id) in the body. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a rule; in use when the answer comes", responses = @ApiResponse(
            responseCode = "201", description = "added: its URI in Location",
            content = @Content(schema = @Schema(implementation = RuleView.class))))
    public Response add(RuleView body) {
        long id = dialplan.add(required(body).rule());
        return Response.created(URI.create("dialplan/" + id)).entity(shown(id)).build();
    }

    /** Replaces a rule's values: 200 with the rule, 404 when there is none. */
    @PUT
    @Path(ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace a rule's values", responses = @ApiResponse(responseCode = "200",
            description = "the rule as changed", content = @Content(schema = @Schema(implementation = RuleView.class))))
    public Response change(@PathParam("id") long id, RuleView body) {
        return dialplan.change(id, required(body).rule()) ? Response.ok(shown(id)).build() : noRule(id);
    }

    @DELETE
    @Path(ID)
    @Operation(summary = "Remove a rule", responses = @ApiResponse(responseCode = "204", description = "removed"))
    public Response remove(@PathParam("id") long id) {
        return dialplan.remove(id) ? Response.noContent().build() : noRule(id);
    }

    /** Reads the table again ({@code dp_reload}): what is in use, and the rows skipped with the reason. */
    @POST
    @Path("/reload")
    @Operation(summary = "Read the table again (dp_reload): what is in use, the rows skipped and why")
    public DialplanLoad reload() {
        return dialplan.reload();
    }

    /**
     * Which rule of set {@code dpid} translates {@code input}, and into what ({@code dp_translate}): rules marked
     * {@code continue} chain unless {@code chained=false}. 404 when no rule matches.
     */
    @GET
    @Path("/translate")
    @Operation(summary = "Which rule of a set translates an input, and into what (dp_translate)",
            responses = @ApiResponse(responseCode = "200", description = "the translation",
                    content = @Content(schema = @Schema(implementation = TranslationView.class))))
    public Response translate(@QueryParam("dpid") @Parameter(required = true, example = "1",
                                      schema = @Schema(type = "integer")) String dpidText,
                              @QueryParam("input") @Parameter(required = true, example = "0301234567") String input,
                              @QueryParam("chained") @DefaultValue("true") @Parameter(description = "false: "
                                      + "only the first rule, even one marked continue") String chained) {
        int dpid = dpid(dpidText);
        if (input == null || input.isEmpty()) {
            throw new IllegalArgumentException("input is required: the string to translate");
        }
        boolean chain = !"false".equalsIgnoreCase(chained);
        return (chain ? dialplan.translateChained(dpid, input) : dialplan.translate(dpid, input))
                .map(translation -> Response.ok(TranslationView.of(dpid, translation)).build())
                .orElseGet(() -> ProblemMapper.notFound("no rule of set " + dpid + " translates " + input));
    }

    private RuleView shown(long id) {
        return dialplan.rule(id).map(RuleView::of).orElseThrow(() -> new IllegalStateException(
                "rule " + id + " was written but is not in the table any more"));
    }

    private static RuleView required(RuleView body) {
        if (body == null) {
            throw new IllegalArgumentException("a rule is required: {\"dpid\": 1, \"match_op\": \"regex\", "
                    + "\"match_exp\": \"^0049\", \"subst_exp\": \"^0049(.*)$\", \"repl_exp\": \"+49\\\\1\"}");
        }
        return body;
    }

    /** A rule set's number, as OpenSIPS's dialplan takes it: any integer. */
    private static int dpid(String text) {
        return NumberParameter.of("dpid", text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    private static Response noRule(long id) {
        return ProblemMapper.notFound("the dialplan table has no rule " + id);
    }
}
