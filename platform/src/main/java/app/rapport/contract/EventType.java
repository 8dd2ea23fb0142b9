package app.rapport.contract;

import app.rapport.contract.alliance.EarlyWarning;
import app.rapport.contract.alliance.FeedbackRecorded;
import app.rapport.contract.alliance.RatingDiscrepancy;
import app.rapport.contract.alliance.RepairRecorded;
import app.rapport.contract.alliance.RuptureAcknowledged;
import app.rapport.contract.alliance.RuptureClosed;
import app.rapport.contract.alliance.RuptureDetected;
import app.rapport.contract.alliance.RuptureResolved;
import app.rapport.contract.careteam.MemberJoined;
import app.rapport.contract.careteam.MemberLeft;
import app.rapport.contract.client.ClientDischarged;
import app.rapport.contract.client.ClientErased;
import app.rapport.contract.client.ClientRegistered;
import app.rapport.contract.client.ClientUpdated;
import app.rapport.contract.client.SubjectAccessRequested;
import app.rapport.contract.consent.ConsentGranted;
import app.rapport.contract.consent.ConsentWithdrawn;
import app.rapport.contract.goal.GoalAchieved;
import app.rapport.contract.goal.GoalSet;
import app.rapport.contract.goal.GoalUpdated;
import app.rapport.contract.litigation.MilestoneRecorded;
import app.rapport.contract.session.SessionAttended;
import app.rapport.contract.session.SessionCancelled;
import app.rapport.contract.session.SessionEndingApproaching;
import app.rapport.contract.session.SessionMissed;
import app.rapport.contract.session.SessionRescheduled;
import app.rapport.contract.session.SessionScheduled;

import java.util.Arrays;
import java.util.Optional;

/**
 * The catalogue of events: CloudEvents type, topic, payload type and JSON Schema. Publishers and
 * consumers both test against this one list (see {@code schemas/} next to this class and
 * {@code asyncapi.yaml}).
 */
public enum EventType {
    CLIENT_REGISTERED("rapport.client.registered.v1", Topic.CLIENTS, ClientRegistered.class, Sensitivity.PERSONAL),
    CLIENT_UPDATED("rapport.client.updated.v1", Topic.CLIENTS, ClientUpdated.class, Sensitivity.PERSONAL),
    CLIENT_DISCHARGED("rapport.client.discharged.v1", Topic.CLIENTS, ClientDischarged.class, Sensitivity.PERSONAL),
    CLIENT_ERASED("rapport.client.erased.v1", Topic.CLIENTS, ClientErased.class, Sensitivity.OPERATIONAL),
    CLIENT_SUBJECT_ACCESS_REQUESTED("rapport.client.subject-access-requested.v1", Topic.CLIENTS,
            SubjectAccessRequested.class, Sensitivity.OPERATIONAL),
    CARETEAM_MEMBER_JOINED("rapport.careteam.member-joined.v1", Topic.CLIENTS, MemberJoined.class, Sensitivity.PERSONAL),
    CARETEAM_MEMBER_LEFT("rapport.careteam.member-left.v1", Topic.CLIENTS, MemberLeft.class, Sensitivity.PERSONAL),
    CONSENT_GRANTED("rapport.consent.granted.v1", Topic.CLIENTS, ConsentGranted.class, Sensitivity.PERSONAL),
    CONSENT_WITHDRAWN("rapport.consent.withdrawn.v1", Topic.CLIENTS, ConsentWithdrawn.class, Sensitivity.PERSONAL),
    GOAL_SET("rapport.goal.set.v1", Topic.CLIENTS, GoalSet.class, Sensitivity.HEALTH),
    GOAL_UPDATED("rapport.goal.updated.v1", Topic.CLIENTS, GoalUpdated.class, Sensitivity.HEALTH),
    GOAL_ACHIEVED("rapport.goal.achieved.v1", Topic.CLIENTS, GoalAchieved.class, Sensitivity.HEALTH),
    LITIGATION_MILESTONE_RECORDED("rapport.litigation.milestone-recorded.v1", Topic.CLIENTS, MilestoneRecorded.class,
            Sensitivity.PERSONAL),
    SESSION_SCHEDULED("rapport.session.scheduled.v1", Topic.SESSIONS, SessionScheduled.class, Sensitivity.PERSONAL),
    SESSION_RESCHEDULED("rapport.session.rescheduled.v1", Topic.SESSIONS, SessionRescheduled.class, Sensitivity.PERSONAL),
    SESSION_CANCELLED("rapport.session.cancelled.v1", Topic.SESSIONS, SessionCancelled.class, Sensitivity.PERSONAL),
    SESSION_ATTENDED("rapport.session.attended.v1", Topic.SESSIONS, SessionAttended.class, Sensitivity.PERSONAL),
    SESSION_MISSED("rapport.session.missed.v1", Topic.SESSIONS, SessionMissed.class, Sensitivity.PERSONAL),
    SESSION_ENDING_APPROACHING("rapport.session.ending-approaching.v1", Topic.SESSIONS, SessionEndingApproaching.class,
            Sensitivity.PERSONAL),
    ALLIANCE_FEEDBACK_RECORDED("rapport.alliance.feedback-recorded.v1", Topic.ALLIANCE, FeedbackRecorded.class, Sensitivity.HEALTH),
    ALLIANCE_RUPTURE_DETECTED("rapport.alliance.rupture-detected.v1", Topic.ALLIANCE, RuptureDetected.class, Sensitivity.HEALTH),
    ALLIANCE_RUPTURE_ACKNOWLEDGED("rapport.alliance.rupture-acknowledged.v1", Topic.ALLIANCE, RuptureAcknowledged.class,
            Sensitivity.HEALTH),
    ALLIANCE_REPAIR_RECORDED("rapport.alliance.repair-recorded.v1", Topic.ALLIANCE, RepairRecorded.class, Sensitivity.HEALTH),
    ALLIANCE_RUPTURE_RESOLVED("rapport.alliance.rupture-resolved.v1", Topic.ALLIANCE, RuptureResolved.class, Sensitivity.HEALTH),
    ALLIANCE_RUPTURE_CLOSED("rapport.alliance.rupture-closed.v1", Topic.ALLIANCE, RuptureClosed.class, Sensitivity.HEALTH),
    ALLIANCE_EARLY_WARNING("rapport.alliance.early-warning.v1", Topic.ALLIANCE, EarlyWarning.class, Sensitivity.HEALTH),
    ALLIANCE_RATING_DISCREPANCY("rapport.alliance.rating-discrepancy.v1", Topic.ALLIANCE, RatingDiscrepancy.class,
            Sensitivity.HEALTH);

    private final String typeName;
    private final Topic topic;
    private final Class<?> payloadType;
    private final Sensitivity sensitivity;

    EventType(String typeName, Topic topic, Class<?> payloadType, Sensitivity sensitivity) {
        this.typeName = typeName;
        this.topic = topic;
        this.payloadType = payloadType;
        this.sensitivity = sensitivity;
    }

    public String typeName() {
        return typeName;
    }

    public Topic topic() {
        return topic;
    }

    public Class<?> payloadType() {
        return payloadType;
    }

    public Sensitivity sensitivity() {
        return sensitivity;
    }

    /** Classpath location of the JSON Schema for this event's {@code data}. */
    public String schemaResource() {
        return "/app/rapport/contract/schemas/" + typeName + ".schema.json";
    }

    public static Optional<EventType> fromTypeName(String typeName) {
        return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
    }
}
