package org.interchange.proxy;

import java.util.ArrayList;
import java.util.List;

import org.interchange.core.sip.Reply.SipHeader;

/**
 * What RFC 3261 16.7 asks of the best final response a proxy forwards, beyond choosing it (the container chooses
 * the lowest class, 6xx first):
 * <ul>
 *   <li>step 6: when only 503 responses came back, forward a 500 instead (a 503 would tell the caller that this
 *       proxy is overloaded);</li>
 *   <li>step 7: a forwarded 401 or 407 carries the challenges of every branch that answered 401 or 407, so that
 *       the caller can answer them all at once.</li>
 * </ul>
 */
public final class BestResponse {

    /** A final response of one branch: its status and its challenges. */
    public record BranchResponse(int status, List<SipHeader> challenges) {
    }

    /**
     * How to change the best response before it is forwarded.
     *
     * @param status          the status to forward
     * @param reason          its reason phrase, empty to keep the response's own
     * @param addedChallenges WWW-Authenticate / Proxy-Authenticate fields to add
     */
    public record Forwarded(int status, String reason, List<SipHeader> addedChallenges) {
    }

    private BestResponse() {
    }

    /**
     * @param best   the response the container chose, with its own challenges
     * @param others the final responses of the other branches
     */
    public static Forwarded forward(BranchResponse best, List<BranchResponse> others) {
        if (best.status() == 503 && others.stream().allMatch(other -> other.status() == 503)) {
            return new Forwarded(500, "Server Internal Error", List.of());
        }
        List<SipHeader> added = new ArrayList<>();
        if (best.status() == 401 || best.status() == 407) {
            for (BranchResponse other : others) {
                if (other.status() == 401 || other.status() == 407) {
                    other.challenges().stream()
                            .filter(challenge -> !best.challenges().contains(challenge) && !added.contains(challenge))
                            .forEach(added::add);
                }
            }
        }
        return new Forwarded(best.status(), "", added);
    }
}
