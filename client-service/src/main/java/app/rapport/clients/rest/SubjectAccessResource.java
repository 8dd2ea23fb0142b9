package app.rapport.clients.rest;

import app.rapport.clients.access.ConsentLedger;
import app.rapport.clients.service.privacy.SubjectAccessExport;
import app.rapport.platform.security.Roles;
import app.rapport.platform.time.CareDays;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/clients/{clientId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy", description = "The subject-access export and the audit of who read or changed a client's data")
@SecurityRequirement(name = "jwt")
public class SubjectAccessResource {

    @Inject
    SubjectAccessExport export;

    @GET
    @RolesAllowed({Roles.CASE_MANAGER, Roles.TEAM_LEAD, Roles.ORG_ADMIN})
    @Operation(summary = "Subject-access export",
            description = "Everything Rapport holds about the client as one JSON attachment: client-service's sections and "
                    + "every other service's part (asked with the caller's token). Complete, or 503 peer-unavailable naming "
                    + "the service that could not answer. Audit-logged. Publishes rapport.client.subject-access-requested.v1 "
                    + "once the export is made.")
    @APIResponse(responseCode = "200", description = "The export, as an attachment",
            headers = {@Header(name = "Content-Disposition", ref = "Content-Disposition")},
            content = @Content(schema = @Schema(implementation = SubjectAccessExport.ExportDocument.class)))
    @APIResponse(responseCode = "503", description = "Another service could not give its part (peer-unavailable names it); nothing was exported")
    public Response export(@PathParam("clientId") UUID clientId) {
        SubjectAccessExport.ExportDocument document = export.export(clientId);
        // The reference, not the name: the file name ends up in download folders and mail subjects.
        String filename = "rapport-subject-access-" + document.clientReference() + "-"
                + CareDays.dayOf(document.generatedAt()) + ".json";
        return Response.ok(document)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
