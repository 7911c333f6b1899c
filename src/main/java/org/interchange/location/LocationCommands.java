package org.interchange.location;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.core.sip.Aor;
import org.interchange.core.sip.Endpoint;
import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;
import org.interchange.mi.spi.MiParams;

/**
 * usrloc's MI commands over the contact store: {@code ul_dump}, {@code ul_show_contact}, {@code ul_rm},
 * {@code ul_rm_contact}. There is one table, {@code location}; an address-of-record is {@code user@domain}, as
 * OpenSIPS's with {@code use_domain} set.
 */
@Dependent
public class LocationCommands {

    static final String TABLE = "location";

    @Produces
    MiCommand ulDump(Location location, Clock clock) {
        return MiCommand.of("ul_dump", List.of(List.of(), List.of("brief")), params -> {
            boolean brief = params.has("brief") && params.number("brief") != 0;
            Instant now = clock.instant();
            List<Map<String, Object>> aors = location.list().entrySet().stream()
                    .map(entry -> brief ? Map.<String, Object>of("AOR", entry.getKey().toString())
                            : aor(entry.getKey(), entry.getValue(), now)).toList();
            Map<String, Object> table = new LinkedHashMap<>();
            table.put("name", TABLE);
            table.put("AORs", aors);
            return Map.of("Domains", List.of(table));
        });
    }

    @Produces
    MiCommand ulShowContact(Location location, Clock clock) {
        return MiCommand.of("ul_show_contact", List.of(List.of("table_name", "aor")), params -> {
            return aor(aor(params), bindingsOf(location, params), clock.instant());
        });
    }

    @Produces
    MiCommand ulRm(Location location) {
        return MiCommand.of("ul_rm", List.of(List.of("table_name", "aor")), params -> {
            checkTable(params);
            location.remove(aor(params)); // an AOR without bindings is removed already: "OK", as OpenSIPS answers
            return "OK";
        });
    }

    @Produces
    MiCommand ulRmContact(Location location) {
        return MiCommand.of("ul_rm_contact", List.of(List.of("table_name", "aor", "contact")), params -> {
            bindingsOf(location, params);
            String contact = params.text("contact");
            boolean[] found = {false};
            location.update(aor(params), current -> current.stream().filter(binding -> {
                boolean match = binding.contact().equals(contact);
                found[0] |= match;
                return !match;
            }).toList());
            if (!found[0]) {
                throw new MiError(404, "Contact not found");
            }
            return "OK";
        });
    }

    /** The bindings of the call's {@code aor} in its {@code table_name}; 404 as OpenSIPS's when there is none. */
    private static List<Binding> bindingsOf(Location location, MiParams params) {
        checkTable(params);
        List<Binding> bindings = location.lookup(aor(params));
        if (bindings.isEmpty()) {
            throw new MiError(404, "AOR not found");
        }
        return bindings;
    }

    private static void checkTable(MiParams params) {
        if (!TABLE.equals(params.text("table_name"))) {
            throw new MiError(404, "Table not found");
        }
    }

    private static Aor aor(MiParams params) {
        String aor = params.text("aor");
        if (aor.indexOf('@') < 0) {
            throw new MiError(400, "Domain missing in AOR");
        }
        try {
            return Aor.parse(aor);
        } catch (IllegalArgumentException e) {
            throw MiError.invalidParams("Bad AOR: " + e.getMessage());
        }
    }

    /** An address-of-record with its bindings, as usrloc prints one: {@code {"AOR", "Contacts": [...]}}. */
    private static Map<String, Object> aor(Aor aor, List<Binding> bindings, Instant now) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("AOR", aor.toString());
        node.put("Contacts", bindings.stream().map(binding -> contact(binding, now)).toList());
        return node;
    }

    /** A binding with usrloc's field names. */
    private static Map<String, Object> contact(Binding binding, Instant now) {
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("Contact", binding.contact());
        contact.put("ContactID", Long.toString(binding.id())); // a string in usrloc's dump, as OpenSIPS prints it
        contact.put("Expires", binding.secondsLeftAt(now));
        contact.put("Q", String.format(Locale.ROOT, "%.3f", binding.q()).replaceAll("\\.?0+$", ""));
        contact.put("Callid", binding.callId());
        contact.put("Cseq", binding.cseq());
        contact.put("User-agent", binding.userAgent());
        binding.received().ifPresent(received -> contact.put("Received", "sip:" + received.uriHost() + ":"
                + received.port()));
        if (!binding.path().isEmpty()) {
            contact.put("Path", String.join(",", binding.path()));
        }
        binding.socket().map(Endpoint::toString).ifPresent(socket -> contact.put("Socket", socket));
        contact.put("Last-Modified", binding.lastModified().getEpochSecond());
        return contact;
    }
}
