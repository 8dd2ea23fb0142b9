package app.rapport.notifications.rest;

import java.util.List;
import java.util.Map;

/**
 * A person's notification settings as sent to {@code PUT /api/v1/notifications/preferences}. Values are
 * read as text and checked by {@link app.rapport.notifications.service.PreferenceSettings}, so each
 * mistake is reported against its own field.
 *
 * @param email where email notifications go; defaults to the address in the caller's token
 * @param language BCP 47 tag, e.g. {@code en-GB}, {@code cy}
 * @param quietHours non-urgent email waits until the end of this window (Europe/London)
 * @param groups per event group: channels ({@code in-app}, {@code email}) and delivery ({@code immediate}, {@code daily-digest})
 */
public record PreferencesRequest(String email, String language, QuietHours quietHours, Map<String, Group> groups) {

    public record QuietHours(String start, String end) {
    }

    public record Group(List<String> channels, String delivery) {
    }
}
