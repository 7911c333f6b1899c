package org.interchange.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.interchange.core.RouterStarting;
import org.junit.jupiter.api.Test;

class StatisticsMBeanTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final Counter accepted = registry.counter("interchange.registrar.accepted_regs");

    @Test
    void statisticsAreAttributesOfTheMBeanAndResetIsAnOperation() throws Exception {
        StatisticsMBean mbean = new StatisticsMBean(new Statistics(registry));
        mbean.register(new RouterStarting());
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName(StatisticsMBean.NAME);
        try {
            accepted.increment(2);

            assertThat(server.getAttribute(name, "registrar:accepted_regs")).isEqualTo(2L);
            assertThat(server.invoke(name, "reset", new Object[]{"registrar:"}, new String[]{String.class.getName()}))
                    .isEqualTo(1);
            assertThat(server.getAttribute(name, "registrar:accepted_regs")).isEqualTo(0L);
            assertThat(server.getMBeanInfo(name).getAttributes()).extracting(a -> a.getName())
                    .containsExactly("registrar:accepted_regs");
        } finally {
            mbean.unregister();
        }
        assertThat(server.isRegistered(name)).isFalse();
    }
}
