package app.rapport.platform.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** The authenticated professional or system behind the current request, read from its verified token. */
@RequestScoped
public class Caller {

    @Inject
    JsonWebToken token;

    public String userId() {
        return token.getSubject();
    }

    public String displayName() {
        return Optional.ofNullable(token.<Object>getClaim(Claims.NAME)).map(Caller::text).orElse(userId());
    }

    /** The roles in the token's {@code groups} claim, sorted. */
    public java.util.List<String> roles() {
        return token.getGroups() == null ? java.util.List.of() : token.getGroups().stream().sorted().toList();
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    public Optional<String> organisationId() {
        return Optional.ofNullable(token.<Object>getClaim(Claims.ORGANISATION)).map(Caller::text);
    }

    public Set<String> teamIds() {
        Object claim = token.getClaim(Claims.TEAMS);
        Set<String> teams = new LinkedHashSet<>();
        if (claim instanceof JsonArray array) {
            array.forEach(value -> teams.add(text(value)));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(value -> teams.add(text(value)));
        } else if (claim != null) {
            teams.add(text(claim));
        }
        return teams;
    }

    private static String text(Object value) {
        return value instanceof JsonString json ? json.getString() : String.valueOf(value);
    }
}
