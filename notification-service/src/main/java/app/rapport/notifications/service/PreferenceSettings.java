package app.rapport.notifications.service;

import app.rapport.notifications.domain.GroupPreference;
import app.rapport.notifications.domain.Recipient;
import app.rapport.notifications.rest.PreferencesRequest;
import app.rapport.notifications.rest.PreferencesView;
import app.rapport.notifications.routing.EventGroup;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads and replaces a person's notification settings; every invalid field is named in one 400. */
@ApplicationScoped
public class PreferenceSettings {

    public static final String IN_APP = "in-app";
    public static final String EMAIL = "email";
    public static final String IMMEDIATE = "immediate";
    public static final String DAILY_DIGEST = "daily-digest";
    private static final List<String> CHANNELS = List.of(IN_APP, EMAIL);
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern TIME = Pattern.compile("^\\d{2}:\\d{2}$");

    public PreferencesView of(String userId) {
        Recipient recipient = Recipient.findById(userId);
        Map<String, PreferencesView.Group> groups = new LinkedHashMap<>();
        for (EventGroup group : EventGroup.values()) {
            GroupPreference.Key key = new GroupPreference.Key();
            key.userId = userId;
            key.eventGroup = group.wire();
            GroupPreference preference = GroupPreference.findById(key);
            RecipientPreferences.Choice choice = preference == null ? RecipientPreferences.Choice.DEFAULT
                    : new RecipientPreferences.Choice(preference.inApp, preference.email, preference.digest);
            List<String> channels = new ArrayList<>();
            if (choice.inApp()) {
                channels.add(IN_APP);
            }
            if (choice.email()) {
                channels.add(EMAIL);
            }
            groups.put(group.wire(), new PreferencesView.Group(channels, choice.digest() ? DAILY_DIGEST : IMMEDIATE));
        }
        if (recipient == null) {
            return new PreferencesView(null, null, null, groups);
        }
        PreferencesRequest.QuietHours quiet = recipient.quietStart == null ? null
                : new PreferencesRequest.QuietHours(recipient.quietStart.toString(), recipient.quietEnd.toString());
        return new PreferencesView(recipient.email, recipient.language, quiet, groups);
    }

    @Transactional
    public PreferencesView replace(String userId, String tokenEmail, PreferencesRequest request) {
        if (request == null) {
            throw new ProblemException(Problem.invalid("A body is required", List.of()));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        String email = request.email() != null ? request.email().strip() : tokenEmail;
        if (request.email() != null && (email.length() > 254 || !ADDRESS.matcher(email).matches())) {
            errors.add(new Problem.FieldError("email", "must be an email address like name@example.org"));
        }
        String language = null;
        if (request.language() != null) {
            try {
                Locale locale = new Locale.Builder().setLanguageTag(request.language().strip()).build();
                language = locale.getLanguage().isEmpty() ? null : locale.toLanguageTag();
            } catch (IllformedLocaleException e) {
                language = null;
            }
            if (language == null) {
                errors.add(new Problem.FieldError("language", "must be a language tag such as en-GB or cy"));
            }
        }
        LocalTime quietStart = null;
        LocalTime quietEnd = null;
        if (request.quietHours() != null) {
            quietStart = time(request.quietHours().start(), "quietHours.start", errors);
            quietEnd = time(request.quietHours().end(), "quietHours.end", errors);
            if (quietStart != null && quietStart.equals(quietEnd)) {
                errors.add(new Problem.FieldError("quietHours.end", "must differ from quietHours.start"));
            }
        }
        Map<EventGroup, RecipientPreferences.Choice> choices = new LinkedHashMap<>();
        if (request.groups() != null) {
            request.groups().forEach((name, group) -> {
                String field = "groups[" + name + "]";
                var known = EventGroup.find(name);
                if (known.isEmpty()) {
                    errors.add(new Problem.FieldError(field, "is not an event group (one of "
                            + String.join(", ", EventGroup.wireNames()) + ")"));
                    return;
                }
                if (group == null || group.channels() == null) {
                    errors.add(new Problem.FieldError(field + ".channels", "is required (an empty list turns the group off)"));
                    return;
                }
                for (int i = 0; i < group.channels().size(); i++) {
                    String channel = group.channels().get(i);
                    if ("webhook".equals(channel)) {
                        errors.add(new Problem.FieldError(field + ".channels[" + i + "]",
                                "webhooks are set up per organisation (webhook subscriptions), not per person"));
                    } else if (!CHANNELS.contains(channel)) {
                        errors.add(new Problem.FieldError(field + ".channels[" + i + "]", "must be one of " + CHANNELS));
                    }
                }
                String delivery = group.delivery() == null ? IMMEDIATE : group.delivery();
                if (!delivery.equals(IMMEDIATE) && !delivery.equals(DAILY_DIGEST)) {
                    errors.add(new Problem.FieldError(field + ".delivery", "must be immediate or daily-digest"));
                }
                boolean wantsEmail = group.channels().contains(EMAIL);
                if (delivery.equals(DAILY_DIGEST) && !wantsEmail) {
                    errors.add(new Problem.FieldError(field + ".delivery", "a daily digest is sent by email: add the email channel"));
                }
                choices.put(known.get(), new RecipientPreferences.Choice(group.channels().contains(IN_APP), wantsEmail,
                        delivery.equals(DAILY_DIGEST)));
            });
        }
        if (email == null && choices.values().stream().anyMatch(RecipientPreferences.Choice::email)) {
            errors.add(new Problem.FieldError("email", "is needed to deliver by email"));
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparing(Problem.FieldError::field));
            throw new ProblemException(Problem.invalid(errors.stream().map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; ")), errors));
        }
        Recipient recipient = Recipient.<Recipient>findByIdOptional(userId).orElseGet(() -> {
            Recipient fresh = new Recipient();
            fresh.userId = userId;
            return fresh;
        });
        recipient.email = email;
        recipient.language = language;
        recipient.quietStart = quietStart;
        recipient.quietEnd = quietEnd;
        recipient.updatedAt = Instant.now();
        recipient.persist();
        GroupPreference.delete("userId", userId);
        GroupPreference.flush();
        choices.forEach((group, choice) -> {
            GroupPreference preference = new GroupPreference();
            preference.userId = userId;
            preference.eventGroup = group.wire();
            preference.inApp = choice.inApp();
            preference.email = choice.email();
            preference.digest = choice.digest();
            preference.persist();
        });
        return of(userId);
    }

    private static LocalTime time(String value, String field, List<Problem.FieldError> errors) {
        if (value == null) {
            errors.add(new Problem.FieldError(field, "is required (HH:mm, Europe/London)"));
            return null;
        }
        try {
            if (!TIME.matcher(value).matches()) {
                throw new DateTimeParseException("not HH:mm", value, 0);
            }
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new Problem.FieldError(field, "must be a time of day as HH:mm (got " + value + ")"));
            return null;
        }
    }
}
