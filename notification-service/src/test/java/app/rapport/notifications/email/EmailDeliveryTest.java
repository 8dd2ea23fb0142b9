package app.rapport.notifications.email;

import app.rapport.contract.CareTeamRole;
import app.rapport.contract.DataCategory;
import app.rapport.contract.EventEnvelope;
import app.rapport.devkit.testing.Tokens;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.notifications.domain.EmailDelivery;
import app.rapport.notifications.routing.EventSamples;
import app.rapport.notifications.support.Inboxes;
import app.rapport.notifications.support.SmtpServer;
import app.rapport.platform.time.CareDays;
import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Email over SMTP to a real mail server on loopback: at once, held by quiet hours, in the daily digest, withheld after withdrawal. */
@QuarkusTest
class EmailDeliveryTest {

    @ConfigProperty(name = "rapport.public.base-url")
    String publicBase;

    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    EmailSender sender;

    private static void prefer(DemoUser user, String body) {
        given().auth().oauth2(Tokens.of(user)).contentType(ContentType.JSON).body(body)
                .put("/api/v1/notifications/preferences").then().statusCode(200);
    }

    private static List<MimeMessage> mailTo(DemoUser user, String mentioning) {
        return Arrays.stream(SmtpServer.mail().getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).map(Address::toString).anyMatch(user.email()::equals)
                        && GreenMailUtil.getWholeMessage(m).contains(mentioning);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** A client with the user in its care circle in the role; returns the client id once the circle is known. */
    private static EventEnvelope clientWith(DemoUser user, CareTeamRole role, UUID memberId) throws Exception {
        EventEnvelope registration = EventSamples.clientRegistered(DemoUsers.ALICE);
        UUID client = registration.clientId();
        EventSamples.publish(registration,
                EventSamples.joined(client, UUID.randomUUID(), DemoUsers.ALICE, CareTeamRole.CASE_MANAGER),
                EventSamples.joined(client, memberId, user, role));
        await().atMost(Duration.ofSeconds(30)).until(() -> Inboxes.countsByType(DemoUsers.ALICE, client)
                .getOrDefault("rapport.careteam.member-joined.v1", 0) == 2);
        return registration;
    }

    private static long status(UUID clientId, String recipient, String status) {
        return QuarkusTransaction.requiringNew().call(() -> EmailDelivery.count(
                "clientId = ?1 and recipientId = ?2 and status = ?3", clientId, recipient, status));
    }

    @Test
    void anUrgentChangeIsEmailedAtOnceAsPlainTextAndHtmlOnceDespiteRedelivery() throws Exception {
        prefer(DemoUsers.THEO, """
                {"groups":{"sessions":{"channels":["in-app","email"],"delivery":"immediate"}}}""");
        EventEnvelope registration = clientWith(DemoUsers.THEO, CareTeamRole.THERAPIST, UUID.randomUUID());
        UUID client = registration.clientId();
        String reference = registration.data().get("clientReference").asText();
        EventEnvelope cancelled = EventSamples.cancelled(client, UUID.randomUUID(), List.of(DemoUsers.THEO));
        EventSamples.publish(cancelled, cancelled);

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailTo(DemoUsers.THEO, reference).isEmpty());
        Thread.sleep(1500); // long enough for a second copy to have arrived, were there one
        List<MimeMessage> received = mailTo(DemoUsers.THEO, reference);
        assertEquals(1, received.size(), "one email for one event, delivered twice");
        MimeMessage mail = received.get(0);
        assertTrue(mail.getSubject().startsWith("Session with client " + reference), mail.getSubject());
        String whole = GreenMailUtil.getWholeMessage(mail);
        assertTrue(whole.contains("text/plain") && whole.contains("text/html"), "plain and HTML parts");
        assertTrue(whole.contains(publicBase + "/clients/" + client + "/sessions/" + cancelled.data().get("sessionId").asText()),
                "links to where to act, at the configured public address");
        assertEquals(1, status(client, DemoUsers.THEO.userId(), EmailDelivery.SENT));
    }

    @Test
    void anErasedClientsEmailDeliveriesAreDeleted() throws Exception {
        prefer(DemoUsers.NADIA, """
                {"groups":{"sessions":{"channels":["in-app","email"],"delivery":"immediate"}}}""");
        UUID client = clientWith(DemoUsers.NADIA, CareTeamRole.THERAPIST, UUID.randomUUID()).clientId();
        EventSamples.publish(EventSamples.cancelled(client, UUID.randomUUID(), List.of(DemoUsers.NADIA)));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(client, DemoUsers.NADIA.userId(), EmailDelivery.SENT) == 1);

