package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.apache.catalina.core.StandardContext;
import org.apache.catalina.session.ManagerBase;
import org.junit.jupiter.api.Test;
import org.mobicents.servlet.sip.core.session.SipStandardManager;

/**
 * A context registers its manager as a property change listener when it is given the manager ({@code setManager}).
 * MSS's own manager, compiled against Tomcat 7.0.64, is no such listener on the Tomcat we ship.
 */
class PropertyChangeSipStandardManagerTest {

    @Test
    void plainMssManagerCannotBeAContextsManagerOnThisTomcat() {
        StandardContext context = new StandardContext();

        assertThatThrownBy(() -> context.setManager(new SipStandardManager()))
                .isInstanceOf(ArrayStoreException.class)
                .hasMessageContaining(SipStandardManager.class.getName());
    }

    @Test
    void managerBecomesTheContextsManager() {
        StandardContext context = new StandardContext();
        PropertyChangeSipStandardManager manager = new PropertyChangeSipStandardManager();

        context.setManager(manager);

        assertThat(context.getManager()).isSameAs(manager);
        assertThat(manager.getContainer()).isSameAs(context);
    }

    @Test
    void managerFollowsTheContextsSessionTimeoutWithoutWarnings() {
        StandardContext context = new StandardContext();
        PropertyChangeSipStandardManager manager = new PropertyChangeSipStandardManager();
        context.setManager(manager);
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger(ManagerBase.class.getName());
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        try {
            context.setSessionTimeout(7);
        } finally {
            log.removeHandler(handler);
        }

        assertThat(manager.getMaxInactiveInterval()).isEqualTo(7 * 60);
        assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    }
}
