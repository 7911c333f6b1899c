package org.interchange.core.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AorTest {

    @Test
    void escapedUnreservedCharacterIsTheCharacter() {
        assertThat(new Aor("%61lice", "example.com")).isEqualTo(new Aor("alice", "example.com"));
    }

    @Test
    void escapedNulIsKeptAndDoesNotCutTheUser() {
        Aor aor = new Aor("alice%00bob", "example.com");

        assertThat(aor.user()).isEqualTo("alice%00bob");
        assertThat(aor).isNotEqualTo(new Aor("alice", "example.com"));
    }

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
            "%61lice, alice",
            "alice%2a, alice*",
            "al%20ice, al%20ice",
            "al%2fice, al/ice",
            "%c3%a9mile, %C3%A9mile",
            "émile, %C3%A9mile",
            "+15551234567;phone-context=example.com, +15551234567;phone-context=example.com",
            "50%, 50%25",
    })
    void userIsKeptInCanonicalEscapedForm(String user, String canonical) {
        assertThat(new Aor(user, "example.com").user()).isEqualTo(canonical);
    }

    @Test
    void userIsCaseSensitiveAndDomainIsNot() {
        assertThat(new Aor("Alice", "EXAMPLE.com")).isNotEqualTo(new Aor("alice", "example.com"));
        assertThat(new Aor("alice", "EXAMPLE.com")).isEqualTo(new Aor("alice", "example.com"));
    }

    @Test
    void parsedFromUserAtDomainWithOrWithoutScheme() {
        assertThat(Aor.parse("sip:alice@Example.com")).isEqualTo(new Aor("alice", "example.com"));
        assertThat(Aor.parse("alice@example.com")).hasToString("alice@example.com");
    }

    @Test
    void userAndDomainAreRequired() {
        assertThatThrownBy(() -> Aor.parse("example.com")).hasMessageContaining("is not user@domain");
        assertThatThrownBy(() -> Aor.parse("alice@")).hasMessageContaining("is not user@domain");
        assertThatThrownBy(() -> new Aor("", "example.com")).isInstanceOf(IllegalArgumentException.class);
    }
}
