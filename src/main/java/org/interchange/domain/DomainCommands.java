package org.interchange.domain;

import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.mi.spi.MiCommand;

/** The domain module's MI commands: {@code domain_dump} and {@code domain_reload}. */
@Dependent
public class DomainCommands {

    /** The served domains, configured first, then the table's, each as {@code {"name": ...}}. */
    @Produces
    MiCommand domainDump(Domains domains) {
        return MiCommand.of("domain_dump", MiCommand.noParameters(), params -> Map.of("Domains",
                domains.served().stream().map(domain -> Map.of("name", domain)).toList()));
    }

    /** Reads the domain table again. */
    @Produces
    MiCommand domainReload(Domains domains) {
        return MiCommand.of("domain_reload", MiCommand.noParameters(), params -> {
            domains.reload();
            return "OK";
        });
    }

}
