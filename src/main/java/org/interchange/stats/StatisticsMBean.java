package org.interchange.stats;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;

import javax.annotation.PreDestroy;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.event.Observes;
import javax.inject.Inject;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.JMException;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.ReflectionException;

import org.interchange.core.RouterStarting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The statistics over JMX: the MBean {@value #NAME}, one read-only attribute per statistic ({@code core:rcv_requests},
 * read when asked, so statistics registered later show too), and the operations {@code reset(names)} (as
 * {@code reset_statistics}, names separated by commas or blanks) and {@code resetAll()}.
 */
@ApplicationScoped
public class StatisticsMBean implements DynamicMBean {

    static final String NAME = "org.interchange:type=Statistics";

    private static final Logger log = LoggerFactory.getLogger(StatisticsMBean.class);

    private Statistics statistics;
    private ObjectName registered;

    protected StatisticsMBean() {
        // for CDI's proxy
    }

    @Inject
    StatisticsMBean(Statistics statistics) {
        this.statistics = statistics;
    }

    void register(@Observes RouterStarting starting) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = new ObjectName(NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // a redeployed WAR's, whose statistics are gone
            }
            server.registerMBean(this, name);
            registered = name;
        } catch (JMException e) {
            log.warn("The statistics are not available over JMX: {}", e.toString());
        }
    }

    @PreDestroy
    void unregister() {
        if (registered != null) {
            try {
                ManagementFactory.getPlatformMBeanServer().unregisterMBean(registered);
            } catch (JMException e) {
                log.debug("Unregistering {} failed", registered, e);
            }
        }
    }

    @Override
    public Object getAttribute(String attribute) throws AttributeNotFoundException {
        try {
            return statistics.get(List.of(attribute)).get(attribute);
        } catch (IllegalArgumentException e) {
            throw new AttributeNotFoundException(e.getMessage());
        }
    }

    @Override
    public AttributeList getAttributes(String[] attributes) {
        AttributeList values = new AttributeList();
        Map<String, Number> all = statistics.get(List.of());
        for (String attribute : attributes) {
            if (all.containsKey(attribute)) {
                values.add(new Attribute(attribute, all.get(attribute)));
            }
        }
        return values;
    }

    @Override
    public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
        throw new AttributeNotFoundException(attribute.getName() + " is read-only");
    }

    @Override
    public AttributeList setAttributes(AttributeList attributes) {
        return new AttributeList(); // all read-only
    }

    @Override
    public Object invoke(String operation, Object[] params, String[] signature) throws ReflectionException {
        if ("resetAll".equals(operation)) {
            return statistics.reset(List.of(Statistics.ALL)).size();
        }
        if ("reset".equals(operation) && params != null && params.length == 1 && params[0] instanceof String names) {
            try {
                return statistics.reset(List.of(names.trim().split("[,\\s]+"))).size();
            } catch (IllegalArgumentException e) {
                throw new ReflectionException(e, e.getMessage());
            }
        }
        throw new ReflectionException(new NoSuchMethodException(operation), "no operation " + operation);
    }

    @Override
    public MBeanInfo getMBeanInfo() {
        MBeanAttributeInfo[] attributes = statistics.get(List.of()).entrySet().stream()
                .map(stat -> new MBeanAttributeInfo(stat.getKey(), stat.getValue().getClass().getName(),
                        statistics.resettable(stat.getKey()) ? "counter" : "gauge", true, false, false))
                .toArray(MBeanAttributeInfo[]::new);
        MBeanOperationInfo[] operations = {
                new MBeanOperationInfo("reset", "resets the named counters (group:name, group:, name or all)",
                        new MBeanParameterInfo[]{new MBeanParameterInfo("names", String.class.getName(),
                                "names separated by commas")}, "int", MBeanOperationInfo.ACTION),
                new MBeanOperationInfo("resetAll", "resets every counter", new MBeanParameterInfo[0], "int",
                        MBeanOperationInfo.ACTION)};
        return new MBeanInfo(StatisticsMBean.class.getName(), "The router's statistics, as OpenSIPS names them",
                attributes, null, operations, null);
    }
}
