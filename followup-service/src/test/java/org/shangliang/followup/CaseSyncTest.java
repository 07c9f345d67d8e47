package org.shangliang.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.DirectoryFixtures;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** 变更流 of cases: the whole copy first, then each case a clerk moved, once, in its latest state. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class CaseSyncTest {

    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
    @Inject ReferenceCopy copy;

    private String caseIn(String village) {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service",
                CaseFlowTest.outcome(session, topic, 1, UUID.randomUUID().toString()).replace("330421003201", village));
        return await().atMost(Duration.ofSeconds(20)).until(() -> given().queryParam("topicId", topic).get("/api/v1/cases").then()
                .extract().<List<String>>path("items.id"), ids -> ids.size() == 1).get(0);
    }

    @Test
    void the_territorys_office_syncs_its_cases_in_small_steps() {
        CaseFlowTest.units(kafka, copy);
        Api.actByDefaultAs(CaseFlowTest.COUNTY_STAFF);
        String village = DirectoryFixtures.territory(kafka, copy, "330421003" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)), false);
        String first = caseIn(village);
        String second = caseIn(village);
        String staff = TestTokens.as(Roles.ORGANIZER, village).token();

        JsonPath all = Api.as(staff).queryParam("territory", village).get("/api/v1/cases/changes").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(first, second), all.getList("changes.id"));
        assertEquals(List.of("ASSIGNED", "ASSIGNED"), all.getList("changes.handlingCase.status"));
        assertEquals("县农业农村局", all.getString("changes[0].handlingCase.leadUnit"));
        String cursor = all.getString("nextCursor");
        Api.as(staff).queryParam("territory", village).queryParam("since", cursor).get("/api/v1/cases/changes").then()
                .body("changes.size()", equalTo(0)).body("nextCursor", equalTo(cursor));

        // The clerk signs for the second: it comes again, SIGNED, and only it.
        Api.as(CaseFlowTest.AGRI_CLERK).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", second).then().statusCode(200);
        Api.as(staff).queryParam("territory", village).queryParam("since", cursor).get("/api/v1/cases/changes").then().statusCode(200)
                .body("changes.id", equalTo(List.of(second))).body("changes[0].handlingCase.status", equalTo("SIGNED"))
                .body("changes[0].handlingCase.version", equalTo(1));

        Api.as(CaseFlowTest.AGRI_CLERK).queryParam("territory", village).get("/api/v1/cases/changes").then().statusCode(403);
        Api.as(TestTokens.as(Roles.ORGANIZER, "330421001").token()).queryParam("territory", village).get("/api/v1/cases/changes").then().statusCode(403);
        Api.as(staff).queryParam("territory", village).queryParam("since", "x").get("/api/v1/cases/changes").then().statusCode(400)
                .body("violations[0].field", equalTo("since"));
    }
}
