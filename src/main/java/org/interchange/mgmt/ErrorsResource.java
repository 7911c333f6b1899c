package org.interchange.mgmt;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.interchange.container.RecentErrors;

/**
 * {@code /api/errors}: the router's latest warnings and errors, oldest first (the log's WARN and ERROR lines, kept
 * in memory by {@link RecentErrors}), for the console's dashboard.
 */
@Path("/errors")
@Tag(name = "errors", description = "The latest warnings and errors of the router's log")
@Produces(MediaType.APPLICATION_JSON)
public class ErrorsResource {

    /** One warning or error as the API shows it; {@code time} in ISO 8601, {@code thrown} the exception, if any. */
    public record ErrorView(String time, String level, String logger, String thread, String message,
                            @Schema(nullable = true) String thrown) {

        static ErrorView of(RecentErrors.Event event) {
            return new ErrorView(event.time().toString(), event.level(), event.logger(), event.thread(),
                    event.message(), event.thrown());
        }
    }

    @GET
    @Operation(summary = "The latest warnings and errors, oldest first")
    public List<ErrorView> list() {
        return RecentErrors.latest().stream().map(ErrorView::of).toList();
    }
}
