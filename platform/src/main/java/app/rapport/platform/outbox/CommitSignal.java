package app.rapport.platform.outbox;

import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Waits for the {@code rapport_outbox} notification that the outbox trigger sends on commit, so the
 * relay publishes within milliseconds instead of waiting for its next poll.
 */
final class CommitSignal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CommitSignal.class);
    static final String CHANNEL = "rapport_outbox";

    private final AgroalDataSource dataSource;
    private Connection listening;

    CommitSignal(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Starts listening; called before the first drain so no commit can slip between the two. */
    void listen() {
        if (listening != null) {
            return;
        }
        try {
            Connection connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
            }
            listening = connection;
        } catch (SQLException e) {
            LOG.debugf("Cannot listen for outbox commits yet: %s", e.getMessage());
            close();
        }
    }

    /** Returns early when a commit is signalled, otherwise after {@code timeout}. */
    void await(Duration timeout) throws InterruptedException {
        listen();
        if (listening == null) {
            Thread.sleep(timeout.toMillis());
            return;
        }
        try {
            PGNotification[] notifications = listening.unwrap(PGConnection.class)
                    .getNotifications((int) Math.max(1, timeout.toMillis()));
            if (notifications == null) {
                LOG.trace("No outbox commit signalled; polling");
            }
        } catch (SQLException e) {
            LOG.debugf("Outbox listener lost its connection: %s", e.getMessage());
            close();
            Thread.sleep(Math.min(timeout.toMillis(), 1000));
        }
    }

    @Override
    public void close() {
        if (listening != null) {
            try {
                listening.close();
            } catch (SQLException ignored) {
                // The connection is being discarded anyway.
            }
            listening = null;
        }
    }
}
