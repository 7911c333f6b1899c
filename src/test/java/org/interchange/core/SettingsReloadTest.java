package org.interchange.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.enterprise.event.Event;
import javax.enterprise.event.NotificationOptions;
import javax.enterprise.util.TypeLiteral;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.container.config.RouterConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsReloadTest {

    @TempDir
    Path directory;

    private final AtomicInteger maxExpires = new AtomicInteger();
    private final AtomicInteger minExpires = new AtomicInteger();
    private SettingsReload reload;

    /** Two capabilities as the router's observe {@link Reloading}: build (validating) first, swap when staged. */
    @BeforeEach
    void startWith() {
        RouterConfiguration started = TestConfiguration.load(directory, """
                registrar.max-expires = 3600
                database.url = jdbc:h2:mem:a
                """);
        started.integer("registrar.max-expires", 3600, 1, 86_400);
        started.integer("registrar.min-expires", 60, 1, 86_400);
        started.optional("database.url");
        maxExpires.set(3600);
        minExpires.set(60);
        reload = new SettingsReload(started, new Observers(List.of(
                reloading -> {
                    int next = reloading.configuration().integer("registrar.max-expires", 3600, 1, 86_400);
                    reloading.stage(List.of("registrar.max-expires"), () -> maxExpires.set(next));
                },
                reloading -> {
                    int next = reloading.configuration().integer("registrar.min-expires", 60, 1, 86_400);
                    reloading.stage(List.of("registrar.min-expires"), () -> minExpires.set(next));
                })));
    }

    @Test
    void aChangedReloadableKeyIsAppliedAndReportedWithItsValuesBeforeAndAfter() {
        write("""
                registrar.max-expires = 600
                database.url = jdbc:h2:mem:a
                """);

        ReloadReport report = reload.reload();

        assertThat(report.changed()).isEqualTo(Map.of("registrar.max-expires", new ReloadReport.Change("3600", "600")));
        assertThat(report.restartNeeded()).isEmpty();
        assertThat(maxExpires).hasValue(600);
    }

    @Test
    void aChangedKeyThatNoCapabilityReloadsNeedsARestartUntilItIsBack() {
        write("""
                registrar.max-expires = 3600
                database.url = jdbc:h2:mem:b
                """);

        assertThat(reload.reload().restartNeeded()).containsExactly("database.url");
        assertThat(reload.reload().restartNeeded()).containsExactly("database.url");
        write("""
                registrar.max-expires = 3600
                database.url = jdbc:h2:mem:a
                """);
        assertThat(reload.reload().restartNeeded()).isEmpty();
    }

    @Test
    void aBadValueChangesNothingAndNamesFileLineAndKey() {
        write("""
                registrar.min-expires = 30
                registrar.max-expires = forever
                database.url = jdbc:h2:mem:a
                """);

        assertThatThrownBy(reload::reload).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("interchange.properties, line 2: registrar.max-expires = \"forever\"");
        assertThat(minExpires).hasValue(60);
        assertThat(maxExpires).hasValue(3600);
    }

    @Test
    void anUnknownKeyChangesNothing() {
        write("""
                registrar.min-expires = 30
                registrar.max-expire = 600
                database.url = jdbc:h2:mem:a
                """);

        assertThatThrownBy(reload::reload).hasMessageContaining("line 2: registrar.max-expire: unknown key");
        assertThat(minExpires).hasValue(60);
    }

    private void write(String properties) {
        try {
            Files.writeString(directory.resolve("interchange.properties"), properties);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The CDI event, with its observers called in order. */
    private record Observers(List<Consumer<Reloading>> observers) implements Event<Reloading> {

        @Override
        public void fire(Reloading event) {
            observers.forEach(observer -> observer.accept(event));
        }

        @Override
        public <U extends Reloading> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends Reloading> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<Reloading> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends Reloading> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends Reloading> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
