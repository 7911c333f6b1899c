package org.interchange.container;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;

import org.mobicents.servlet.sip.core.session.SipStandardManager;

/**
 * The MSS session manager, made deployable on Tomcat 7.0.68 and later.
 *
 * <p>MSS 3.2.0-37 was compiled against Tomcat 7.0.64, whose {@code ManagerBase} implemented
 * {@link PropertyChangeListener}. MSS's manager registers itself as a property change listener of its context; from
 * Tomcat 7.0.68 on, the base class no longer implements the interface, and the registration fails with an
 * {@code ArrayStoreException} when the context is given its manager. This class implements the interface again.
 *
 * <p>There is nothing left to do with the events: on these Tomcat versions the manager reads the session timeout
 * from its context whenever it needs it, and ignores {@code setMaxInactiveInterval} (with a warning), which is what
 * the old base class called on a {@code sessionTimeout} change.
 *
 * <p>Use it as the context's manager ({@code <Manager className="..."/>} in {@code conf/context.xml}).
 */
public class PropertyChangeSipStandardManager extends SipStandardManager implements PropertyChangeListener {

    @Override
    public void propertyChange(PropertyChangeEvent event) {
        // see the class comment: the context's session timeout is read where it is used
    }
}
