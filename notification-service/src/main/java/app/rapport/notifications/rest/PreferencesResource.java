package app.rapport.notifications.rest;

import app.rapport.notifications.service.PreferenceSettings;
import app.rapport.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Each person's own notification settings. */
@Path("/api/v1/notifications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Preferences", description = "How and when the caller hears about each group of events")
public class PreferencesResource {

    @Inject
    Caller caller;

    @Inject
    JsonWebToken token;

    @Inject
    PreferenceSettings settings;

    @GET
    @Operation(summary = "My notification settings, defaults filled in")
    public PreferencesView mine() {
        return settings.of(caller.userId());
    }

    @PUT
    @Operation(summary = "Replace my notification settings (groups left out get the defaults)")
    public PreferencesView replace(PreferencesRequest request) {
        Object email = token.getClaim("email");
        String tokenEmail = email == null ? null : email.toString().replace("\"", "");
        return settings.replace(caller.userId(), tokenEmail, request);
    }
}
