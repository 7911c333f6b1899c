package org.interchange.mi;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.enterprise.context.Dependent;
import javax.enterprise.inject.Produces;

import org.interchange.container.config.InvalidConfigurationException;
import org.interchange.core.ReloadReport;
import org.interchange.core.RouterInfo;
import org.interchange.core.SettingsReload;
import org.interchange.mi.spi.MiCommand;
import org.interchange.mi.spi.MiError;

/**
 * The MI commands of the router as a whole, OpenSIPS's core commands: {@code uptime}, {@code version},
 * {@code which}, and Interchange's {@code reload} (OpenSIPS has no such command: each module reloads its tables).
 */
@Dependent
public class CoreCommands {

    /** As C's {@code ctime}, which OpenSIPS's {@code uptime} answers with: {@code Mon Dec  7 01:47:32 2026}. */
    static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT);

    @Produces
    MiCommand uptime(RouterInfo router) {
        return MiCommand.of("uptime", MiCommand.noParameters(), params -> {
            Map<String, Object> result = new LinkedHashMap<>();
            ZoneId zone = ZoneId.systemDefault();
            ZonedDateTime started = router.started().atZone(zone);
            result.put("Now", CTIME.format(started.plus(router.uptime())));
            result.put("Up since", CTIME.format(started));
            result.put("Up time", router.uptime().toSeconds() + " [sec]");
            return result;
        });
    }

    @Produces
    MiCommand version(RouterInfo router) {
        return MiCommand.of("version", MiCommand.noParameters(), params -> Map.of("Server", "Interchange ("
                + router.version() + " (" + System.getProperty("os.arch") + "/"
                + System.getProperty("os.name").toLowerCase(Locale.ROOT) + "))"));
    }

    /**
     * Without parameters, every command's name; with {@code command}, that command's parameter sets, or the names
     * that start with it when it ends with {@code :} (a module's prefix), as OpenSIPS's.
     */
    @Produces
    MiCommand which(JsonRpc rpc) {
        return MiCommand.of("which", List.of(List.of(), List.of("command")), params -> {
            if (!params.has("command")) {
                return rpc.commandNames();
            }
            String command = params.text("command");
            if (command.endsWith(":")) {
                List<String> named = rpc.commandNames().stream().filter(name -> name.startsWith(command)).toList();
                if (!named.isEmpty()) {
                    return named;
                }
            }
            return rpc.parameterSets(command).orElseThrow(() -> new MiError(404, "unknown MI command"));
        });
    }

    @Produces
    MiCommand reload(SettingsReload reload) {
        return MiCommand.of("reload", MiCommand.noParameters(), params -> {
            try {
                ReloadReport report = reload.reload();
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("changed", report.changed());
                result.put("restart_needed", report.restartNeeded());
                return result;
            } catch (InvalidConfigurationException e) {
                throw new MiError(400, "Invalid configuration", e.getMessage());
            }
        });
    }
}
