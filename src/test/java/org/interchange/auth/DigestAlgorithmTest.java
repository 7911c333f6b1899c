package org.interchange.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigestAlgorithmTest {

    /** The example of RFC 7616 section 3.9.1: the same request answered with MD5 and with SHA-256. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "MD5, 8ca523f5e9506fed4657c9700eebdbec",
            "SHA_256, 753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
    })
    void responseOfTheRfc7616Example(DigestAlgorithm algorithm, String response) {
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        String ha1 = algorithm.ha1("Mufasa", "http-auth@example.org", "Circle of Life");
        String ha2 = algorithm.hash("GET:/dir/index.html");

        assertThat(algorithm.hash(ha1 + ":" + nonce + ":00000001:" + cnonce + ":auth:" + ha2)).isEqualTo(response);
    }

    @Test
    void sha512t256IsTheTruncatedSha512OfFips180() {
        // FIPS 180-4 example "abc"; RFC 8760 calls it SHA-512-256
        assertThat(DigestAlgorithm.SHA_512_256.hash("abc"))
                .isEqualTo("53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23");
    }

    @Test
    void hashesAreLowerCaseHex() {
        assertThat(DigestAlgorithm.MD5.hash("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
    }

    @Test
    void tokensAreReadIgnoringCase() {
        assertThat(DigestAlgorithm.byToken("sha-256")).hasValue(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.byToken("SHA-512-256")).hasValue(DigestAlgorithm.SHA_512_256);
        assertThat(DigestAlgorithm.byToken("MD5-sess")).isEmpty();
        assertThat(DigestAlgorithm.byToken("SHA-1")).isEmpty();
    }
}
