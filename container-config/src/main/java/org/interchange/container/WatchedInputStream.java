package org.interchange.container;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.function.LongSupplier;

import org.interchange.container.ConnectionGuard.Closure;

/**
 * The input of an accepted TCP or TLS connection, read by its JAIN-SIP reader thread, which ends the connection
 * (a {@link SocketTimeoutException} the thread takes for the peer's end) when
 * <ul>
 * <li>no byte went either way for the idle timeout: writes count through {@link #wrote()}, so that a caller
 * waiting for its INVITE's answer keeps its connection; or</li>
 * <li>a message started ({@link MessageFraming}) is not complete within the read timeout, however steadily its
 * bytes trickle in (slowloris).</li>
 * </ul>
 * It needs no timer thread: each read waits at most until the nearer of the two deadlines, through the socket's
 * {@code SO_TIMEOUT}.
 */
final class WatchedInputStream extends FilterInputStream {

    private final Socket socket;
    private final ConnectionGuard guard;
    private final long idleMillis;
    private final long readMillis;
    private final LongSupplier clock;
    private final MessageFraming framing = new MessageFraming();
    private volatile long lastActivity;
    private volatile boolean ended;
    private long messageDeadline;

    WatchedInputStream(InputStream in, Socket socket, ConnectionGuard guard, LongSupplier clock) {
        super(in);
        this.socket = socket;
        this.guard = guard;
        this.idleMillis = guard.limits().idleTimeout().toMillis();
        this.readMillis = guard.limits().readTimeout().toMillis();
        this.clock = clock;
        this.lastActivity = clock.getAsLong();
    }

    /** Whether the connection has ended: the peer closed it, it failed, or it timed out here. */
    boolean ended() {
        return ended;
    }

    /** Something was written on the connection: it is not idle. */
    void wrote() {
        lastActivity = clock.getAsLong();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        while (true) {
            long now = clock.getAsLong();
            long idleLeft = lastActivity + idleMillis - now;
            long messageLeft = framing.inMessage() ? messageDeadline - now : Long.MAX_VALUE;
            if (messageLeft <= 0) {
                throw timedOut(Closure.SLOW_MESSAGE, "no complete message within " + readMillis + " ms");
            }
            if (idleLeft <= 0) {
                throw timedOut(Closure.IDLE, "idle for " + idleMillis + " ms");
            }
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.min(idleLeft, messageLeft))));
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (SocketTimeoutException waitedEnough) {
                continue; // which deadline passed, or whether a write moved the idle one, is decided above
            } catch (IOException failed) {
                ended = true;
                throw failed;
            }
            if (n < 0) {
                ended = true;
            } else if (n > 0) {
                long startedBefore = framing.messagesStarted();
                framing.consume(buffer, offset, n);
                lastActivity = clock.getAsLong();
                if (framing.messagesStarted() != startedBefore) {
                    messageDeadline = now + readMillis;
                }
            }
            return n;
        }
    }

    private SocketTimeoutException timedOut(Closure closure, String why) {
        ended = true;
        guard.closed(closure);
        return new SocketTimeoutException(why);
    }
}
