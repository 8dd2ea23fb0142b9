package app.rapport.platform.inbox;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailuresTest {

    @Test
    void outagesAreWaitedOut() {
        assertTrue(Failures.isInfrastructureOutage(new RuntimeException(new SQLTransientConnectionException("pool"))));
        assertTrue(Failures.isInfrastructureOutage(new IllegalStateException(new SQLException("gone", "08006"))));
        assertTrue(Failures.isInfrastructureOutage(new SQLException("terminating connection", "57P01")));
        assertTrue(Failures.isInfrastructureOutage(new RuntimeException(new ConnectException("refused"))));
    }

    @Test
    void failuresOfTheEventItselfAreNot() {
        assertFalse(Failures.isInfrastructureOutage(new IllegalArgumentException("bad")));
        assertFalse(Failures.isInfrastructureOutage(new RuntimeException(new SQLException("unique violation", "23505"))));
        assertFalse(Failures.isInfrastructureOutage(new NullPointerException()));
    }
}
