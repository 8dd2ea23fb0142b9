package app.rapport.notifications.rest;

import app.rapport.notifications.service.InAppInbox;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Each signed-in person's own in-app notifications; nobody can read anyone else's. */
@Path("/api/v1/notifications/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Inbox")
public class InboxResource {

    @Inject
    Caller caller;

    @Inject
    InAppInbox inbox;

    @GET
    @Operation(summary = "My notifications, newest first, with the unread count")
    public InboxPage list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        String me = caller.userId();
        return new InboxPage(inbox.page(me, page, size).stream().map(NotificationView::of).toList(),
                inbox.unread(me), page, size, inbox.total(me));
    }

    @POST
    @Path("/{notificationId}/read")
    @Operation(summary = "Mark one of my notifications read")
    public NotificationView markRead(@PathParam("notificationId") UUID notificationId) {
        return inbox.markRead(caller.userId(), notificationId).map(NotificationView::of)
                .orElseThrow(() -> ProblemException.notFound("Notification " + notificationId));
    }
}
