package app.rapport.notifications.rest;

import java.util.List;
import java.util.Map;

/** A person's settings with the defaults filled in for every event group. */
public record PreferencesView(String email, String language, PreferencesRequest.QuietHours quietHours,
                              Map<String, Group> groups) {

    public record Group(List<String> channels, String delivery) {
    }
}
