package app.rapport.platform.outbox;

import io.agroal.api.AgroalDataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes one batch of unpublished outbox rows and marks them sent, all in one database
 * transaction: if Kafka does not acknowledge every record, nothing is marked and the batch is tried
 * again later (consumers drop the duplicates by event id).
 */
public final class OutboxBatch {

    /** Held for the duration of a batch so replicas take turns and each client's events stay in order. */
    private static final long RELAY_LOCK = 0x5241505052454CL;
    static final String CONTENT_TYPE_HEADER = "content-type";
    static final byte[] CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8);

    private final AgroalDataSource dataSource;
    private final int batchSize;

    public OutboxBatch(AgroalDataSource dataSource, int batchSize) {
        this.dataSource = dataSource;
        this.batchSize = batchSize;
    }

    /** @return how many events were published */
    public int publish(KafkaProducer<String, byte[]> producer) throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int published = publishLocked(connection, producer);
                connection.commit();
                return published;
            } catch (SQLException | InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private int publishLocked(Connection connection, KafkaProducer<String, byte[]> producer)
            throws SQLException, InterruptedException, ExecutionException, TimeoutException {
        if (!tryRelayLock(connection)) {
            return 0;
        }
        List<UUID> ids = new ArrayList<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                select id, topic, message_key, envelope::text from outbox_event
                where published_at is null order by position limit ? for update skip locked""")) {
            select.setInt(1, batchSize);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(rows.getString(2), rows.getString(3),
                            rows.getString(4).getBytes(StandardCharsets.UTF_8));
                    record.headers().add(CONTENT_TYPE_HEADER, CLOUDEVENTS_JSON);
                    Future<RecordMetadata> ack = producer.send(record);
                    if (ack.isDone()) {
                        // Refused at once (no broker within max.block.ms): fail the batch now rather than wait
                        // that long again for every remaining row while holding their locks.
                        ack.get();
                    }
                    acks.add(ack);
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        producer.flush();
        for (Future<RecordMetadata> ack : acks) {
            ack.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS);
        }
        try (PreparedStatement mark = connection.prepareStatement(
                "update outbox_event set published_at = now() where id = any(?)")) {
            Array idArray = connection.createArrayOf("uuid", ids.toArray());
            mark.setArray(1, idArray);
            mark.executeUpdate();
        }
        return ids.size();
    }

    private static boolean tryRelayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Deletes published rows older than the retention period. */
    int purgePublishedBefore(Duration retention) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement purge = connection.prepareStatement(
                     "delete from outbox_event where published_at < now() - make_interval(secs => ?)")) {
            purge.setDouble(1, retention.toSeconds());
            return purge.executeUpdate();
        }
    }

    /** Unpublished rows and the age of the oldest, for the lag metrics. */
    Backlog backlog() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("""
                     select count(*), coalesce(extract(epoch from now() - min(created_at)), 0)
                     from outbox_event where published_at is null""");
             ResultSet result = query.executeQuery()) {
            result.next();
            return new Backlog(result.getLong(1), result.getDouble(2));
        }
    }

    record Backlog(long events, double oldestAgeSeconds) {
    }
}