        EventSamples.publish(EventSamples.erased(client));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> EmailDelivery.count("clientId", client)) == 0);
    }

    @Test
    void quietHoursHoldOrdinaryItemsButNotUrgentOnes() throws Exception {
        LocalTime now = LocalTime.now(CareDays.ZONE);
        prefer(DemoUsers.SAM, """
                {"quietHours":{"start":"%s","end":"%s"},
                 "groups":{"sessions":{"channels":["in-app","email"]},"goals":{"channels":["in-app","email"]}}}"""
                .formatted(now.minusHours(1).format(HHMM), now.plusHours(2).format(HHMM)));
        EventEnvelope registration = clientWith(DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER, UUID.randomUUID());
        UUID client = registration.clientId();
        String reference = registration.data().get("clientReference").asText();
        UUID goal = UUID.randomUUID();
        EventSamples.publish(EventSamples.goalAchieved(client, goal),
                EventSamples.cancelled(client, UUID.randomUUID(), List.of(DemoUsers.SAM)));

        await().atMost(Duration.ofSeconds(30)).until(() -> !mailTo(DemoUsers.SAM, "cancelled").stream()
                .filter(m -> subject(m).contains(reference)).toList().isEmpty());
        assertEquals(0, mailTo(DemoUsers.SAM, "/goals/" + goal).size(), "the goal news waits for the morning");
        assertEquals(1, status(client, DemoUsers.SAM.userId(), EmailDelivery.PENDING));

        // Other tests may have left due items too; each call works through one batch of them, oldest first.
        Instant afterQuietHours = Instant.now().plus(Duration.ofHours(3));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sender.sendDue(afterQuietHours);
            return !mailTo(DemoUsers.SAM, "/goals/" + goal).isEmpty();
        });
        assertEquals(1, mailTo(DemoUsers.SAM, "/goals/" + goal).size(), "sent once when the quiet hours end");
    }

    @Test
    void theDailyDigestGathersItemsIntoOneEmailInTheRecipientsLanguage() throws Exception {
        prefer(DemoUsers.NADIA, """
                {"language":"cy","groups":{"goals":{"channels":["in-app","email"],"delivery":"daily-digest"}}}""");
        EventEnvelope registration = clientWith(DemoUsers.NADIA, CareTeamRole.THERAPIST, UUID.randomUUID());
        UUID client = registration.clientId();
        String reference = registration.data().get("clientReference").asText();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        EventSamples.publish(EventSamples.goalAchieved(client, first), EventSamples.goalAchieved(client, second));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(client, DemoUsers.NADIA.userId(), EmailDelivery.PENDING) == 2);
        assertEquals(0, mailTo(DemoUsers.NADIA, first.toString()).size(), "nothing before the digest is due");

        Instant digestDue = Instant.now().plus(Duration.ofHours(25));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sender.sendDue(digestDue);
            return !mailTo(DemoUsers.NADIA, first.toString()).isEmpty();
        });
        List<MimeMessage> digest = mailTo(DemoUsers.NADIA, first.toString());
        assertEquals(1, digest.size());
        String whole = GreenMailUtil.getWholeMessage(digest.get(0));
        assertTrue(whole.contains(second.toString()), "both items in one email");
        assertTrue(subject(digest.get(0)).startsWith("Eich crynodeb dyddiol Rapport: 2"), subject(digest.get(0)));
        assertTrue(whole.contains("Cyflawnodd cleient " + reference + " nod"), "item titles in Welsh");
        assertEquals(2, status(client, DemoUsers.NADIA.userId(), EmailDelivery.SENT));
    }

    @Test
    void aConsentWithdrawalStopsEmailThatWasWaiting() throws Exception {
        UUID sophieMember = UUID.randomUUID();
        prefer(DemoUsers.SOPHIE, """
                {"groups":{"sessions":{"channels":["in-app","email"],"delivery":"daily-digest"}}}""");
        EventEnvelope registration = clientWith(DemoUsers.SOPHIE, CareTeamRole.SOLICITOR, sophieMember);
        UUID client = registration.clientId();
        EventSamples.publish(EventSamples.granted(client, DataCategory.SCHEDULE, null, sophieMember),
                EventSamples.cancelled(client, UUID.randomUUID(), List.of(DemoUsers.THEO)));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(client, DemoUsers.SOPHIE.userId(), EmailDelivery.PENDING) == 1);

        EventSamples.publish(EventSamples.withdrawn(client, DataCategory.SCHEDULE, null, sophieMember));
        await().atMost(Duration.ofSeconds(30)).until(() -> Inboxes.countsByType(DemoUsers.ALICE, client)
                .containsKey("rapport.consent.withdrawn.v1"));
        Instant digestDue = Instant.now().plus(Duration.ofHours(25));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            sender.sendDue(digestDue);
            return status(client, DemoUsers.SOPHIE.userId(), EmailDelivery.PENDING) == 0;
        });
        assertEquals(1, status(client, DemoUsers.SOPHIE.userId(), EmailDelivery.WITHHELD));
        assertEquals(0, mailTo(DemoUsers.SOPHIE, client.toString()).size());
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
