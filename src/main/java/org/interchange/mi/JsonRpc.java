package org.interchange.mi;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import javax.annotation.PostConstruct;
import javax.enterprise.context.ApplicationScoped;
import javax.enterprise.inject.Instance;
import javax.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.interchange.core.persistence.DatabaseUnavailableException;
import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;
import org.interchange.mi.spi.MiParams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management interface's protocol, JSON-RPC 2.0 as OpenSIPS's {@code mi_http} speaks it: one request object
 * ({@code {"jsonrpc": "2.0", "method": "ul_dump", "params": {...} or [...], "id": 1}}) in, one response object out,
 * {@code result} or {@code error} ({@code -32700} parse error, {@code -32600} invalid request, {@code -32601} method
 * not found, {@code -32602} invalid params, {@code -32000} server error (a command that failed inside), or the
 * command's own code). A request without {@code id} (a notification) runs and gets no response. Batches are refused,
 * as OpenSIPS refuses them. Thread-safe.
 */
@ApplicationScoped
public class JsonRpc {

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;

    private static final Logger log = LoggerFactory.getLogger(JsonRpc.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private Instance<MiCommand> beans;
    private Map<String, MiCommand> commands;

    protected JsonRpc() {
        // for CDI's proxy
    }

    @Inject
    public JsonRpc(Instance<MiCommand> beans) {
        this.beans = beans;
    }

    JsonRpc(List<MiCommand> commands) {
        this.commands = byName(commands);
    }

    @PostConstruct
    void collect() {
        List<MiCommand> all = new ArrayList<>();
        beans.forEach(all::add);
        commands = byName(all);
        log.info("MI commands: {}", commands.keySet());
    }

    private static Map<String, MiCommand> byName(List<MiCommand> all) {
        Map<String, MiCommand> named = new TreeMap<>();
        for (MiCommand command : all) {
            MiCommand earlier = named.put(command.name(), command);
            if (earlier != null) {
                throw new IllegalStateException("two MI commands are named " + command.name() + ": " + earlier
                        + " and " + command);
            }
        }
        return Collections.unmodifiableMap(named);
    }

    /** The names of the commands, in alphabetical order ({@code which}). */
    public List<String> commandNames() {
        return List.copyOf(commands.keySet());
    }

    /** A command's parameter sets, each a list of names ({@code which} with a command); empty for no such command. */
    public Optional<List<List<String>>> parameterSets(String command) {
        return Optional.ofNullable(commands.get(command)).map(MiCommand::parameterSets);
    }

    /**
     * Answers one request body.
     *
     * @return the response body, or empty for a notification
     */
    public Optional<String> answer(byte[] body) {
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (IOException e) {
            return Optional.of(error(NullNode.getInstance(), PARSE_ERROR, "Parse error", null));
        }
        if (request == null || !request.isObject()) {
            return Optional.of(error(NullNode.getInstance(), INVALID_REQUEST, "Invalid Request",
                    request != null && request.isArray() ? "batch requests are not supported" : null));
        }
        JsonNode id = request.path("id");
        JsonNode idOrNull = id.isMissingNode() ? NullNode.getInstance() : id;
        JsonNode method = request.path("method");
        JsonNode params = request.path("params");
        if (!"2.0".equals(request.path("jsonrpc").asText(null)) || !method.isTextual()
                || !(id.isMissingNode() || id.isTextual() || id.isNumber() || id.isNull())
                || !(params.isMissingNode() || params.isArray() || params.isObject())) {
            return Optional.of(error(idOrNull, INVALID_REQUEST, "Invalid Request", null));
        }
        String answer = run(idOrNull, method.asText(), params);
        return id.isMissingNode() ? Optional.empty() : Optional.of(answer);
    }

    private String run(JsonNode id, String method, JsonNode params) {
        MiCommand command = commands.get(method);
        if (command == null) {
            return error(id, METHOD_NOT_FOUND, "Method not found", null);
        }
        try {
            Object result = command.run(matched(command, params));
            ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
            response.set("result", JSON.valueToTree(result));
            response.set("id", id);
            return write(response);
        } catch (MiError e) {
            return error(id, e.code(), e.getMessage(), e.data());
        } catch (IllegalArgumentException e) {
            return error(id, MiError.INVALID_PARAMS, "Invalid params", e.getMessage());
        } catch (DatabaseUnavailableException e) {
            return error(id, 500, "Database unavailable", null);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            log.error("MI command {} failed (reference {})", method, reference, e);
            MiError failed = MiError.serverError("reference " + reference + " in the router's log");
            return error(id, failed.code(), failed.getMessage(), failed.data());
        }
    }

    /** The call's parameters named after the command's parameter set they match. */
    private static MiParams matched(MiCommand command, JsonNode params) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (params.isObject()) {
            Set<String> given = new HashSet<>();
            params.fieldNames().forEachRemaining(given::add);
            if (command.parameterSets().stream().noneMatch(set -> Set.copyOf(set).equals(given))) {
                throw MiError.invalidParams(expected(command));
            }
            params.fields().forEachRemaining(field -> values.put(field.getKey(), value(field.getValue())));
        } else {
            int count = params.isArray() ? params.size() : 0;
            List<String> names = command.parameterSets().stream().filter(set -> set.size() == count).findFirst()
                    .orElseThrow(() -> MiError.invalidParams(expected(command)));
            Iterator<JsonNode> items = params.elements();
            for (String name : names) {
                values.put(name, value(items.next()));
            }
        }
        return new MiParams(values);
    }

    /**
     * A string or number as such, an array of them as a list of texts; anything else stays a JSON node, which
     * {@link MiParams} calls a bad type.
     */
    private static Object value(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isArray()) {
            List<String> texts = new ArrayList<>(node.size());
            for (JsonNode item : node) {
                if (!item.isTextual() && !item.isNumber()) {
                    return node;
                }
                texts.add(item.asText());
            }
            return texts;
        }
        return node.isNumber() ? node.numberValue() : node;
    }

    private static String expected(MiCommand command) {
        return "expected " + String.join(" or ", command.parameterSets().stream()
                .map(set -> set.isEmpty() ? "no parameters" : String.join(", ", set)).toList());
    }

    private static String error(JsonNode id, int code, String message, String data) {
        ObjectNode response = JSON.createObjectNode().put("jsonrpc", "2.0");
        ObjectNode error = response.putObject("error").put("code", code).put("message", message);
        if (data != null) {
            error.put("data", data);
        }
        response.set("id", id);
        return write(response);
    }

    private static String write(JsonNode response) {
        try {
            return JSON.writeValueAsString(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }
}
