package org.interchange.auth.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestCredentialsTest {

    @Test
    void digestParametersAreRead() {
        assertThat(DigestCredentials.parse("Digest username=\"alice\", realm=\"example.com\", nonce=\"n1\", "
                + "uri=\"sip:example.com\", response=\"abc\", algorithm=SHA-256, qop=AUTH, nc=00000001, "
                + "cnonce=\"c1\""))
                .hasValue(new DigestCredentials("alice", "example.com", "n1", "sip:example.com", "abc", "SHA-256",
                        "auth", "00000001", "c1"));
    }

    @Test
    void algorithmDefaultsToMd5AndAbsentParametersAreEmpty() {
        assertThat(DigestCredentials.parse("Digest username=\"alice\", realm=\"example.com\", nonce=\"n1\", "
                + "uri=\"sip:example.com\", response=\"abc\""))
                .hasValueSatisfying(credentials -> {
                    assertThat(credentials.algorithm()).isEqualTo("MD5");
                    assertThat(credentials.qop()).isEmpty();
                    assertThat(credentials.cnonce()).isEmpty();
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"NoOneKnowsThisScheme realm=\"example.com\"", "Basic YWxpY2U6c2VjcmV0"})
    void otherSchemesAreNotDigestCredentials(String value) {
        assertThat(DigestCredentials.parse(value)).isEmpty();
    }
}
