package org.interchange.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.interchange.core.sip.SipRequests;
import org.interchange.core.sip.SipUri;
import org.junit.jupiter.api.Test;

/**
 * Transaction attributes (OpenSIPS's AVPs: typed, multi-valued, the last added read first) and named flags
 * (message flags with the transaction, branch flags with one branch, script flags only through the route).
 */
class AttributesAndFlagsTest {

    private static final Attribute<String> GATEWAY = Attribute.of("gateway", String.class);
    private static final Attribute<Integer> ATTEMPTS = Attribute.of("attempts", Integer.class);

    // --- attributes -----------------------------------------------------------------------------------------------

    @Test
    void anAttributeReadsTheValueAddedLastAndListsThemAllOldestFirst() {
        Attributes attributes = new Attributes();

        attributes.add(GATEWAY, "sip:gw1.example.com");
        attributes.add(GATEWAY, "sip:gw2.example.com");

        assertThat(attributes.get(GATEWAY)).hasValue("sip:gw2.example.com");
        assertThat(attributes.all(GATEWAY)).containsExactly("sip:gw1.example.com", "sip:gw2.example.com");
        assertThat(attributes.has(GATEWAY)).isTrue();
    }

    @Test
    void setReplacesEveryValue() {
        Attributes attributes = new Attributes();
        attributes.add(ATTEMPTS, 1);
        attributes.add(ATTEMPTS, 2);

        attributes.set(ATTEMPTS, 3);

        assertThat(attributes.all(ATTEMPTS)).containsExactly(3);
    }

    @Test
    void anAttributeWithoutValuesIsEmpty() {
        Attributes attributes = new Attributes();
        attributes.add(GATEWAY, "sip:gw1.example.com");

        attributes.remove(GATEWAY);

        assertThat(attributes.get(GATEWAY)).isEmpty();
        assertThat(attributes.all(GATEWAY)).isEmpty();
        assertThat(attributes.has(GATEWAY)).isFalse();
        assertThat(attributes.get(ATTEMPTS)).as("never set").isEmpty();
    }

    @Test
    void attributesOfDifferentNamesAreApart() {
        Attributes attributes = new Attributes();

        attributes.add(GATEWAY, "sip:gw1.example.com");
        attributes.add(ATTEMPTS, 1);

        assertThat(attributes.all(GATEWAY)).containsExactly("sip:gw1.example.com");
        assertThat(attributes.all(ATTEMPTS)).containsExactly(1);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aValueOfAnotherTypeThanTheAttributesIsRefused() {
        Attributes attributes = new Attributes();
        Attribute raw = ATTEMPTS;

        assertThatThrownBy(() -> attributes.add(raw, "three")).isInstanceOf(ClassCastException.class);
        assertThat(attributes.has(ATTEMPTS)).isFalse();
    }

    @Test
    void anAttributeNeedsANameAndAType() {
        assertThatThrownBy(() -> Attribute.of(" ", String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attribute.of("gateway", null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void attributesAndMessageFlagsOfTheRouteAreTheTransactionsThatEveryHookSees() {
        RequestContext route = new RequestContext(new RequestView(SipRequests.parse("""
                INVITE sip:bob@example.com SIP/2.0
                From: <sip:alice@example.com>;tag=a1
                To: <sip:bob@example.com>
                Call-ID: flags-1@198.51.100.7
                CSeq: 1 INVITE
                """), "udp", () -> new byte[0]), true);
        route.attributes().add(GATEWAY, "sip:gw1.example.com");
        route.flags().set("FROM_CARRIER");
        route.scriptFlags().set("CHECKED");
        route.variables().set("tries", 2);
        Transaction transaction = route.transaction();

        BranchContext branch = new BranchContext(transaction, Branch.to(SipUri.parse("sip:bob@192.0.2.4")));
        FailureContext failure = new FailureContext(transaction, new ResponseView(486, "Busy Here", n -> List.of()));
        ReplyContext reply = new ReplyContext(transaction, new ResponseView(180, "Ringing", n -> List.of()));

        assertThat(branch.attributes().get(GATEWAY)).hasValue("sip:gw1.example.com");
        assertThat(failure.attributes().get(GATEWAY)).hasValue("sip:gw1.example.com");
        assertThat(reply.attributes().get(GATEWAY)).hasValue("sip:gw1.example.com");
        assertThat(branch.flags().isSet("FROM_CARRIER")).isTrue();
        assertThat(failure.flags().isSet("FROM_CARRIER")).isTrue();
        assertThat(reply.flags().isSet("FROM_CARRIER")).isTrue();
        assertThat(transaction.flags().isSet("CHECKED")).as("a script flag stays in the route").isFalse();
        assertThat(route.variables().get("tries", Integer.class)).hasValue(2);
    }

    // --- flags ----------------------------------------------------------------------------------------------------

    @Test
    void flagsAreSetAndResetByName() {
        Flags flags = new Flags();

        flags.set("FROM_MEDIA_SERVER");
        flags.set("NAT");
        flags.reset("NAT");
        flags.reset("NEVER_SET");

        assertThat(flags.isSet("FROM_MEDIA_SERVER")).isTrue();
        assertThat(flags.isSet("NAT")).isFalse();
        assertThat(flags.isSet("from_media_server")).as("names are case-sensitive").isFalse();
    }

    @Test
    void theNamesOfTheFlagsSetAreListedSorted() {
        Flags flags = new Flags();

        flags.set("VOICEMAIL");
        flags.set("ACCOUNTING");
        flags.set("NAT");
        flags.set("BRANCH_RECORDED");
        flags.set("VOICEMAIL");

        assertThat(flags.names()).containsExactly("ACCOUNTING", "BRANCH_RECORDED", "NAT", "VOICEMAIL");
        assertThatThrownBy(() -> flags.names().add("X")).as("a view, not the flags")
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(flags).hasToString("[ACCOUNTING, BRANCH_RECORDED, NAT, VOICEMAIL]");
    }

    @Test
    void aCopyGoesItsOwnWay() {
        Flags flags = new Flags();
        flags.set("A");

        Flags copy = flags.copy();
        copy.set("B");
        flags.reset("A");

        assertThat(copy.names()).containsExactlyInAnyOrder("A", "B");
        assertThat(flags.names()).isEmpty();
    }

    @Test
    void aFlagNeedsAName() {
        Flags flags = new Flags();

        assertThatThrownBy(() -> flags.set("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> flags.set(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void branchFlagsBelongToOneBranch() {
        Branch first = Branch.to(SipUri.parse("sip:bob@192.0.2.4"));
        Branch second = Branch.to(SipUri.parse("sip:bob@192.0.2.5"), 0.5);

        first.flags().set("RECORD");

        assertThat(first.flags().isSet("RECORD")).isTrue();
        assertThat(second.flags().isSet("RECORD")).isFalse();
    }
}
