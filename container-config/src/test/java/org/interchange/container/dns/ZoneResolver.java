package org.interchange.container.dns;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;

/**
 * A resolver answering from records held in memory: NXDOMAIN for a name it has no record of, an empty answer for a
 * type the name lacks, and never any answer for a name made silent. Counts the questions asked.
 */
final class ZoneResolver implements Resolver {

    private final List<Record> records = new CopyOnWriteArrayList<>();
    private final Set<Name> silent = ConcurrentHashMap.newKeySet();
    final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile boolean fromAnotherThread;

    ZoneResolver with(Record... added) {
        records.addAll(List.of(added));
        return this;
    }

    /** Answers from another thread, as a resolver on the network does. */
    ZoneResolver answeringFromAnotherThread() {
        fromAnotherThread = true;
        return this;
    }

    ZoneResolver silent(Name name) {
        silent.add(name);
        return this;
    }

    /** How many times that question was sent. */
    long asked(Name name, int type) {
        return asked.stream().filter((name + " " + Type.string(type))::equals).count();
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query) {
        Record question = query.getQuestion();
        asked.add(question.getName() + " " + Type.string(question.getType()));
        if (silent.contains(question.getName())) {
            return new CompletableFuture<>();
        }
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        List<Record> ofName = new ArrayList<>();
        records.stream().filter(r -> r.getName().equals(question.getName())).forEach(ofName::add);
        if (ofName.isEmpty()) {
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        ofName.stream().filter(r -> r.getType() == question.getType()).forEach(r -> response.addRecord(r, Section.ANSWER));
        return fromAnotherThread ? CompletableFuture.supplyAsync(() -> response)
                : CompletableFuture.completedFuture(response);
    }

    @Override
    public CompletionStage<Message> sendAsync(Message query, Executor executor) {
        return sendAsync(query);
    }

    @Override
    public void setPort(int port) {
    }

    @Override
    public void setTCP(boolean flag) {
    }

    @Override
    public void setIgnoreTruncation(boolean flag) {
    }

    @Override
    public void setEDNS(int version, int payloadSize, int flags, List<EDNSOption> options) {
    }

    @Override
    public void setTSIGKey(TSIG key) {
    }

    @Override
    public void setTimeout(Duration timeout) {
    }
}
