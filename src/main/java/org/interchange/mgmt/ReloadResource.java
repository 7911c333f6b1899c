package org.interchange.mgmt;

import java.util.List;
import java.util.Map;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.core.ReloadReport;
import org.interchange.core.SettingsReload;

/**
 * {@code POST /api/reload}: reads {@code interchange.properties} again and applies what changes without a restart;
 * 400 naming file, line and problem when the file cannot be used (then nothing changed).
 */
@Path("/reload")
@Tag(name = "reload", description = "Apply interchange.properties again without a restart")
@Produces(MediaType.APPLICATION_JSON)
public class ReloadResource {

    /** What changed, with its values before and after, and the changed keys that wait for a restart. */
    public record ReloadView(Map<String, ReloadReport.Change> changed,
                             @JsonProperty("restart_needed") List<String> restartNeeded) {

        static ReloadView of(ReloadReport report) {
            return new ReloadView(report.changed(), report.restartNeeded());
        }
    }

    private final SettingsReload reload;

    public ReloadResource(SettingsReload reload) {
        this.reload = reload;
    }

    @POST
    @Operation(summary = "Validate and apply the settings file: what changed, and what waits for a restart")
    public ReloadView reload() {
        return ReloadView.of(reload.reload());
    }
}
