package org.interchange.core.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SipHeadersTest {

    @Test
    void namesAreComparedWithoutCase() {
        SipHeaders headers = SipHeaders.builder().add("Call-ID", "a84b4c76e66710").build();

        assertThat(headers.first("call-id")).hasValue("a84b4c76e66710");
        assertThat(headers.has("CALL-ID")).isTrue();
    }

    @Test
    void valuesKeepTheirOrderAcrossSpellings() {
        SipHeaders headers = SipHeaders.builder()
                .add("Route", "<sip:p1.example.com;lr>")
                .add("route", "<sip:p2.example.com;lr>")
                .build();

        assertThat(headers.all("ROUTE")).containsExactly("<sip:p1.example.com;lr>", "<sip:p2.example.com;lr>");
        assertThat(headers.first("Route")).hasValue("<sip:p1.example.com;lr>");
    }

    @Test
    void absentFieldHasNoValues() {
        SipHeaders headers = SipHeaders.builder().build();

        assertThat(headers.all("Require")).isEmpty();
        assertThat(headers.first("Require")).isEmpty();
        assertThat(headers.has("Require")).isFalse();
    }

    @Test
    void builtHeadersDoNotChangeWithTheBuilder() {
        SipHeaders.Builder builder = SipHeaders.builder().add("Supported", "path");
        SipHeaders headers = builder.build();

        builder.add("Supported", "outbound").add("Require", "path");

        assertThat(headers.all("Supported")).containsExactly("path");
        assertThat(headers.has("Require")).isFalse();
    }

    @Test
    void readOnDemandReadsAFieldOnceWhenFirstAskedForAndKeepsItAsRead() {
        List<String> asked = new ArrayList<>();
        List<String> routes = new ArrayList<>(List.of("<sip:a.example.org;lr>"));
        SipHeaders headers = SipHeaders.readOnDemand(name -> {
            asked.add(name);
            return "route".equalsIgnoreCase(name) ? routes : List.of();
        });

        assertThat(asked).isEmpty();
        assertThat(headers.all("Route")).containsExactly("<sip:a.example.org;lr>");
        routes.add("<sip:b.example.org;lr>");
        assertThat(headers.all("ROUTE")).containsExactly("<sip:a.example.org;lr>");
        assertThat(headers.has("Max-Forwards")).isFalse();
        assertThat(asked).containsExactly("Route", "Max-Forwards");
    }
}
