package app.rapport.clients.rest;

import app.rapport.clients.access.ConsentLedger;
import app.rapport.clients.service.privacy.SubjectAccessExport;
import app.rapport.platform.security.Roles;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.UUID;

@Path("/api/v1/clients/{clientId}/export")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Privacy")
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
    public Response export(@PathParam("clientId") UUID clientId) {
        SubjectAccessExport.ExportDocument document = export.export(clientId);
        // The reference, not the name: the file name ends up in download folders and mail subjects.
        String filename = "rapport-subject-access-" + document.clientReference() + "-"
                + LocalDate.ofInstant(document.generatedAt(), ConsentLedger.UK) + ".json";
        return Response.ok(document)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
