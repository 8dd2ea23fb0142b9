package app.rapport.notifications.rest;

import app.rapport.notifications.service.InAppInbox;
import app.rapport.notifications.service.InboxStream;
import app.rapport.platform.input.Paging;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Each signed-in person's own in-app notifications; nobody can read anyone else's. */
@Path("/api/v1/notifications/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Inbox", description = "The caller's in-app notifications and their live stream")
public class InboxResource {

    @Inject
    Caller caller;

    @Inject
    InAppInbox inbox;

    @Inject
    InboxStream stream;

    @Inject
    ObjectMapper json;

    @GET
    @Operation(operationId = "listInbox", summary = "My notifications, newest first, with the unread count; archived=true lists the archive")
    public InboxPage list(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(value = Paging.LAST_PAGE, message = Paging.LAST_PAGE_MESSAGE) int page,
                          @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size,
                          @QueryParam("archived") @DefaultValue("false") boolean archived) {
        String me = caller.userId();
        return new InboxPage(inbox.page(me, archived, page, size).stream().map(NotificationView::of).toList(),
                inbox.unread(me), page, size, inbox.total(me, archived));
    }

    @POST
    @Path("/{notificationId}/read")
    @Operation(summary = "Mark one of my notifications read")
    public NotificationView markRead(@PathParam("notificationId") UUID notificationId) {
        return inbox.markRead(caller.userId(), notificationId).map(NotificationView::of)
                .orElseThrow(() -> ProblemException.notFound("Notification " + notificationId));
    }

    @POST
    @Path("/{notificationId}/archive")
    @Operation(summary = "Archive one of my notifications (it leaves the inbox and counts as read)")
    public NotificationView archive(@PathParam("notificationId") UUID notificationId) {
        return inbox.archive(caller.userId(), notificationId).map(NotificationView::of)
                .orElseThrow(() -> ProblemException.notFound("Notification " + notificationId));
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Blocking
    @Operation(summary = "My new notifications as server-sent events (event id = streamId); "
            + "Last-Event-ID or ?after= replays what came after that position first")
    public Multi<OutboundSseEvent> live(@HeaderParam("Last-Event-ID") String lastEventId,
                                        @QueryParam("after") String after, @Context Sse sse) {
        String me = caller.userId();
        long from = position("Last-Event-ID", lastEventId)
                .orElseGet(() -> position("after", after).orElseGet(() -> stream.now(me)));
        return stream.follow(me, from).map(notification -> sse.newEventBuilder()
                .id(Long.toString(notification.seq))
                .name("notification")
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, write(NotificationView.of(notification)))
                .build());
    }

    private static java.util.Optional<Long> position(String field, String value) {
        if (value == null || value.isBlank()) {
            return java.util.Optional.empty();
        }
        try {
            long position = Long.parseLong(value.strip());
            if (position < 0) {
                throw ProblemException.invalidField(field, "must be a stream position (0 or more)");
            }
            return java.util.Optional.of(position);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be a stream position (0 or more)");
        }
    }

    private String write(NotificationView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Notification could not be written", e);
        }
    }
}
