# Sourced by Tomcat's catalina.sh: what the router needs when Tomcat runs standalone (bin/catalina.sh run|start).
CATALINA_OPTS="${CATALINA_OPTS:-} \
  -Dinterchange.config=${INTERCHANGE_CONFIG:-$CATALINA_BASE/conf/interchange.properties} \
  -Dinterchange.data=${INTERCHANGE_DATA:-$CATALINA_BASE/data} \
  -Dlog4j.configuration=file:$CATALINA_BASE/conf/log4j.properties \
  -Djavax.servlet.sip.ar.spi.SipApplicationRouterProvider=org.mobicents.servlet.sip.router.DefaultApplicationRouterProvider"
