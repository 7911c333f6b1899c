package org.interchange.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.TestConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxySettingsTest {

    @TempDir
    Path directory;

    @Test
    void directRoutingByDefault() {
        ProxySettings settings = ProxySettings.from(TestConfiguration.load(directory, ""));

        assertThat(settings.outboundProxy()).isEmpty();
        assertThat(settings.defaultRoute()).isEmpty();
        assertThat(settings.branchTimeout()).isEqualTo(30);
    }

    @Test
    void outboundProxyAndDefaultRouteAreSipUris() {
        ProxySettings settings = ProxySettings.from(TestConfiguration.load(directory, """
                proxy.outbound-proxy = sip:outbound.example.net;lr
                proxy.default-route = sip:voicemail.example.com
                """));

        assertThat(settings.outboundProxy()).hasValueSatisfying(uri -> assertThat(uri.host()).isEqualTo("outbound.example.net"));
        assertThat(settings.defaultRoute()).hasValueSatisfying(uri -> assertThat(uri.host()).isEqualTo("voicemail.example.com"));
    }

    @Test
    void outboundProxyOfAnotherSchemeIsRefused() {
        assertThatThrownBy(() -> ProxySettings.from(TestConfiguration.load(directory,
                "proxy.outbound-proxy = http://outbound.example.net\n")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("line 1: proxy.outbound-proxy = \"http://outbound.example.net\": not a sip or sips URI");
    }
}
