package org.interchange.mgmt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ResourceConfig;
import org.interchange.core.Beans;
import org.interchange.core.persistence.TestDatabase;
import org.interchange.permissions.AddressGroups;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/address} through Jersey in this JVM, as the admin API serves it (JSON provider, problem mapping), on
 * an H2 address table.
 */
class AddressResourceTest {

    private static final URI BASE = URI.create("http://127.0.0.1:8088/interchange/api/");

    private final AddressGroups groups = Beans.constructed(new AddressGroups(TestDatabase.H2.empty()));
    private final ApplicationHandler api = new ApplicationHandler(new ResourceConfig()
            .register(new AddressResource(groups))
            .register(JacksonFeature.withoutExceptionMappers())
            .register(ProblemMapper.class)
            .register(ProblemResponses.class));

    @Test
    void addedRowIsAnsweredWithItsIdAndListed() {
        Answer added = call("POST", "address", """
                {"grp": 2, "ip": "10.10.11.12", "context_info": "from_mg"}""");

        assertThat(added.status()).isEqualTo(201);
        long id = groups.list().get(0).id();
        assertThat(added.location()).isEqualTo(BASE.resolve("address/" + id).toString());
        assertThat(added.body()).isEqualTo("{\"id\":" + id + ",\"grp\":2,\"ip\":\"10.10.11.12\",\"mask\":32,"
                + "\"port\":0,\"proto\":\"any\",\"pattern\":null,\"context_info\":\"from_mg\"}");
        assertThat(call("GET", "address", null).body()).isEqualTo("[" + added.body() + "]");
        assertThat(call("GET", "address/" + id, null).body()).isEqualTo(added.body());
    }

    @Test
    void listIsFilteredByGroup() {
        call("POST", "address", "{\"grp\": 1, \"ip\": \"10.10.11.11\"}");
        call("POST", "address", "{\"grp\": 2, \"ip\": \"10.10.11.12\"}");

        assertThat(call("GET", "address?grp=2", null).body()).contains("10.10.11.12").doesNotContain("10.10.11.11");
        assertThat(call("GET", "address?grp=two", null).status()).isEqualTo(400);
    }

    @Test
    void changedRowIsAnsweredAsChanged() {
        call("POST", "address", "{\"grp\": 2, \"ip\": \"10.10.11.12\"}");
        long id = groups.list().get(0).id();

        Answer changed = call("PUT", "address/" + id, """
                {"id": %d, "grp": 3, "ip": "2001:db8::", "mask": 64, "proto": "TLS"}""".formatted(id));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body()).contains("\"grp\":3", "\"ip\":\"2001:db8::\"", "\"mask\":64", "\"proto\":\"tls\"");
        assertThat(call("PUT", "address/4711", "{\"ip\": \"10.0.0.1\"}").status()).isEqualTo(404);
        assertThat(call("PUT", "address/" + id, "{\"id\": 4711, \"ip\": \"10.0.0.1\"}").status()).isEqualTo(400);
    }

    @Test
    void removedRowIsGone() {
        call("POST", "address", "{\"grp\": 2, \"ip\": \"10.10.11.12\"}");
        long id = groups.list().get(0).id();

        assertThat(call("DELETE", "address/" + id, null).status()).isEqualTo(204);
        assertThat(call("DELETE", "address/" + id, null).status()).isEqualTo(404);
        assertThat(call("GET", "address/" + id, null).status()).isEqualTo(404);
    }

    @Test
    void badRowIsRefusedWithTheReason() {
        Answer refused = call("POST", "address", "{\"grp\": 1, \"ip\": \"10.0.0.1\", \"mask\": 33}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.type()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(refused.body()).contains("mask 33 is not in 0..32 for the IPv4 address 10.0.0.1");
        assertThat(call("POST", "address", "{\"ip\": \"10.0.0.1\", \"pattern\": \"[a-\"}").body())
                .contains("pattern '[a-' is not a wildcard pattern");
        assertThat(call("POST", "address", "{\"ip\": \"10.0.0.1\", \"contxt_info\": \"typo\"}").status())
                .as("an unknown field").isEqualTo(400);
        assertThat(call("POST", "address", "{\"id\": 7, \"ip\": \"10.0.0.1\"}").status()).isEqualTo(400);
        assertThat(groups.list()).isEmpty();
    }

    @Test
    void reloadCountsTheRowsAndNamesThoseSkipped() {
        call("POST", "address", "{\"grp\": 1, \"ip\": \"10.10.11.11\"}");

        Answer reload = call("POST", "address/reload", null);

        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.body()).isEqualTo("{\"loaded\":1,\"skipped\":[]}");
    }

    @Test
    void matchNamesTheRowASourceFallsIn() {
        call("POST", "address", "{\"grp\": 2, \"ip\": \"10.10.11.0\", \"mask\": 24, \"context_info\": \"lan\"}");
        call("POST", "address", """
                {"grp": 3, "ip": "10.10.11.100", "proto": "udp", "pattern": "sip:ivr*"}""");

        assertThat(call("GET", "address/match?ip=10.10.11.12", null).body()).contains("\"grp\":2", "\"lan\"");
        assertThat(call("GET", "address/match?ip=10.10.11.100&port=5060&proto=udp&grp=3", null).body())
                .contains("\"grp\":3");
        assertThat(call("GET", "address/match?ip=10.10.11.100&grp=3&subject=sip:ivr@x", null).status())
                .isEqualTo(200);
        Answer none = call("GET", "address/match?ip=10.10.11.100&grp=3&subject=sip:alice@x", null);
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.body()).contains("no row of the address table matches 10.10.11.100 port any proto any "
                + "in group 3 with subject 'sip:alice@x'");
        assertThat(call("GET", "address/match?ip=example.com", null).status()).isEqualTo(400);
        assertThat(call("GET", "address/match?ip=10.0.0.1&port=70000", null).status()).isEqualTo(400);
        assertThat(call("GET", "address/match?ip=10.0.0.1&proto=http", null).status()).isEqualTo(400);
        assertThat(call("GET", "address/match", null).status()).isEqualTo(400);
    }

    /** An answer of the API: status, content type, Location and body. */
    private record Answer(int status, String type, String location, String body) {
    }

    private Answer call(String method, String path, String json) {
        ContainerRequest request = new ContainerRequest(BASE, BASE.resolve(path), method, null,
                new MapPropertiesDelegate(), api.getConfiguration());
        if (json != null) {
            request.header(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
            request.setEntityStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        }
        request.header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ContainerResponse response;
        try {
            response = api.apply(request, body).get();
        } catch (InterruptedException | ExecutionException e) {
            throw new AssertionError(e);
        }
        return new Answer(response.getStatus(), String.valueOf(response.getMediaType()),
                response.getHeaderString(HttpHeaders.LOCATION), body.toString(StandardCharsets.UTF_8));
    }
}
