/**
 * TLS for the router's TLS listeners: the keystore and truststore of {@code interchange.properties}
 * ({@code tls.*}), a self-signed keystore generated in the data directory when none is configured, and the JAIN-SIP
 * stack properties that carry them to the SIP stack; and who is at the other end of a TLS connection: a client's
 * certificate the truststore must trust ({@code tls.verify-client}), a server's that must also name the host called
 * ({@code tls.verify-server}, RFC 5922, {@link org.interchange.container.tls.VerifyingNetworkLayer}). Used by both
 * ways of running: the embedded launcher and {@link org.interchange.container.StandaloneChecks} in standalone Tomcat.
 */
package org.interchange.container.tls;
