package app.rapport.platform.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientException;

/** Tells an outage (wait and retry, however long it takes) from a failure of the event itself. */
final class Failures {

    private Failures() {
    }

    static boolean isInfrastructureOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getClass().getName().startsWith("io.agroal")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
