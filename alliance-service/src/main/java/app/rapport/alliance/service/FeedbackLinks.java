package app.rapport.alliance.service;

import app.rapport.alliance.access.AllianceAccess;
import app.rapport.alliance.config.AllianceConfig;
import app.rapport.alliance.domain.ClientRef;
import app.rapport.alliance.domain.ErasedClient;
import app.rapport.alliance.domain.FeedbackLink;
import app.rapport.alliance.measures.MeasureDefinition;
import app.rapport.alliance.measures.Rater;
import app.rapport.alliance.measures.StandardMeasures;
import app.rapport.platform.links.PublicUrls;
import app.rapport.platform.problem.Problem;
import app.rapport.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One-time feedback links: a client opens the link on their phone, without an account, and rates a session in their
 * own language. The token is 256 random bits; only its SHA-256 hash is stored, so a database reader cannot use a
 * link. A link works once and until it expires (default four days); a second, late or altered submission is refused.
 */
@ApplicationScoped
public class FeedbackLinks {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");
    public static final String RECORDED_BY = "feedback-link";

    @Inject
    AllianceAccess access;

    @Inject
    MeasureCatalogue measures;

    @Inject
    Feedback feedback;

    @Inject
    AllianceConfig config;

    /** The link opens the web client at the configured public address. */
    @Inject
    PublicUrls urls;

    @Inject
    EntityManager entityManager;

    @Inject
    SessionReferences sessions;

    /** A created link; the token exists only in this answer. */
    public record Created(FeedbackLink link, String token, String url) {
    }

    /** What the client's phone shows: the measure in their language, nothing about them. */
    public record Form(MeasureDefinition measure, String language, Instant expiresAt) {
    }

    @Transactional
    public Created create(UUID clientId, String professionalId, String measureId, UUID sessionId) {
        String pair = professionalId == null ? access.userId() : professionalId;
        ClientRef client = access.audit(access.requireRecorder(clientId, pair), "write", "feedback-links").client();
        sessions.require(clientId, pair, sessionId);
        MeasureDefinition measure = measures.require(client.organisationId,
                measureId == null ? StandardMeasures.SESSION_ALLIANCE_CHECK : measureId);
        if (measure.rater() != Rater.CLIENT) {
            throw ProblemException.invalidField("measureId", measure.id() + " is not filled in by the client");
        }
        MeasureCatalogue.requireWording(measure, null);
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = Instant.now();
        FeedbackLink link = new FeedbackLink();
        link.id = UUID.randomUUID();
        link.tokenHash = hash(token);
        link.clientId = clientId;
        link.professionalId = pair;
        link.measureId = measure.id();
        link.sessionId = sessionId;
        link.language = languageFor(measure, client.preferredLanguage);
        link.createdBy = access.userId();
        link.createdAt = now;
        link.expiresAt = now.plus(config.links().expiry());
        link.persist();
        return new Created(link, token, urls.of("/feedback/", token).toString());
    }

    @Transactional
    public Form open(String token) {
        FeedbackLink link = usable(find(token), Instant.now());
        ClientRef client = ClientRef.findById(link.clientId);
        return new Form(measures.require(client.organisationId, link.measureId), link.language, link.expiresAt);
    }

    /** Submits the answers; exactly one of any number of concurrent submissions of the same link succeeds. */
    @Transactional
    public Feedback.Recorded submit(String token, Map<String, Integer> answers) {
        FeedbackLink link = find(token);
        Instant now = Instant.now();
        // The conditional update takes the row lock: a concurrent submission waits, then finds the link used.
        int claimed = entityManager.createQuery("""
                        update FeedbackLink set usedAt = :now where id = :id and usedAt is null and expiresAt > :now""")
                .setParameter("now", now).setParameter("id", link.id).executeUpdate();
        if (claimed == 0) {
            entityManager.refresh(link);
            usable(link, now);
            throw used();
        }
        ClientRef client = ClientRef.findById(link.clientId);
        Feedback.Recorded recorded = feedback.record(new Feedback.NewResponse(client, link.professionalId, link.measureId,
                answers, link.sessionId, link.language, RECORDED_BY, link.id, Rater.CLIENT, null));
        entityManager.createQuery("update FeedbackLink set responseId = :response where id = :id")
                .setParameter("response", recorded.response().id).setParameter("id", link.id).executeUpdate();
        return recorded;
    }

    private FeedbackLink find(String token) {
        if (token == null || !TOKEN.matcher(token).matches()) {
            throw invalid();
        }
        FeedbackLink link = FeedbackLink.<FeedbackLink>find("tokenHash", (Object) hash(token)).firstResult();
        if (link == null || ErasedClient.findById(link.clientId) != null) {
            throw invalid();
        }
        return link;
    }

    private static FeedbackLink usable(FeedbackLink link, Instant now) {
        if (link.usedAt != null) {
            throw used();
        }
        if (!link.expiresAt.isAfter(now)) {
            throw new ProblemException(Problem.of(410, "feedback-link-expired", "This link has expired",
                    "This feedback link has expired. Ask the person you work with for a new one."));
        }
        return link;
    }

    private static ProblemException used() {
        return new ProblemException(Problem.of(410, "feedback-link-used", "Feedback already given",
                "This feedback link has already been used. Thank you: your answers were received."));
    }

    private static ProblemException invalid() {
        return new ProblemException(Problem.of(404, "feedback-link-invalid", "Link not recognised",
                "This feedback link is not valid. Check that the whole link was copied."));
    }

    static String languageFor(MeasureDefinition measure, String preferred) {
        if (preferred != null) {
            if (measure.languages().contains(preferred)) {
                return preferred;
            }
            String primary = preferred.split("-")[0];
            if (measure.languages().contains(primary)) {
                return primary;
            }
        }
        return measure.languages().contains("en") ? "en" : measure.languages().iterator().next();
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
