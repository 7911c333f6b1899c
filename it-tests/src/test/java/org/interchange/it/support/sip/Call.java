package org.interchange.it.support.sip;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Both sides of a call between two registered subscribers through the router, answered and acknowledged.
 *
 * @param callerSide the dialog as the caller holds it
 * @param calleeSide the dialog as the callee holds it
 */
public record Call(Dialog callerSide, Dialog calleeSide) {

    /**
     * A call from {@code caller} to {@code callee}'s address-of-record: the INVITE challenged with 407 and sent again
     * with credentials, answered 200 by the callee's registered contact, acknowledged.
     */
    public static Call establish(SipAgent caller, SipAgent callee) {
        SentRequest unauthenticated = caller.send(caller.invite(callee.subscriber().uri()));
        Received challenge = unauthenticated.awaitFinalResponse();
        assertThat(challenge.status()).as("the INVITE's challenge").isEqualTo(407);
        SentRequest invite = caller.retryWithCredentials(unauthenticated, challenge);
        Dialog calleeSide = callee.awaitRequest("INVITE").accept();
        Received ok = invite.awaitResponse(200);
        Dialog callerSide = Dialog.asCaller(caller, invite, ok);
        callerSide.ack();
        callee.awaitRequest("ACK");
        return new Call(callerSide, calleeSide);
    }

    /** Ends the call from {@code side}: its BYE reaches {@code otherEnd}, which answers 200, and the 200 comes back. */
    public static void hangUp(Dialog side, SipAgent otherEnd) {
        SentRequest bye = side.send("BYE");
        otherEnd.awaitRequest("BYE").reply(200);
        assertThat(bye.awaitFinalResponse().status()).as("the BYE's answer").isEqualTo(200);
    }
}
