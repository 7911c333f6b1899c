package org.interchange.container;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.apache.catalina.Container;
import org.apache.catalina.Wrapper;

import org.apache.catalina.core.StandardWrapper;
import org.apache.catalina.startup.ContextConfig;
import org.apache.catalina.startup.DigesterFactory;
import org.apache.tomcat.util.digester.Digester;
import org.mobicents.servlet.sip.annotation.ConcurrencyControl;
import org.mobicents.servlet.sip.annotation.ConcurrencyControlMode;
import org.mobicents.servlet.sip.catalina.SipEntityResolver;
import org.mobicents.servlet.sip.catalina.SipRuleSet;
import org.mobicents.servlet.sip.catalina.SipServletImpl;
import org.mobicents.servlet.sip.core.SipContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.SAXException;

/**
 * Configures a SIP application from its deployment descriptors only: {@code web.xml} as Tomcat does, then
 * {@code WEB-INF/sip.xml} with MSS's own rules, in place of MSS's {@code SipContextConfig}. That one also looks for
 * SIP annotations by loading every class of every jar in {@code WEB-INF/lib}: some 5 s of the router's start
 * (Hibernate, Weld, Jersey), for servlets that {@code sip.xml} can name. So the application declares its servlets,
 * its name and its servlet selection in {@code sip.xml}; {@code @SipServlet}, {@code @SipApplication} and
 * {@code @SipListener} annotations are not looked for. MSS's {@code @ConcurrencyControl} is still honoured where MSS
 * looks for it, on the package of the application's servlets or one that contains it.
 *
 * <p>Named as the host's {@code configClass}, by the launcher and by {@code server.xml}, and put in place of MSS's
 * by {@link SipDescriptorHost}. A context whose
 * {@code sip.xml} is missing, does not parse, or names no application or no way to choose a servlet does not start,
 * and the log says why.
 */
public class SipDescriptorConfig extends ContextConfig {

    private static final String SIP_XML = "/WEB-INF/sip.xml";
    private static final Logger log = LoggerFactory.getLogger(SipDescriptorConfig.class);

    @Override
    protected synchronized void configureStart() {
        super.configureStart();
        if (!(context instanceof SipContext sipContext)) {
            return; // a plain web application
        }
        if (ok) {
            ok = readSipXml() && isComplete(sipContext);
        }
        if (ok) {
            concurrencyControl().ifPresent(sipContext::setConcurrencyControlMode);
        }
        context.setConfigured(ok);
    }

    /** The {@code @ConcurrencyControl} of the first servlet's package or the nearest package containing it. */
    private Optional<ConcurrencyControlMode> concurrencyControl() {
        ClassLoader application = context.getLoader().getClassLoader();
        for (Container servlet : context.findChildren()) {
            String servletClass = ((Wrapper) servlet).getServletClass();
            for (String pkg = packageOf(servletClass); !pkg.isEmpty(); pkg = packageOf(pkg)) {
                try {
                    ConcurrencyControl control = Class.forName(pkg + ".package-info", false, application)
                            .getAnnotation(ConcurrencyControl.class);
                    if (control != null) {
                        return Optional.of(control.mode());
                    }
                } catch (ClassNotFoundException noAnnotations) {
                    // a package without package-info: look further up
                }
            }
        }
        return Optional.empty();
    }

    private static String packageOf(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(0, dot);
    }

    private boolean readSipXml() {
        try (InputStream descriptor = context.getServletContext().getResourceAsStream(SIP_XML)) {
            if (descriptor == null) {
                log.error("{}: no {}", context.getName(), SIP_XML);
                return false;
            }
            Digester digester = DigesterFactory.newDigester(context.getXmlValidation(),
                    context.getXmlNamespaceAware(), new SipRuleSet());
            digester.setValidating(false);
            digester.setEntityResolver(new SipEntityResolver());
            digester.setClassLoader(context.getClass().getClassLoader());
            digester.push(context);
            // the servlets sip.xml declares are SIP servlets; those Tomcat creates later are not
            context.setWrapperClass(SipServletImpl.class.getName());
            try {
                digester.parse(descriptor);
            } finally {
                context.setWrapperClass(StandardWrapper.class.getName());
            }
            return true;
        } catch (IOException | SAXException | RuntimeException e) {
            log.error("{}: {} cannot be read: {}", context.getName(), SIP_XML, e.toString());
            return false;
        }
    }

    /** JSR 289: an application name, and a main servlet or servlet-selection rules. */
    private boolean isComplete(SipContext sipContext) {
        if (sipContext.getApplicationName() == null) {
            log.error("{}: {} has no app-name", context.getName(), SIP_XML);
            return false;
        }
        boolean mainServlet = sipContext.getMainServlet() != null && !sipContext.getMainServlet().isEmpty();
        if (!mainServlet && sipContext.findSipServletMappings().isEmpty()) {
            log.error("{}: {} has neither a main servlet nor servlet mappings", context.getName(), SIP_XML);
            return false;
        }
        return true;
    }
}
