package org.interchange.tracing.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.interchange.container.config.IpAddresses;
import org.interchange.tracing.TracedMessage;

/** A row of the {@code sip_trace} table (OpenSIPS's siptrace module table). */
@Entity
@Table(name = "sip_trace")
public class SipTraceEntity {

    /** The longest message kept whole: MariaDB's TEXT holds 65,535 octets. */
    static final int MAX_MESSAGE = 65_535;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    Long id;

    @Column(name = "time_stamp", nullable = false)
    LocalDateTime timeStamp;

    @Column(name = "callid", nullable = false)
    String callId;

    @Column(name = "msg", nullable = false)
    String msg;

    @Column(name = "method", nullable = false)
    String method;

    @Column(name = "status")
    String status;

    @Column(name = "from_proto", nullable = false)
    String fromProto;

    @Column(name = "from_ip", nullable = false)
    String fromIp;

    @Column(name = "from_port", nullable = false)
    int fromPort;

    @Column(name = "to_proto", nullable = false)
    String toProto;

    @Column(name = "to_ip", nullable = false)
    String toIp;

    @Column(name = "to_port", nullable = false)
    int toPort;

    @Column(name = "fromtag", nullable = false)
    String fromTag;

    @Column(name = "direction", nullable = false)
    String direction;

    protected SipTraceEntity() {
        // for JPA
    }

    SipTraceEntity(TracedMessage message) {
        timeStamp = LocalDateTime.ofInstant(message.time(), ZoneOffset.UTC);
        callId = cut(message.callId(), 255);
        msg = fitting(message.text());
        method = cut(message.method(), 32);
        status = message.status() == 0 ? null : cut(message.status() + " " + message.reason(), 255);
        String transport = message.transport().toLowerCase(Locale.ROOT);
        fromProto = transport;
        fromIp = host(message.source().getAddress(), message.source().getHostString());
        fromPort = message.source().getPort();
        toProto = transport;
        toIp = host(message.destination().getAddress(), message.destination().getHostString());
        toPort = message.destination().getPort();
        fromTag = cut(message.fromTag(), 64);
        direction = message.direction();
    }

    /** The row as the message it holds. */
    TracedMessage message() {
        int space = status == null ? -1 : status.indexOf(' ');
        int code = status == null ? 0 : Integer.parseInt(space < 0 ? status : status.substring(0, space));
        String reason = space < 0 ? "" : status.substring(space + 1);
        return new TracedMessage(timeStamp.toInstant(ZoneOffset.UTC), "out".equals(direction),
                fromProto.toUpperCase(Locale.ROOT), socket(fromIp, fromPort), socket(toIp, toPort), method, code,
                reason, callId, fromTag, msg);
    }

    private static InetSocketAddress socket(String ip, int port) {
        return IpAddresses.parseLiteral(ip).map(address -> new InetSocketAddress(address, port))
                .orElseGet(() -> InetSocketAddress.createUnresolved(ip, port));
    }

    private static String host(InetAddress address, String name) {
        return cut(address == null ? name : IpAddresses.text(address), 50);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** The message, cut so that its UTF-8 form fits the column (SIP is mostly ASCII: one octet a character). */
    private static String fitting(String text) {
        String kept = cut(text, MAX_MESSAGE);
        while (kept.getBytes(StandardCharsets.UTF_8).length > MAX_MESSAGE) {
            kept = kept.substring(0, kept.length() - (kept.length() / 100 + 1));
        }
        return kept;
    }
}
