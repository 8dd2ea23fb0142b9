package app.rapport.notifications.service;

import app.rapport.notifications.domain.GroupPreference;
import app.rapport.notifications.domain.Recipient;
import app.rapport.notifications.routing.EventGroup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** Each person's choices, with the defaults for anyone who has not made any: in-app, at once, no email. */
@ApplicationScoped
public class RecipientPreferences {

    /** What one person wants for one event group. */
    public record Choice(boolean inApp, boolean email, boolean digest) {
        public static final Choice DEFAULT = new Choice(true, false, false);
    }

    public Choice choice(String userId, EventGroup group) {
        GroupPreference.Key key = new GroupPreference.Key();
        key.userId = userId;
        key.eventGroup = group.wire();
        return GroupPreference.<GroupPreference>findByIdOptional(key)
                .map(p -> new Choice(p.inApp, p.email, p.digest))
                .orElse(Choice.DEFAULT);
    }

    public Optional<Recipient> recipient(String userId) {
        return Recipient.findByIdOptional(userId);
    }

    public Optional<String> language(String userId) {
        return recipient(userId).map(r -> r.language);
    }
}
