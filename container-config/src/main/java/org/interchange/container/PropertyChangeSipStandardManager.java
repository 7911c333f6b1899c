package org.interchange.container;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;

import org.apache.catalina.Context;
import org.mobicents.servlet.sip.core.session.SipStandardManager;

/**
 * The MSS session manager, made deployable on Tomcat 7.0.68 and later.
 *
 * <p>MSS 3.2.0-37 was compiled against Tomcat 7.0.64, whose {@code ManagerBase} implemented
 * {@link PropertyChangeListener}. MSS's manager registers itself as a property change listener of its context; from
 * Tomcat 7.0.68 on, the base class no longer implements the interface, and the registration fails with an
 * {@code ArrayStoreException} when the context starts. This class implements the interface again and does what the
 * old base class did with the event: it follows the context's session timeout.
 *
 * <p>Use it as the context's manager ({@code <Manager className="..."/>} in {@code conf/context.xml}).
 */
public class PropertyChangeSipStandardManager extends SipStandardManager implements PropertyChangeListener {

    private static final String SESSION_TIMEOUT = "sessionTimeout";

    @Override
    public void propertyChange(PropertyChangeEvent event) {
        if (event.getSource() instanceof Context && SESSION_TIMEOUT.equals(event.getPropertyName())
                && event.getNewValue() instanceof Integer minutes) {
            setMaxInactiveInterval(minutes * 60);
        }
    }
}
