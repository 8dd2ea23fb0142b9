package app.rapport.platform.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

import java.util.ArrayList;
import java.util.List;

/**
 * Names where the API is served: the public origin that routes every service's paths by prefix (the web client's
 * front door or the Ingress), not the address of the process that serves the document, which may be a management
 * port. Read when the service starts, so one build serves every deployment. The licence gets the SPDX form for one
 * that is not on SPDX's list, since the project grants none (see docs/api.md).
 */
@OpenApiFilter(OpenApiFilter.RunStage.RUNTIME_STARTUP)
public class ApiDeploymentFilter implements OASFilter {

    /** The same public base URL every absolute URL starts with ({@code PublicAddressConfig}). */
    static final String PUBLIC_URL = "rapport.public.base-url";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String url = ConfigProvider.getConfig().getOptionalValue(PUBLIC_URL, String.class).orElse("http://localhost:8080");
        String description = "The public origin: every service's paths are routed here by prefix";
        if (openAPI.getInfo() != null && openAPI.getInfo().getLicense() != null) {
            openAPI.getInfo().getLicense().setIdentifier("LicenseRef-Proprietary");
        }
        openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url(stripTrailingSlash(url)).description(description))));
    }

    private static String stripTrailingSlash(String url) {
        return url.length() > 1 && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
