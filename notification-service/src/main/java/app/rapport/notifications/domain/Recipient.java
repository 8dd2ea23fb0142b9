package app.rapport.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalTime;

/** A person's own delivery settings, set through the preferences API. */
@Entity
@Table(name = "recipient")
public class Recipient extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    public String email;

    /** BCP 47 tag; messages fall back to English. */
    public String language;

    /** Quiet hours in Europe/London; both set or both absent. */
    @Column(name = "quiet_start")
    public LocalTime quietStart;

    @Column(name = "quiet_end")
    public LocalTime quietEnd;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
