package org.interchange.mi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;
import org.junit.jupiter.api.Test;

class JsonRpcTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonRpc rpc = new JsonRpc(List.of(
            MiCommand.of("dp_translate", List.of(List.of("dpid", "input")),
                    params -> Map.of("Output", params.number("dpid") + ":" + params.text("input"))),
            MiCommand.of("ul_show_contact", List.of(List.of("table_name", "aor")), params -> {
                throw new MiError(404, "AOR not found");
            }),
            MiCommand.of("uptime", MiCommand.noParameters(), params -> "OK"),
            MiCommand.of("broken", MiCommand.noParameters(), params -> {
                throw new IllegalStateException("a bug");
            })));

    private JsonNode answer(String request) {
        try {
            return JSON.readTree(rpc.answer(request.getBytes(StandardCharsets.UTF_8)).orElseThrow());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aCommandWithNamedParamsAnswersItsResultWithTheRequestsId() {
        JsonNode answer = answer("""
                {"jsonrpc": "2.0", "method": "dp_translate", "params": {"dpid": 1, "input": "0301"}, "id": "7"}""");

        assertThat(answer.toString())
                .isEqualTo("{\"jsonrpc\":\"2.0\",\"result\":{\"Output\":\"1:0301\"},\"id\":\"7\"}");
    }

    @Test
    void positionalParamsAreNamedAfterTheParameterSetOfTheirCount() {
        JsonNode answer = answer("""
                {"jsonrpc": "2.0", "method": "dp_translate", "params": ["1", "0301"], "id": 1}""");

        assertThat(answer.path("result").path("Output").asText()).isEqualTo("1:0301");
    }

    @Test
    void anUnknownMethodIsMethodNotFound() {
        JsonNode answer = answer("{\"jsonrpc\": \"2.0\", \"method\": \"ds_list\", \"id\": 1}");

        assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32601);
        assertThat(answer.path("error").path("message").asText()).isEqualTo("Method not found");
        assertThat(answer.path("id").asInt()).isEqualTo(1);
    }

    @Test
    void paramsThatFitNoParameterSetAreInvalidParams() {
        for (String params : List.of("{\"dpid\": 1}", "[1]", "{\"dpid\": 1, \"input\": \"1\", \"x\": 2}",
                "{\"dpid\": \"one\", \"input\": \"1\"}", "{\"dpid\": 1, \"input\": [1]}")) {
            JsonNode answer = answer("{\"jsonrpc\": \"2.0\", \"method\": \"dp_translate\", \"params\": " + params
                    + ", \"id\": 1}");

            assertThat(answer.path("error").path("code").asInt()).as(params).isEqualTo(-32602);
            assertThat(answer.path("error").path("message").asText()).isEqualTo("Invalid params");
        }
    }

    @Test
    void aCommandsOwnErrorKeepsItsCode() {
        JsonNode answer = answer("""
                {"jsonrpc": "2.0", "method": "ul_show_contact", "params": ["location", "a@b"], "id": 2}""");

        assertThat(answer.path("error").toString()).isEqualTo("{\"code\":404,\"message\":\"AOR not found\"}");
    }

    @Test
    void malformedJsonIsAParseErrorWithANullId() {
        JsonNode answer = answer("{\"jsonrpc\": \"2.0\", \"method\": ");

        assertThat(answer.path("error").path("code").asInt()).isEqualTo(-32700);
        assertThat(answer.get("id").isNull()).isTrue();
    }

    @Test
    void aRequestThatIsNotJsonRpc2IsAnInvalidRequest() {
        for (String request : List.of("{\"method\": \"uptime\", \"id\": 1}", "[]",
                "{\"jsonrpc\": \"2.0\", \"method\": 5, \"id\": 1}",
                "{\"jsonrpc\": \"2.0\", \"method\": \"uptime\", \"params\": \"x\", \"id\": 1}")) {
            assertThat(answer(request).path("error").path("code").asInt()).as(request).isEqualTo(-32600);
        }
    }

    @Test
    void aNotificationRunsWithoutAnAnswer() {
        assertThat(rpc.answer("{\"jsonrpc\": \"2.0\", \"method\": \"uptime\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void aFailingCommandIsAServerErrorThatHidesTheException() {
        JsonNode error = answer("{\"jsonrpc\": \"2.0\", \"method\": \"broken\", \"id\": 1}").path("error");

        assertThat(error.path("code").asInt()).isEqualTo(-32000);
        assertThat(error.path("message").asText()).isEqualTo("Server error");
        assertThat(error.toString()).doesNotContain("a bug").contains("reference");
    }

    @Test
    void whichListsTheCommandsInAlphabeticalOrder() {
        assertThat(rpc.commandNames()).containsExactly("broken", "dp_translate", "ul_show_contact", "uptime");
    }
}
