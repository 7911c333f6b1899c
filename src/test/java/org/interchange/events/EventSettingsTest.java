package org.interchange.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.TestConfiguration;
import org.interchange.events.EventSettings.Destination;
import org.interchange.events.EventSettings.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code events.*}: defaults, destinations by their URL's scheme, and the mistakes that stop the start. */
class EventSettingsTest {

    @TempDir
    Path directory;

    @Test
    void withoutDestinationsNothingIsDeliveredAndTheLimitsHaveTheirDefaults() {
        EventSettings settings = settings("");

        assertThat(settings.destinations()).isEmpty();
        assertThat(settings.queueSize()).isEqualTo(10_000);
        assertThat(settings.maxAge()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.retryInitial()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.retryMax()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.node()).isNotBlank();
    }

    @Test
    void aWebhookAndABrokerAreToldApartByTheirUrls() {
        EventSettings settings = settings("""
                events.destination.crm.url = https://crm.example.com/hook
                events.destination.crm.events = E_UL_CONTACT_INSERT, E_UL_CONTACT_DELETE
                events.destination.crm.header = Authorization: Bearer abc:def
                events.destination.crm.secret = s3cret
                events.destination.broker.url = amqp://guest:guest@127.0.0.1:5672/%2f
                """);

        Destination crm = settings.destinations().get(0);
        assertThat(crm.transport()).isEqualTo(EventSettings.Transport.WEBHOOK);
        assertThat(crm.wants("E_UL_CONTACT_INSERT")).isTrue();
        assertThat(crm.wants("E_UL_CONTACT_UPDATE")).isFalse();
        assertThat(crm.header()).contains(new Header("Authorization", "Bearer abc:def"));
        assertThat(crm.secret()).contains("s3cret");
        Destination broker = settings.destinations().get(1);
        assertThat(broker.transport()).isEqualTo(EventSettings.Transport.AMQP);
        assertThat(broker.wants("E_SOCKET_FALLBACK")).isTrue();
        assertThat(broker.exchange()).isEqualTo("interchange.events");
        assertThat(broker.shownUrl()).as("no password shown").isEqualTo("amqp://127.0.0.1:5672/%2f");
    }

    @Test
    void anUnknownEventNameStopsTheStartNamingTheKnownOnes() {
        assertThatThrownBy(() -> settings("""
                events.destination.crm.url = http://127.0.0.1/hook
                events.destination.crm.events = E_UL_CONTACT_INSRT
                """)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("events.destination.crm.events")
                .hasMessageContaining("E_UL_CONTACT_INSRT is no event; expected some of [E_DATABASE_DOWN");
    }

    @Test
    void aDestinationWithoutAUsableUrlStopsTheStart() {
        assertThatThrownBy(() -> settings("events.destination.crm.events = E_UL_CONTACT_INSERT\n"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("events.destination.crm.url: not set");
        assertThatThrownBy(() -> settings("events.destination.crm.url = ftp://127.0.0.1/\n"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("expected http(s)://");
    }

    @Test
    void aSettingOfTheOtherKindOfDestinationStopsTheStart() {
        assertThatThrownBy(() -> settings("""
                events.destination.broker.url = amqp://127.0.0.1
                events.destination.broker.secret = s3cret
                """)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("only for webhooks");
        assertThatThrownBy(() -> settings("""
                events.destination.crm.url = http://127.0.0.1/hook
                events.destination.crm.exchange = sip
                """)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("only for AMQP destinations");
    }

    @Test
    void aHeaderWithoutANameOrOneTheHttpClientSetsItselfStopsTheStart() {
        assertThatThrownBy(() -> settings("""
                events.destination.crm.url = http://127.0.0.1/hook
                events.destination.crm.header = Bearer abc
                """)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("expected Name: value");
        assertThatThrownBy(() -> settings("""
                events.destination.crm.url = http://127.0.0.1/hook
                events.destination.crm.header = Host: crm.example.com
                """)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("events.destination.crm.header")
                .hasMessageContaining("restricted header name");
    }

    private EventSettings settings(String properties) {
        return EventSettings.from(TestConfiguration.load(directory, properties));
    }
}
