package org.interchange.container;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.interchange.container.config.RouterConfiguration;
import org.mobicents.servlet.sip.GenericUtils;
import org.mobicents.servlet.sip.core.SipApplicationDispatcherImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MSS's dispatcher with a server id that outlives a restart. MSS names itself in every Record-Route it writes (the
 * {@code as} parameter) with an id drawn at random at each start, and recognises the second of its own Route entries
 * on an in-dialog request (RFC 5658's double Record-Route) only when that id is its current one: after a restart, the
 * BYE of a call set up before went back to the router itself instead of on to the other side. The id is generated
 * once into {@value #FILE} of the data directory and read at every start, so the Record-Route the router writes for a
 * dialog does not change from one start to the next.
 *
 * <p>Configured as the SIP service's {@code sipApplicationDispatcherClassName} (in {@code server.xml}, and by the
 * embedded launcher).
 */
public class StableServerIdDispatcher extends SipApplicationDispatcherImpl {

    /** The file of the data directory that keeps the id. */
    static final String FILE = "server-id";

    private static final Logger log = LoggerFactory.getLogger(StableServerIdDispatcher.class);

    private final String serverId;
    /** The id's hash for MSS's tags, computed once the hash length is known (MSS reads it when it starts). */
    private volatile IdHash idHash;

    private record IdHash(int length, String value) {
    }

    public StableServerIdDispatcher() {
        this(RouterConfiguration.load().dataDirectory().orElseThrow(() -> new IllegalStateException(
                "no data directory to keep the SIP server id in: set data.dir or -Dinterchange.data")));
    }

    StableServerIdDispatcher(Path dataDirectory) {
        serverId = serverId(dataDirectory.resolve(FILE));
    }

    @Override
    public String getApplicationServerId() {
        return serverId;
    }

    @Override
    public String getApplicationServerIdHash() {
        int length = getTagHashMaxLength();
        IdHash hash = idHash;
        if (hash == null || hash.length() != length) {
            hash = new IdHash(length, GenericUtils.hashString(serverId, length));
            idHash = hash;
        }
        return hash.value();
    }

    /** The id kept in the file, written there first when the file does not exist. */
    static String serverId(Path file) {
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (!kept.isEmpty()) {
                    return kept;
                }
            }
            String generated = UUID.randomUUID().toString();
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated + "\n", StandardCharsets.US_ASCII);
            log.info("Generated the SIP server id {} in {}", generated, file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the SIP server id in " + file, e);
        }
    }
}
