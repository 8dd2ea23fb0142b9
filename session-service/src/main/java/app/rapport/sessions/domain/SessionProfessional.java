package app.rapport.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A professional's booking in a session. The table's exclusion constraint refuses two overlapping
 * bookings of one professional while both hold the time, whichever request commits first.
 */
@Entity
@Table(name = "session_professional")
public class SessionProfessional extends PanacheEntityBase {

    public static final String NO_DOUBLE_BOOKING = "session_professional_no_double_booking";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    public Session session;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "user_id", nullable = false)
    public String userId;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    @Column(name = "holds_time", nullable = false)
    public boolean holdsTime;
}
