package org.interchange.it.support.dns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A DNS server on a UDP socket of the test JVM, authoritative for what the test gives it: the records it holds
 * (NXDOMAIN for a name it has none of, an empty answer for a type the name lacks), and silence, never any answer,
 * for the names under a domain made silent, as a resolver that swallows queries. Counts the questions asked.
 */
public final class TestDnsServer implements AutoCloseable {

    /** The TTL of every record served: longer than any test. */
    public static final long TTL = 300;

    private final DatagramSocket socket;
    private final List<Record> records = new CopyOnWriteArrayList<>();
    private final Set<Name> silentDomains = ConcurrentHashMap.newKeySet();
    private final List<String> questions = new CopyOnWriteArrayList<>();
    private final Thread server;

    private TestDnsServer(DatagramSocket socket) {
        this.socket = socket;
        this.server = new Thread(this::serve, "test-dns-" + socket.getLocalPort());
        server.setDaemon(true);
        server.start();
    }

    /** A server answering on that address until it is closed. */
    public static TestDnsServer listen(InetSocketAddress address) {
        try {
            return new TestDnsServer(new DatagramSocket(address));
        } catch (SocketException e) {
            throw new UncheckedIOException("cannot listen on " + address, e);
        }
    }

    /** Serves these records too. */
    public TestDnsServer serve(Record... added) {
        records.addAll(List.of(added));
        return this;
    }

    /** Never answers for this name or any name under it. */
    public TestDnsServer silence(String domain) {
        silentDomains.add(name(domain));
        return this;
    }

    /** How many times a question was asked: a name and a type such as {@code NAPTR}. */
    public long asked(String name, String type) {
        return questions.stream().filter((name(name) + " " + type)::equals).count();
    }

    @Override
    public void close() {
        socket.close();
        try {
            server.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
                Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                Record question = query.getQuestion();
                questions.add(question.getName() + " " + Type.string(question.getType()));
                if (silentDomains.stream().noneMatch(question.getName()::subdomain)) {
                    byte[] answer = answer(query, question).toWire();
                    socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
                }
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    System.err.println("test DNS server: " + e); // a malformed query: the next one is served
                }
            }
        }
    }

    private Message answer(Message query, Record question) {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
            response.getHeader().setFlag(Flags.RA);
        }
        response.addRecord(question, Section.QUESTION);
        List<Record> ofName = records.stream().filter(r -> r.getName().equals(question.getName())).toList();
        if (ofName.isEmpty()) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        ofName.stream().filter(r -> r.getType() == question.getType() && r.getDClass() == DClass.IN)
                .forEach(r -> response.addRecord(r, Section.ANSWER));
        return response;
    }

    /** An absolute name: {@code example.test} is {@code example.test.}. */
    public static Name name(String text) {
        return Name.fromConstantString(text.endsWith(".") ? text : text + ".");
    }
}
