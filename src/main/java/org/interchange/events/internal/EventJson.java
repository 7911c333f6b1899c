package org.interchange.events.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.interchange.events.RouterEvent;

/** An event as JSON: {@code {"name", "time", "node", "params"}}. Thread-safe. */
public final class EventJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String node;

    public EventJson(String node) {
        this.node = node;
    }

    public byte[] encode(RouterEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", event.name());
        body.put("time", event.time().toString());
        body.put("node", node);
        body.put("params", event.params());
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.name() + " has a parameter JSON cannot hold", e);
        }
    }
}
