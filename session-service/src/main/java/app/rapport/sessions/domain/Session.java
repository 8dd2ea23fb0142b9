package app.rapport.sessions.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One meeting of a client with one or more professionals. Times are instants; the zone says how to show them. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "client_id", nullable = false)
    public UUID clientId;

    @Column(name = "series_id")
    public UUID seriesId;

    /** The session this one replaced when it was moved. */
    @Column(name = "rescheduled_from")
    public UUID rescheduledFrom;

    /** An occurrence of a series that was moved by itself, not with the series: series retimes leave it alone. */
    @Column(name = "moved_on_its_own", nullable = false)
    public boolean movedOnItsOwn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SessionStatus status;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** IANA zone the session was booked in. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    public String location;

    @Column(name = "remote_link")
    public String remoteLink;

    /** BCP 47 tag of the session's language. */
    public String language;

    @Column(nullable = false)
    public boolean interpreter;

    @Column(name = "minutes_late")
    public Integer minutesLate;

    /** {@code client} or {@code professional}. */
    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "hours_notice")
    public Double hoursNotice;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by")
    public String updatedBy;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true, fetch = FetchType.EAGER)
    @OrderBy("id")
    public List<SessionProfessional> professionals = new ArrayList<>();

    public List<String> professionalIds() {
        return professionals.stream().map(p -> p.userId).toList();
    }

    public boolean involves(String userId) {
        return professionals.stream().anyMatch(p -> p.userId.equals(userId));
    }

    public void addProfessional(String userId) {
        SessionProfessional booking = new SessionProfessional();
        booking.session = this;
        booking.clientId = clientId;
        booking.userId = userId;
        booking.startsAt = startsAt;
        booking.endsAt = endsAt;
        booking.holdsTime = status.holdsTime();
        professionals.add(booking);
    }

    public void changeStatus(SessionStatus next) {
        status = next;
        professionals.forEach(p -> p.holdsTime = next.holdsTime());
    }
}
