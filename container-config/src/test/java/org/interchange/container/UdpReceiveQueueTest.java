package org.interchange.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import gov.nist.javax.sip.stack.DatagramQueuedMessageDispatch;
import org.junit.jupiter.api.Test;

/** Datagrams as the UDP receive thread offers them: received into a 64 KB buffer. */
class UdpReceiveQueueTest {

    private static final String OPTIONS = "OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:5070\r\n\r\n";

    private final AtomicInteger serverTransactions = new AtomicInteger();

    @Test
    void aQueuedDatagramKeepsOnlyItsOwnBytes() throws Exception {
        UdpReceiveQueue queue = queue(10, 100);

        assertThat(queue.offer(received(OPTIONS))).isTrue();

        DatagramPacket queued = queue.take().packet;
        assertThat(queued.getData()).hasSize(OPTIONS.length());
        assertThat(new String(queued.getData(), 0, queued.getLength(), StandardCharsets.US_ASCII)).isEqualTo(OPTIONS);
        assertThat(queued.getSocketAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 5070));
    }

    @Test
    void aStackThreadKnowsTheSourceOfTheDatagramItTookLast() throws Exception {
        UdpReceiveQueue queue = queue(10, 100);
        DatagramPacket buffer = new DatagramPacket(new byte[64 * 1024], 64 * 1024);
        queue.offer(receivedInto(buffer, OPTIONS, 5070));
        queue.offer(receivedInto(buffer, OPTIONS, 5071));

        queue.take();
        assertThat(UdpReceiveQueue.processing()).map(DatagramPacket::getPort).contains(5070);
        queue.poll(1, TimeUnit.SECONDS);
        assertThat(UdpReceiveQueue.processing()).map(DatagramPacket::getPort).contains(5071);
        AtomicReference<Optional<DatagramPacket>> elsewhere = new AtomicReference<>();
        Thread other = new Thread(() -> elsewhere.set(UdpReceiveQueue.processing()));
        other.start();
        other.join(10_000);
        assertThat(elsewhere.get()).as("on a thread that took nothing").isEmpty();
        queue.poll(0, TimeUnit.SECONDS);
        assertThat(UdpReceiveQueue.processing()).as("nothing taken: nothing in process").isEmpty();
    }

    @Test
    void datagramsReceivedIntoOneBufferStayApart() throws Exception {
        UdpReceiveQueue queue = queue(10, 100);
        DatagramPacket buffer = new DatagramPacket(new byte[64 * 1024], 64 * 1024);

        queue.offer(receivedInto(buffer, OPTIONS, 5070));
        queue.offer(receivedInto(buffer, "SIP/2.0 200 OK\r\n\r\n", 5071));

        DatagramPacket first = queue.take().packet;
        DatagramPacket second = queue.take().packet;
        assertThat(new String(first.getData(), StandardCharsets.US_ASCII)).isEqualTo(OPTIONS);
        assertThat(first.getPort()).isEqualTo(5070);
        assertThat(new String(second.getData(), StandardCharsets.US_ASCII)).isEqualTo("SIP/2.0 200 OK\r\n\r\n");
        assertThat(second.getPort()).isEqualTo(5071);
    }

    @Test
    void aFullQueueDropsWhatArrivesAndCountsIt() {
        UdpReceiveQueue queue = queue(2, 100);
        long shedBefore = StackState.shedDatagrams(StackState.Shed.QUEUE_FULL);

        assertThat(queue.offer(received(OPTIONS))).isTrue();
        assertThat(queue.offer(received("SIP/2.0 200 OK\r\n\r\n"))).isTrue();
        assertThat(queue.offer(received("ACK sip:b@127.0.0.1 SIP/2.0\r\n\r\n"))).isFalse();
        assertThat(queue).hasSize(2);
        assertThat(StackState.shedDatagrams(StackState.Shed.QUEUE_FULL) - shedBefore).isEqualTo(1);
    }

    @Test
    void withTheMostServerTransactionsOpenOnlyWhatFinishesWorkIsTaken() {
        UdpReceiveQueue queue = queue(10, 3);
        serverTransactions.set(3);
        long shedBefore = StackState.shedDatagrams(StackState.Shed.TRANSACTIONS_FULL);

        assertThat(queue.offer(received(OPTIONS))).isFalse();
        assertThat(queue.offer(received("INVITE sip:b@127.0.0.1 SIP/2.0\r\n\r\n"))).isFalse();
        assertThat(queue.offer(received("SIP/2.0 180 Ringing\r\n\r\n"))).isTrue();
        assertThat(queue.offer(received("ACK sip:b@127.0.0.1 SIP/2.0\r\n\r\n"))).isTrue();
        assertThat(queue.offer(received("BYE sip:b@127.0.0.1 SIP/2.0\r\n\r\n"))).isTrue();
        assertThat(queue.offer(received("CANCEL sip:b@127.0.0.1 SIP/2.0\r\n\r\n"))).isTrue();
        assertThat(queue.offer(received("PRACK sip:b@127.0.0.1 SIP/2.0\r\n\r\n"))).isTrue();

        assertThat(StackState.shedDatagrams(StackState.Shed.TRANSACTIONS_FULL) - shedBefore).isEqualTo(2);

        serverTransactions.set(2);
        assertThat(queue.offer(received(OPTIONS))).isTrue();
    }

    private UdpReceiveQueue queue(int capacity, int maxServerTransactions) {
        return new UdpReceiveQueue("udp:127.0.0.1:5060", capacity, maxServerTransactions, serverTransactions::get);
    }

    private static DatagramQueuedMessageDispatch received(String text) {
        return receivedInto(new DatagramPacket(new byte[64 * 1024], 64 * 1024), text, 5070);
    }

    /** As the receive thread does: the datagram's bytes into the start of the buffer, its length and sender set. */
    private static DatagramQueuedMessageDispatch receivedInto(DatagramPacket buffer, String text, int fromPort) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, buffer.getData(), 0, bytes.length);
        buffer.setLength(bytes.length);
        buffer.setSocketAddress(new InetSocketAddress("127.0.0.1", fromPort));
        return new DatagramQueuedMessageDispatch(buffer, System.currentTimeMillis());
    }
}
