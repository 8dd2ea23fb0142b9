package app.rapport.devkit.tokens;

import java.util.List;

/** A person in the demo organisation, with the claims the development issuer puts in their token. */
public record DemoUser(String username, String userId, String name, String email, List<String> roles,
                       String organisationId, List<String> teamIds) {
}
