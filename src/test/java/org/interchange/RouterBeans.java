package org.interchange;

import org.interchange.auth.AuthStats;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.interchange.auth.AuthSettings;
import org.interchange.auth.Authenticator;
import org.interchange.auth.DigestAlgorithm;
import org.interchange.auth.Subscribers;
import org.interchange.core.Beans;
import org.interchange.core.IpNetwork;
import org.interchange.core.ManualScheduler;
import org.interchange.core.TestConfiguration;
import org.interchange.core.persistence.Database;
import org.interchange.domain.Domains;
import org.interchange.location.Location;
import org.interchange.permissions.AddressGroups;
import org.interchange.location.LocationSettings;

/**
 * The beans a request meets on its way through the router, built over one database the way CDI builds them:
 * served domains (example.com, alias sip.example.com and the listener 127.0.0.1), subscribers, location and
 * authentication, address groups.
 */
public record RouterBeans(Domains domains, Subscribers subscribers, Location location, Authenticator authenticator,
                          AddressGroups addressGroups) {

    public static final String CONFIGURATION = """
            domains = example.com
            aliases = sip.example.com
            listener.udp = udp:127.0.0.1:5060
            """;

    /** Location writing through to the database, as a REGISTER handed to the registrar's queue expects. */
    public static final LocationSettings WRITE_THROUGH = new LocationSettings(Duration.ofSeconds(60),
            LocationSettings.DbMode.WRITE_THROUGH, Duration.ofSeconds(1));

    /** Builds the beans, location writing through; {@code directory} receives the configuration file. */
    public static RouterBeans over(Database database, Path directory, Clock clock, AuthSettings auth) {
        return over(database, directory, clock, auth, WRITE_THROUGH);
    }

    /** Builds the beans; {@code directory} receives the configuration file. */
    public static RouterBeans over(Database database, Path directory, Clock clock, AuthSettings auth,
                                   LocationSettings locationSettings) {
        ManualScheduler scheduler = new ManualScheduler();
        Domains domains = Beans.constructed(new Domains(TestConfiguration.load(directory, CONFIGURATION), database));
        Subscribers subscribers = Beans.constructed(new Subscribers(database, scheduler, auth));
        Location location = Beans.constructed(new Location(database, clock, scheduler, locationSettings));
        Authenticator authenticator = Beans.constructed(new Authenticator(auth, subscribers, clock, scheduler,
                new AuthStats(new SimpleMeterRegistry())));
        AddressGroups addressGroups = new AddressGroups(database);
        addressGroups.reload();
        return new RouterBeans(domains, subscribers, location, authenticator, addressGroups);
    }

    /**
     * Authentication settings: SHA-256 and MD5, 300-second nonces.
     *
     * @param register whether REGISTER needs credentials
     * @param methods  the methods a local user must authenticate
     * @param trusted  networks exempt from that
     */
    public static AuthSettings auth(boolean register, Set<String> methods, List<IpNetwork> trusted) {
        return new AuthSettings(register, methods, trusted, List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5),
                Duration.ofSeconds(300), "test secret", Duration.ofSeconds(60));
    }
}
