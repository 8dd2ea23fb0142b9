package app.rapport.alliance.rest;

import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.service.FeedbackLinks;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opening and answering one-time feedback links: clients, no account. */
@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback links", description = "One-time links a client rates a session through, without an account")
public class FeedbackLinkResource {

    private static final Set<String> RIGHT_TO_LEFT = Set.of("ur", "ar", "fa", "he", "ps", "sd", "yi");

    public record Anchor(int value, String label) {
    }

    public record FormItem(String linkId, String text) {
    }

    /** What the phone renders; {@code direction} is {@code rtl} for right-to-left languages such as Urdu. */
    public record FormView(String measureId, String title, String language, String direction, int min, int max,
                           List<Anchor> anchors, List<FormItem> items, Instant expiresAt) {
    }

    public record Answers(@NotEmpty @Size(max = 100) Map<@NotBlank String, @NotNull Integer> answers) {
    }

    public record Received(String message) {
    }

    @Inject
    FeedbackLinks links;

    @GET
    @Path("/{token}")
    @PermitAll
    @Operation(summary = "Open a feedback link", description = "No account needed. 404 for an unknown or altered link, "
            + "410 when it was used or has expired.")
    @APIResponse(responseCode = "200", description = "The form in the link's language",
            content = @Content(schema = @Schema(implementation = FormView.class)))
    @APIResponse(responseCode = "410", description = "The link has been used or has expired")
    public FormView open(@PathParam("token") String token) {
        var form = links.open(token);
        MeasureDefinition m = form.measure();
        String lang = form.language();
        return new FormView(m.id(), m.title().in(lang).orElse(m.id()), lang, RIGHT_TO_LEFT.contains(lang) ? "rtl" : "ltr",
                m.scale().min(), m.scale().max(),
                m.scale().anchors().entrySet().stream().map(a -> new Anchor(a.getKey(), a.getValue().in(lang).orElse("")))
                        .sorted(java.util.Comparator.comparingInt(Anchor::value)).toList(),
                m.items().stream().map(i -> new FormItem(i.linkId(), i.text().in(lang).orElse(""))).toList(),
                form.expiresAt());
    }

    @POST
    @Path("/{token}")
    @PermitAll
    @Operation(summary = "Answer a feedback link", description = "Once. A second, late or altered submission is refused.")
    @APIResponse(responseCode = "201", description = "Received",
            content = @Content(schema = @Schema(implementation = Received.class)))
    @APIResponse(responseCode = "410", description = "The link has been used or has expired")
    public Response submit(@PathParam("token") String token, @Valid @NotNull Answers body) {
        var recorded = links.submit(token, body.answers());
        return Response.status(201).entity(new Received(THANKS.getOrDefault(recorded.response().language, THANKS.get("en"))))
                .build();
    }

    private static final Map<String, String> THANKS = Map.of(
            "en", "Thank you. Your answers have been received.",
            "ur", "شکریہ۔ آپ کے جوابات موصول ہو گئے ہیں۔",
            "pl", "Dziękujemy. Twoje odpowiedzi zostały zapisane.");
}
