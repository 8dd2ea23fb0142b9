package app.rapport.notifications.rest;

import app.rapport.notifications.domain.WebhookDelivery;
import app.rapport.notifications.webhooks.WebhookSubscriptions;
import app.rapport.platform.input.Paging;
import app.rapport.platform.problem.ProblemException;
import app.rapport.platform.security.Caller;
import app.rapport.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Webhook subscriptions of the caller's organisation (its administrator or its case-management system). */
@Path("/api/v1/notifications/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ORG_ADMIN, Roles.SOLICITOR_SYSTEM})
@Tag(name = "Webhooks", description = "Signed webhook subscriptions for firms' systems, their deliveries and replays")
public class WebhookResource {

    private static final List<String> STATUSES = List.of("pending", "succeeded", "dead", "withheld");

    @Inject
    Caller caller;

    @Inject
    WebhookSubscriptions subscriptions;

    private String organisation() {
        return caller.organisationId().orElseThrow(() -> ProblemException.notFound("Organisation"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe an HTTPS endpoint to event types; the answer shows the signing secret once")
    @APIResponse(responseCode = "201", description = "Subscribed; the signing secret is shown only now",
            content = @Content(schema = @Schema(implementation = WebhookViews.Subscription.class)))
    public Response create(WebhookViews.NewSubscription request) {
        if (request == null) {
            throw ProblemException.invalidField("url", "is required");
        }
        var created = subscriptions.create(organisation(), caller.userId(), request.url(), request.eventTypes());
        return Response.status(201).entity(WebhookViews.Subscription.of(created, true)).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "My organisation's subscriptions")
    public List<WebhookViews.Subscription> list() {
        return subscriptions.list(organisation()).stream().map(s -> WebhookViews.Subscription.of(s, false)).toList();
    }

    @GET
    @Path("/event-types")
    @Operation(summary = "The event types a firm's system can subscribe to")
    public List<String> eventTypes() {
        return subscriptions.receivableTypes();
    }

    @GET
    @Path("/{id}")
    public WebhookViews.Subscription one(@PathParam("id") UUID id) {
        return WebhookViews.Subscription.of(subscriptions.own(organisation(), id), false);
    }

    @DELETE
    @Path("/{id}")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") UUID id) {
        subscriptions.delete(organisation(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "New signing secret; the old one keeps signing alongside it for the overlap (default PT24H)")
    public WebhookViews.Subscription rotate(@PathParam("id") UUID id, WebhookViews.Rotation rotation) {
        return WebhookViews.Subscription.of(subscriptions.rotate(organisation(), id,
                rotation == null ? null : rotation.overlap()), true);
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(summary = "Delivery log, newest first, each with its attempts")
    public List<WebhookViews.Delivery> deliveries(@PathParam("id") UUID id, @QueryParam("status") String status,
                                                  @QueryParam("page") @DefaultValue("0") @Min(0) @Max(value = Paging.LAST_PAGE, message = Paging.LAST_PAGE_MESSAGE) int page,
                                                  @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalidField("status", "must be one of " + STATUSES);
        }
        List<WebhookDelivery> found = subscriptions.deliveries(organisation(), id,
                status == null ? null : status.toUpperCase(Locale.ROOT), page, size);
        return found.stream().map(d -> WebhookViews.Delivery.of(d, subscriptions.attempts(d.id))).toList();
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Operation(summary = "Send a dead or delivered item again, with a fresh retry window")
    @APIResponse(responseCode = "202", description = "Queued for delivery again",
            content = @Content(schema = @Schema(implementation = WebhookViews.Delivery.class)))
    @APIResponse(responseCode = "409", description = "Pending or withheld deliveries cannot be replayed")
    public Response replay(@PathParam("id") UUID id, @PathParam("deliveryId") UUID deliveryId) {
        WebhookDelivery delivery = subscriptions.replay(organisation(), id, deliveryId);
        return Response.accepted(WebhookViews.Delivery.of(delivery, subscriptions.attempts(delivery.id))).build();
    }
}
