package org.interchange.mgmt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class NumberParameterTest {

    @Test
    void aNumberInItsRangeIsRead() {
        assertThat(NumberParameter.of("port", " 5060 ", 0, 65535)).isEqualTo(5060);
        assertThat(NumberParameter.of("dpid", "-3", Integer.MIN_VALUE, Integer.MAX_VALUE)).isEqualTo(-3);
    }

    @Test
    void anythingElseIsRefusedNamingTheParameterAndWhatItMayBe() {
        assertThatIllegalArgumentException().isThrownBy(() -> NumberParameter.of("port", "65536", 0, 65535))
                .withMessage("port '65536' is not a number from 0 to 65535");
        assertThatIllegalArgumentException().isThrownBy(() -> NumberParameter.of("grp", "x", 0, Integer.MAX_VALUE))
                .withMessage("grp 'x' is not an integer of 0 or more");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> NumberParameter.of("dpid", "99999999999", Integer.MIN_VALUE, Integer.MAX_VALUE))
                .withMessage("dpid '99999999999' is not an integer");
        assertThatIllegalArgumentException().isThrownBy(() -> NumberParameter.of("limit", " ", 1, 1000))
                .withMessage("limit is required: a number from 1 to 1000");
    }
}
