package org.interchange.tracing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a trace follows is bounded, and forgotten once past its time. */
class FollowedTest {

    @Test
    void whenFullNothingNewIsFollowedUntilKeysPastTheirTimeAreForgotten() {
        Followed followed = new Followed(2);
        followed.follow("a", 1_000, 2_000);
        followed.follow("b", 1_000, 5_000);

        followed.follow("c", 1_500, 6_000);
        assertThat(followed.renew("c", 1_500, 6_000)).as("full").isFalse();
        assertThat(followed.renew("a", 1_500, 3_000)).isTrue();

        assertThat(followed.renew("a", 3_001, 9_000)).as("past its time").isFalse();
        followed.follow("c", 3_001, 6_000);
        assertThat(followed.renew("c", 3_001, 6_000)).isTrue();
        assertThat(followed.size()).isEqualTo(2);
    }
}
