package org.interchange.listener;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.container.config.HostPort;
import org.interchange.container.config.SipListener;
import org.interchange.mi.spi.MiCommand;

/** The core's {@code list_sockets}: the listeners, with their advertised addresses and our names for them. */
@Dependent
public class ListenerCommands {

    @Produces
    MiCommand listSockets(Listeners listeners) {
        return MiCommand.of("list_sockets", MiCommand.noParameters(), params -> Map.of("Sockets",
                listeners.all().stream().map(ListenerCommands::socket).toList()));
    }

    private static Map<String, Object> socket(SipListener listener) {
        Map<String, Object> socket = new LinkedHashMap<>();
        HostPort bound = listener.bound();
        socket.put("Proto", listener.transport().token());
        socket.put("Address", bound.host());
        socket.put("Port", String.valueOf(listener.port()));
        listener.advertised().ifPresent(advertised -> socket.put("Advertised", advertised.toString()));
        socket.put("Name", listener.name());
        return socket;
    }
}
