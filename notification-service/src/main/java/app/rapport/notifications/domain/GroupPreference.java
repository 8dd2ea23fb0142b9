package app.rapport.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.util.Objects;

/** One person's choice for one event group: which channels, and at once or in the daily digest. */
@Entity
@Table(name = "recipient_group_preference")
@IdClass(GroupPreference.Key.class)
public class GroupPreference extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public String userId;

    @Id
    @Column(name = "event_group")
    public String eventGroup;

    @Column(name = "in_app", nullable = false)
    public boolean inApp;

    @Column(nullable = false)
    public boolean email;

    @Column(nullable = false)
    public boolean digest;

    public static class Key implements Serializable {
        public String userId;
        public String eventGroup;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(userId, k.userId) && Objects.equals(eventGroup, k.eventGroup);
        }

        @Override
        public int hashCode() {
            return Objects.hash(userId, eventGroup);
        }
    }
}
