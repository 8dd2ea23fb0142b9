package app.rapport.platform.problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InternalNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "No enum constant net.fortuna.ical4j.model.WeekDay.Day.XX",
            "Cannot deserialize value of type `java.lang.Integer`",
            "app.rapport.sessions.domain.Session was not found",
            "failed: jakarta.ws.rs.NotFoundException",
            "org.hibernate.exception.ConstraintViolationException: could not execute statement",
            "ERROR: invalid input syntax; SQLSTATE 22P02",
            "bad SQL grammar",
            "IllegalArgumentException: Invalid UUID string",
            "com.fasterxml.jackson.databind.exc.InvalidFormatException",
            "io.vertx.core.VertxException: closed",
            "Outer$Inner",
    })
    void textNamingInternalsIsRecognised(String text) {
        assertTrue(InternalNames.mentioned(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "rrule: INTERVAL must be a whole number from 1 to 1000 (got 0)",
            "dateOfBirth: must be a past date",
            "The client was not found",
            "email: must be an address like name@example.org.",
            "a range may span at most 800 days",
            "must be one of planned, unplanned",
            "Errors in the form must be corrected",
    })
    void plainTextIsLeftAlone(String text) {
        assertFalse(InternalNames.mentioned(text), text);
    }

    @Test
    void aProblemNamingInternalsKeepsItsStatusAndFieldButNotTheText() {
        Problem leaking = Problem.invalid("rrule: No enum constant net.fortuna.ical4j.model.WeekDay.Day.XX",
                List.of(new Problem.FieldError("rrule", "No enum constant net.fortuna.ical4j.model.WeekDay.Day.XX")));
        Problem shown = ProblemMappers.withoutInternalNames(leaking);
        assertEquals(400, shown.status());
        assertEquals("rrule", shown.errors().get(0).field());
        assertFalse(InternalNames.mentioned(shown.detail()));
        assertFalse(InternalNames.mentioned(shown.errors().get(0).message()));
        Problem plain = Problem.of(409, "already-discharged", "Already discharged", "The client was discharged on 2026-01-02");
        assertEquals(plain, ProblemMappers.withoutInternalNames(plain));
    }
}
