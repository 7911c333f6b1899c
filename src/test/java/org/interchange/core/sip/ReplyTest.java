package org.interchange.core.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.interchange.core.sip.Reply.SipHeader;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void headersAreAddedInOrderToACopy() {
        Reply challenge = Reply.of(401, "Unauthorized");

        Reply offered = challenge.with("WWW-Authenticate", "Digest algorithm=SHA-256")
                .with(List.of(new SipHeader("WWW-Authenticate", "Digest algorithm=MD5")));

        assertThat(challenge.headers()).isEmpty();
        assertThat(offered.headers()).extracting(SipHeader::value)
                .containsExactly("Digest algorithm=SHA-256", "Digest algorithm=MD5");
    }

    @Test
    void statusIsAResponseCode() {
        assertThatThrownBy(() -> Reply.of(99, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reply.of(700, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
