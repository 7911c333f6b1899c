package org.interchange.it.routing;

import org.interchange.it.support.sip.Call;
import org.interchange.it.support.sip.Dialog;
import org.interchange.it.support.sip.Received;
import org.interchange.it.support.sip.SentRequest;
import org.interchange.it.support.sip.SipAgent;

/** What the routing ITs do with an answered call: acknowledge it and hang up through the router. */
final class Calls {

    private Calls() {
    }

    /** The caller acknowledges the 200 and hangs up; {@code answered} sees the ACK and the BYE. */
    static void acknowledgeAndHangUp(SipAgent caller, SentRequest invite, Received ok, SipAgent answered) {
        Dialog call = Dialog.asCaller(caller, invite, ok);
        call.ack();
        answered.awaitRequest("ACK");
        Call.hangUp(call, answered);
    }
}
