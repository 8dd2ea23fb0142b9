package app.rapport.clients.rest;

import app.rapport.clients.domain.ClientCase;
import app.rapport.clients.domain.LitigationStage;
import app.rapport.clients.domain.Organisation;
import app.rapport.contract.CareTeamRole;
import app.rapport.devkit.tokens.DemoUser;
import app.rapport.devkit.tokens.DemoUsers;
import app.rapport.platform.time.CareDays;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static app.rapport.clients.support.Fixtures.OTHER_FIRM_SOLICITOR;
import static app.rapport.clients.support.Fixtures.as;
import static app.rapport.clients.support.Fixtures.auditEntries;
import static app.rapport.clients.support.Fixtures.firmActs;
import static app.rapport.clients.support.Fixtures.joinCareCircle;
import static app.rapport.clients.support.Fixtures.registerWithAlice;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CaseResourceTest {

    private static final String FULL_CASE = """
            {"referralDate":"2026-01-12","referralSource":"Insurer rehabilitation desk",
             "injuryContext":"Fractured wrist and anxiety after a cycling collision",
             "rehabilitationContext":"Hand therapy twice a week; return to work as a joiner",
             "fundingSource":"Claimant solicitor (interim payments)","fundingReference":"FUND-88",
             "firmId":"org-hartley-solicitors","solicitorReference":"HS/1044","litigationStage":"pre-action"}""";

    private static String caseOf(String clientId) {
        return "/api/v1/clients/" + clientId + "/case";
    }

    @Test
    void caseManagerRecordsTheCaseAndTheTeamReadsIt() {
        String id = registerWithAlice("Nadia", "Kowalczyk");

        as(DemoUsers.ALICE).body(FULL_CASE).put(caseOf(id)).then().statusCode(200)
                .body("litigationStage", equalTo("pre-action"))
                .body("legalHold", equalTo(true))
                .body("updatedBy", equalTo(DemoUsers.ALICE.userId()));

        as(DemoUsers.TARA).get(caseOf(id)).then().statusCode(200)
                .body("referralDate", equalTo("2026-01-12"))
                .body("injuryContext", containsString("Fractured wrist"))
                .body("fundingReference", equalTo("FUND-88"))
                .body("firmId", equalTo(DemoUsers.LAW_FIRM));
        assertEquals(1, auditEntries(id, DemoUsers.ALICE.userId(), "write", "case"));
        assertEquals(1, auditEntries(id, DemoUsers.TARA.userId(), "read", "case"));
    }

    @Test
    void theFirmsSolicitorSeesOnlyTheLitigationPart() {
        String id = registerWithAlice("Omid", "Farahani");
        as(DemoUsers.ALICE).body(FULL_CASE).put(caseOf(id)).then().statusCode(200);

        as(DemoUsers.SOPHIE).get(caseOf(id)).then().statusCode(200)
                .body("firmId", equalTo(DemoUsers.LAW_FIRM))
                .body("solicitorReference", equalTo("HS/1044"))
                .body("litigationStage", equalTo("pre-action"))
                .body("$", not(hasKey("injuryContext")))
                .body("$", not(hasKey("rehabilitationContext")))
                .body("$", not(hasKey("fundingSource")))
                .body("$", not(hasKey("referralSource")))
                .body(not(containsString("Fractured")));
    }

    @Test
    void therapistsInTheCircleSeeTheClinicalContextButNotFunding() {
        String id = registerWithAlice("Pia", "Lund");
        as(DemoUsers.ALICE).body(FULL_CASE).put(caseOf(id)).then().statusCode(200);
        joinCareCircle(id, DemoUsers.THEO, CareTeamRole.THERAPIST);
        joinCareCircle(id, DemoUsers.SAM, CareTeamRole.SUPPORT_WORKER);

        as(DemoUsers.THEO).get(caseOf(id)).then().statusCode(200)
                .body("rehabilitationContext", containsString("Hand therapy"))
                .body("$", not(hasKey("fundingSource")))
                .body("$", not(hasKey("fundingReference")));
        // Support workers are in the circle but litigation is not theirs to see; they may not change the case either.
        as(DemoUsers.SAM).get(caseOf(id)).then().statusCode(403).body(not(containsString("Fractured")));
        as(DemoUsers.THEO).body(FULL_CASE).put(caseOf(id)).then().statusCode(403);
    }

    @Test
    void outsidersGetA404WithNothingInIt() {
        String id = registerWithAlice("Quentin", "Abara");
        as(DemoUsers.ALICE).body(FULL_CASE).put(caseOf(id)).then().statusCode(200);

        for (DemoUser outsider : new DemoUser[]{DemoUsers.BILAL, OTHER_FIRM_SOLICITOR, DemoUsers.THEO}) {
            as(outsider).get(caseOf(id)).then().statusCode(404)
                    .contentType("application/problem+json")
                    .body(not(containsString("Fractured")))
                    .body(not(containsString("HS/1044")));
        }
        as(DemoUsers.BILAL).body(FULL_CASE.replace("HS/1044", "HS/9999")).put(caseOf(id)).then().statusCode(404);
        as(DemoUsers.ALICE).get(caseOf(id)).then().body("solicitorReference", equalTo("HS/1044"));
    }

    @Test
    void aClientWithoutACaseHasAnEmptyOne() {
        String id = registerWithAlice("Rosa", "Mendes");
        as(DemoUsers.ALICE).get(caseOf(id)).then().statusCode(200)
                .body("clientId", equalTo(id))
                .body("legalHold", equalTo(false))
                .body("$", not(hasKey("litigationStage")));
        // No firm on the case: solicitors have no relationship to the client.
        as(DemoUsers.SOPHIE).get(caseOf(id)).then().statusCode(404);
    }

    @Test
    void badInputIsNamedAndNothingIsWritten() {
        String id = registerWithAlice("Samir", "Haddad");
        long auditBefore = auditEntries(id);
        String tomorrow = CareDays.today().plusDays(2).toString();

        expectFieldError(id, "{\"referralDate\":\"" + tomorrow + "\"}", "referralDate");
        expectFieldError(id, "{\"referralDate\":\"12/01/2026\"}", "referralDate");
        expectFieldError(id, "{\"injuryContext\":\"" + "x".repeat(4001) + "\"}", "injuryContext");
        expectFieldError(id, "{\"firmId\":\"Hartley & Co\"}", "firmId");
        expectFieldError(id, "{\"firmId\":\"org-hartley-solicitors\",\"litigationStage\":\"appeal\"}", "litigationStage");
        expectFieldError(id, "{\"litigationStage\":\"pre-action\"}", "litigationStage");
        expectFieldError(id, "{\"firmId\":\"org-hartley-solicitors\",\"judge\":\"x\"}", "judge");

        assertTrue(QuarkusTransaction.requiringNew().call(() -> ClientCase.of(UUID.fromString(id)).isEmpty()));
        assertEquals(auditBefore, auditEntries(id), "refused writes leave no audit entry");
    }

    @Test
    void theFirmMustBeALawFirmWhenWeKnowTheOrganisation() {
        String id = registerWithAlice("Tomasz", "Nowak");
        String notAFirm = "org-care-" + UUID.randomUUID().toString().substring(0, 8);
        QuarkusTransaction.requiringNew().run(() -> {
            Organisation organisation = new Organisation();
            organisation.id = notAFirm;
            organisation.name = "Another care company";
            organisation.kind = Organisation.Kind.CASE_MANAGEMENT;
            organisation.createdAt = Instant.now();
            organisation.persist();
        });

        expectFieldError(id, "{\"firmId\":\"" + notAFirm + "\"}", "firmId");
        // An organisation id we have no row for is accepted for now (firms are not onboarded yet).
        as(DemoUsers.ALICE).body("{\"firmId\":\"org-unlisted-law\"}").put(caseOf(id)).then().statusCode(200)
                .body("firmId", equalTo("org-unlisted-law"))
                .body("litigationStage", equalTo("pre-action"));
    }

    @Test
    void theFirmCannotBeTakenOffAnOpenClaim() {
        String id = registerWithAlice("Ula", "Brennan");
        firmActs(id, "trial-listed");

        as(DemoUsers.ALICE).body("{\"injuryContext\":\"Wrist\"}").put(caseOf(id)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:rapport:problem:legal-hold"))
                .body("detail", containsString("trial-listed"));
        assertEquals(LitigationStage.TRIAL_LISTED, QuarkusTransaction.requiringNew()
                .call(() -> ClientCase.of(UUID.fromString(id)).orElseThrow().litigationStage));

        // Once the claim has ended the firm can be removed.
        firmActs(id, "concluded");
        as(DemoUsers.ALICE).body("{\"injuryContext\":\"Wrist\"}").put(caseOf(id)).then().statusCode(200)
                .body("legalHold", equalTo(false))
                .body("$", not(hasKey("firmId")));
    }

    @Test
    void anEditWithoutTheStageKeepsTheClaimWhereItIs() {
        String id = registerWithAlice("Vanya", "Ilic");
        firmActs(id, "trial-listed");

        as(DemoUsers.ALICE).body("{\"firmId\":\"" + DemoUsers.LAW_FIRM + "\",\"referralSource\":\"GP\"}").put(caseOf(id))
                .then().statusCode(200).body("litigationStage", equalTo("trial-listed"));
        // Another firm taking over starts from pre-action unless told otherwise.
        as(DemoUsers.ALICE).body("{\"firmId\":\"org-unlisted-law\"}").put(caseOf(id))
                .then().statusCode(200).body("litigationStage", equalTo("pre-action"));
    }

    private static void expectFieldError(String id, String body, String field) {
        as(DemoUsers.ALICE).body(body).put(caseOf(id)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
