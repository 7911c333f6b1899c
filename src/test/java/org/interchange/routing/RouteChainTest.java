package org.interchange.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;

import org.interchange.core.sip.Endpoint;
import org.interchange.core.sip.Reply;
import org.interchange.core.sip.SipRequests;
import org.interchange.core.sip.SipSyntaxException;
import org.interchange.core.sip.SipUri;
import org.interchange.routing.spi.BranchHook;
import org.interchange.routing.spi.ErrorHook;
import org.interchange.routing.spi.FailureHook;
import org.interchange.routing.spi.LocalHook;
import org.interchange.routing.spi.ReplyHook;
import org.interchange.routing.spi.RequestStep;
import org.junit.jupiter.api.Test;

/**
 * The request route and the hooks as {@link RouteChain} orders and runs them, without CDI: steps by
 * {@code @Priority} (required), hooks by {@code @Priority} or else {@link Steps#DEFAULT_HOOK}, steps left out by
 * name as {@code route.disabled-steps} leaves them, a throwing step answered 500 and the hooks run in order.
 */
class RouteChainTest {

    /** The names of the steps and hooks that ran, in order. */
    private static final List<String> ran = new ArrayList<>();

    @Test
    void stepsRunInTheOrderOfTheirPriorityNotOfTheirList() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new Late(), new Early(), new BeforeAuthentication()));

        Decision decision = chain.route(context("MESSAGE sip:bob@example.com SIP/2.0"));

        assertThat(ran).containsExactly("early", "before-authentication", "late");
        assertThat(chain.stepNames()).containsExactly("early", "before-authentication", "late");
        assertThat(decision).as("a route that ends without a decision relays").isEqualTo(Decision.relay());
    }

    @Test
    void aSubclassWithoutPriorityTakesThePlaceOfTheStepItSpecializes() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new Late(), new InsteadOfEarly()));

        chain.route(context("MESSAGE sip:bob@example.com SIP/2.0"));

        assertThat(ran).containsExactly("instead-of-early", "late");
    }

    @Test
    void stepsOfOnePriorityRunInTheOrderOfTheirClassNames() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new SamePriorityB(), new SamePriorityA()));

        chain.route(context("MESSAGE sip:bob@example.com SIP/2.0"));

        assertThat(ran).containsExactly("same-a", "same-b");
    }

    @Test
    void theFirstStepThatDecidesEndsTheRoute() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new Early(), new Answering(), new Late()));

        Decision decision = chain.route(context("MESSAGE sip:bob@example.com SIP/2.0"));

        assertThat(decision).isEqualTo(Decision.reply(Reply.of(486, "Busy Here")));
        assertThat(ran).containsExactly("early", "answering");
    }

    @Test
    void aStepWithoutPriorityIsRefusedWithItsClassName() {
        assertThatThrownBy(() -> RouteChain.of(List.of(new Early(), new Unplaced())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Unplaced.class.getName())
                .hasMessageContaining("@javax.annotation.Priority");
    }

    @Test
    void aStepLeftOutByNameDoesNotRun() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new Early(), new Answering(), new Late()), Set.of("answering"));

        Decision decision = chain.route(context("MESSAGE sip:bob@example.com SIP/2.0"));

        assertThat(chain.stepNames()).containsExactly("early", "late");
        assertThat(ran).containsExactly("early", "late");
        assertThat(decision).isEqualTo(Decision.relay());
    }

    @Test
    void leavingOutANameThatIsNoStepIsRefusedWithTheStepsThereAre() {
        assertThatThrownBy(() -> RouteChain.of(List.of(new Early(), new Late()), Set.of("early", "lates")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("route.disabled-steps")
                .hasMessageContaining("[lates]")
                .hasMessageContaining("[early, late]");
    }

    @Test
    void aStepThatThrowsEndsTheRouteWith500NamingTheStep() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new Early(), new Throwing(), new Late()));

        Decision decision = chain.route(context("MESSAGE sip:bob@example.com SIP/2.0"));

        assertThat(decision).isInstanceOf(Decision.Respond.class);
        Reply reply = ((Decision.Respond) decision).reply();
        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.reason()).contains("throwing");
        assertThat(ran).containsExactly("early", "throwing");
        assertThat(chain.route(context("MESSAGE sip:carol@example.com SIP/2.0")))
                .as("the next request goes through the same chain").isInstanceOf(Decision.Respond.class);
    }

    @Test
    void aSyntaxErrorFromAStepIsLeftToTheRouterToAnswer400() {
        RouteChain chain = RouteChain.of(List.of(new Early(), new ReadsABadHeader()));

        assertThatThrownBy(() -> chain.route(context("MESSAGE sip:bob@example.com SIP/2.0", "Contact: <no uri")))
                .isInstanceOf(SipSyntaxException.class);
    }

    @Test
    void aStepsChangesAreWhatTheRouteRelays() {
        RouteChain chain = RouteChain.of(List.of(new Rewriting()));
        RequestContext context = context("MESSAGE sip:bob@example.com SIP/2.0");

        chain.route(context);

        assertThat(context.requestUri()).hasToString("sip:bob@192.0.2.4");
        assertThat(context.requestUriChanged()).isTrue();
        assertThat(context.request().requestUri()).as("the request as it arrived").hasToString("sip:bob@example.com");
        List<Branch> branches = context.branchesToRelay();
        assertThat(branches).hasSize(1);
        assertThat(branches.get(0).uri()).hasToString("sip:bob@192.0.2.4");
        assertThat(branches.get(0).destination()).map(SipUri::toString).hasValue("sip:192.0.2.99");
        assertThat(branches.get(0).listener()).hasValue("udp-b");
        assertThat(context.addedHeaders()).containsExactly(new Reply.SipHeader("X-Rewritten", "yes"));
    }

    @Test
    void branchHooksRunInPriorityOrderUntilOneDropsTheBranch() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new LastBranchHook(), new DroppingBranchHook(),
                new FirstBranchHook(), new Early()));
        Transaction transaction = new Transaction(view("INVITE sip:bob@example.com SIP/2.0"));

        assertThat(chain.hasBranchHooks()).isTrue();
        assertThat(chain.branch(new BranchContext(transaction, Branch.to(SipUri.parse("sip:bob@192.0.2.4")))))
                .as("a branch no hook drops is sent").isTrue();
        assertThat(ran).containsExactly("first-branch", "dropping-branch", "last-branch");

        ran.clear();
        Branch flagged = Branch.to(SipUri.parse("sip:bob@192.0.2.5"));
        flagged.flags().set("DROP");
        assertThat(chain.branch(new BranchContext(transaction, flagged))).isFalse();
        assertThat(ran).as("hooks after the one that dropped the branch").containsExactly("first-branch",
                "dropping-branch");
    }

    @Test
    void aHookThatThrowsIsPassedOverAndTheNextOneRuns() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new ThrowingBranchHook(), new LastBranchHook()));

        assertThat(chain.branch(new BranchContext(new Transaction(view("INVITE sip:bob@example.com SIP/2.0")),
                Branch.to(SipUri.parse("sip:bob@192.0.2.4"))))).isTrue();
        assertThat(ran).containsExactly("throwing-branch", "last-branch");
    }

    @Test
    void failureHooksRunInOrderUntilOneRelaysAndSeeTheTransactionsAttributes() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new VoicemailHook(), new PassingFailureHook()));
        RequestContext route = context("INVITE sip:bob@example.com SIP/2.0");
        route.attributes().add(VoicemailHook.VOICEMAIL, "sip:vm@192.0.2.8");
        FailureContext failure = new FailureContext(route.transaction(), new ResponseView(486, "Busy Here",
                name -> List.of()));

        Decision decision = chain.failure(failure);

        assertThat(ran).containsExactly("passing-failure", "voicemail");
        assertThat(decision).isEqualTo(Decision.relay());
        assertThat(failure.branches()).extracting(branch -> branch.uri().toString()).containsExactly("sip:vm@192.0.2.8");
    }

    @Test
    void withoutAFailureHookThatDecidesTheResponseGoesOn() {
        RouteChain chain = RouteChain.of(List.of(new PassingFailureHook()));

        assertThat(chain.failure(new FailureContext(new Transaction(view("INVITE sip:bob@example.com SIP/2.0")),
                new ResponseView(486, "Busy Here", name -> List.of())))).isEqualTo(Decision.next());
    }

    @Test
    void replyHooksRunInOrderAndStopAtADrop() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new AfterDropReplyHook(), new DroppingReplyHook()));
        Transaction transaction = new Transaction(view("INVITE sip:bob@example.com SIP/2.0"));

        ReplyContext ringing = new ReplyContext(transaction, new ResponseView(180, "Ringing", name -> List.of()));
        chain.reply(ringing);
        assertThat(ringing.dropped()).isTrue();
        assertThat(ran).containsExactly("dropping-reply");

        ran.clear();
        ReplyContext ok = new ReplyContext(transaction, new ResponseView(200, "OK", name -> List.of()));
        chain.reply(ok);
        assertThat(ok.dropped()).isFalse();
        assertThat(ran).containsExactly("dropping-reply", "after-drop-reply");
        assertThat(ok.addedHeaders()).containsExactly(new Reply.SipHeader("X-Seen", "200"));
    }

    @Test
    void aFinalResponseOrA100CannotBeDropped() {
        Transaction transaction = new Transaction(view("INVITE sip:bob@example.com SIP/2.0"));

        assertThatThrownBy(() -> new ReplyContext(transaction, new ResponseView(486, "Busy Here", name -> List.of()))
                .drop()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new ReplyContext(transaction, new ResponseView(100, "Trying", name -> List.of()))
                .drop()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void errorHooksRunUntilOneDecides() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new AnsweringErrorHook(), new PassingErrorHook()));
        Reply fallback = Reply.of(400, "Bad Request (bad header: x)");

        Decision decision = chain.error(new ErrorContext("bad header: x", SipRequests.USER_AGENT, Optional.empty(),
                fallback));

        assertThat(ran).containsExactly("passing-error", "answering-error");
        assertThat(decision).isEqualTo(Decision.reply(Reply.of(400, "Bad Request (hook)")));
        assertThat(RouteChain.of(List.of()).error(new ErrorContext("bad header: x",
                Endpoint.parse("tcp:198.51.100.7:5060"), Optional.of("INVITE"), fallback)))
                .as("without error hooks: the router's answer").isEqualTo(Decision.next());
    }

    @Test
    void localHooksAllRunInOrder() {
        ran.clear();
        RouteChain chain = RouteChain.of(List.of(new SecondLocalHook(), new FirstLocalHook()));
        LocalRequestContext cancel = new LocalRequestContext("CANCEL", "sip:bob@192.0.2.4",
                new Transaction(view("INVITE sip:bob@example.com SIP/2.0")));

        chain.local(cancel);

        assertThat(ran).containsExactly("first-local", "second-local");
        assertThat(cancel.addedHeaders()).containsExactly(new Reply.SipHeader("X-Local", "1"),
                new Reply.SipHeader("X-Local", "2"));
    }

    @Test
    void withoutHooksOfATypeNothingRuns() {
        RouteChain chain = RouteChain.of(List.of(new Early()));

        assertThat(chain.hasBranchHooks()).isFalse();
        assertThat(chain.hasReplyHooks()).isFalse();
    }

    // --- requests -------------------------------------------------------------------------------------------------

    private static RequestView view(String requestLine, String... fields) {
        String method = requestLine.substring(0, requestLine.indexOf(' '));
        return new RequestView(SipRequests.parse(requestLine + "\n" + """
                From: <sip:alice@example.com>;tag=a1
                To: <sip:bob@example.com>
                Call-ID: route-1@198.51.100.7
                CSeq: 1 %s
                """.formatted(method) + String.join("\n", fields)), "udp", () -> new byte[0]);
    }

    private static RequestContext context(String requestLine, String... fields) {
        return new RequestContext(view(requestLine, fields), false);
    }

    // --- steps ----------------------------------------------------------------------------------------------------

    /** A step that notes that it ran and goes on. */
    private abstract static class Noting implements RequestStep {
        private final String name;

        Noting(String name) {
            this.name = name;
        }

        @Override
        public Decision apply(RequestContext context) {
            ran.add(name);
            return Decision.next();
        }

        @Override
        public String name() {
            return name;
        }
    }

    @Priority(Steps.URI_SCHEME - 1)
    static class Early extends Noting {
        Early() {
            super("early");
        }

        Early(String name) {
            super(name);
        }
    }

    /** As an integrator's {@code @Specializes} subclass of a router step: no {@code @Priority} of its own. */
    static final class InsteadOfEarly extends Early {
        InsteadOfEarly() {
            super("instead-of-early");
        }
    }

    @Priority(Steps.AUTHENTICATION - 1)
    static final class BeforeAuthentication extends Noting {
        BeforeAuthentication() {
            super("before-authentication");
        }
    }

    @Priority(Steps.RELAY_TO_DOMAIN + 1)
    static final class Late extends Noting {
        Late() {
            super("late");
        }
    }

    @Priority(Steps.DIALPLAN)
    static final class SamePriorityA extends Noting {
        SamePriorityA() {
            super("same-a");
        }
    }

    @Priority(Steps.DIALPLAN)
    static final class SamePriorityB extends Noting {
        SamePriorityB() {
            super("same-b");
        }
    }

    static final class Unplaced extends Noting {
        Unplaced() {
            super("unplaced");
        }
    }

    @Priority(Steps.LOCATION_LOOKUP)
    static final class Answering extends Noting {
        Answering() {
            super("answering");
        }

        @Override
        public Decision apply(RequestContext context) {
            super.apply(context);
            return Decision.reply(486, "Busy Here");
        }
    }

    @Priority(Steps.LOCATION_LOOKUP)
    static final class Throwing extends Noting {
        Throwing() {
            super("throwing");
        }

        @Override
        public Decision apply(RequestContext context) {
            super.apply(context);
            throw new IllegalStateException("a bug in the step");
        }
    }

    @Priority(Steps.LOCATION_LOOKUP)
    static final class ReadsABadHeader implements RequestStep {
        @Override
        public Decision apply(RequestContext context) {
            context.request().contact(); // the Contact does not parse
            return Decision.next();
        }
    }

    @Priority(Steps.LOCATION_LOOKUP)
    static final class Rewriting implements RequestStep {
        @Override
        public Decision apply(RequestContext context) {
            context.requestUri(context.requestUri().withHost("192.0.2.4"));
            context.destination(SipUri.parse("sip:192.0.2.99"));
            context.listener("udp-b");
            context.addHeader("X-Rewritten", "yes");
            return Decision.next();
        }
    }

    // --- hooks ----------------------------------------------------------------------------------------------------

    @Priority(Steps.DEFAULT_HOOK - 1)
    static final class FirstBranchHook implements BranchHook {
        @Override
        public void onBranch(BranchContext context) {
            ran.add("first-branch");
        }
    }

    /** Without {@code @Priority}: at {@link Steps#DEFAULT_HOOK}. */
    static final class DroppingBranchHook implements BranchHook {
        @Override
        public void onBranch(BranchContext context) {
            ran.add("dropping-branch");
            if (context.branch().flags().isSet("DROP")) {
                context.drop();
            }
        }
    }

    @Priority(Steps.DEFAULT_HOOK + 1)
    static final class LastBranchHook implements BranchHook {
        @Override
        public void onBranch(BranchContext context) {
            ran.add("last-branch");
        }
    }

    @Priority(1)
    static final class ThrowingBranchHook implements BranchHook {
        @Override
        public void onBranch(BranchContext context) {
            ran.add("throwing-branch");
            throw new IllegalStateException("a bug in the hook");
        }
    }

    static final class VoicemailHook implements FailureHook {
        static final Attribute<String> VOICEMAIL = Attribute.of("voicemail", String.class);

        @Override
        public Decision onFailure(FailureContext context) {
            ran.add("voicemail");
            context.appendBranch(Branch.to(SipUri.parse(context.attributes().get(VOICEMAIL).orElseThrow())));
            return Decision.relay();
        }
    }

    @Priority(Steps.SERIAL_FORKING)
    static final class PassingFailureHook implements FailureHook {
        @Override
        public Decision onFailure(FailureContext context) {
            ran.add("passing-failure");
            return Decision.next();
        }
    }

    @Priority(Steps.DEFAULT_HOOK + 1)
    static final class AfterDropReplyHook implements ReplyHook {
        @Override
        public void onReply(ReplyContext context) {
            ran.add("after-drop-reply");
            context.addHeader("X-Seen", String.valueOf(context.response().status()));
        }
    }

    static final class DroppingReplyHook implements ReplyHook {
        @Override
        public void onReply(ReplyContext context) {
            ran.add("dropping-reply");
            if (context.response().status() == 180) {
                context.drop();
            }
        }
    }

    @Priority(1)
    static final class PassingErrorHook implements ErrorHook {
        @Override
        public Decision onError(ErrorContext context) {
            ran.add("passing-error");
            return Decision.next();
        }
    }

    static final class AnsweringErrorHook implements ErrorHook {
        @Override
        public Decision onError(ErrorContext context) {
            ran.add("answering-error");
            return Decision.reply(Reply.of(400, "Bad Request (hook)"));
        }
    }

    @Priority(1)
    static final class FirstLocalHook implements LocalHook {
        @Override
        public void onLocalRequest(LocalRequestContext context) {
            ran.add("first-local");
            context.addHeader("X-Local", "1");
        }
    }

    @Priority(2)
    static final class SecondLocalHook implements LocalHook {
        @Override
        public void onLocalRequest(LocalRequestContext context) {
            ran.add("second-local");
            context.addHeader("X-Local", "2");
        }
    }
}
