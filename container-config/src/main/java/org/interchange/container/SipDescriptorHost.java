package org.interchange.container;

import org.mobicents.servlet.sip.startup.SipContextConfig;
import org.mobicents.servlet.sip.startup.SipStandardHost;

/**
 * MSS's host, whose SIP applications are configured by {@link SipDescriptorConfig}: MSS's host config names its own
 * {@code SipContextConfig} as the host's config class for every SIP application it deploys, whatever the host says,
 * and this host takes {@link SipDescriptorConfig} in its place. Named by the launcher and by {@code server.xml}.
 */
public class SipDescriptorHost extends SipStandardHost {

    @Override
    public void setConfigClass(String configClass) {
        super.setConfigClass(SipContextConfig.class.getName().equals(configClass)
                ? SipDescriptorConfig.class.getName() : configClass);
    }
}
