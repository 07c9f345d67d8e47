package org.shangliang.followup;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.DirectoryFixtures;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;

/** 开放数据: where each case stands and the year's statistics — without the reply's words or anyone who handled it. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class OpenDataTest {

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();
    @Inject ReferenceCopy copy;

    @Test
    void a_years_cases_and_their_statistics_come_without_replies_or_people() {
        CaseFlowTest.units(kafka, copy);
        String village = DirectoryFixtures.territory(kafka, copy, "330421003" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)), false);
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service",
                CaseFlowTest.outcome(session, topic, 1, UUID.randomUUID().toString()).replace("330421003201", village));
        Api.actByDefaultAs(CaseFlowTest.COUNTY_STAFF);
        String caseId = await().atMost(Duration.ofSeconds(20)).until(() -> given().queryParam("topicId", topic).get("/api/v1/cases").then()
                .extract().<List<String>>path("items.id"), ids -> ids.size() == 1).get(0);
        // Signed, reported on and replied to by a clerk, in words that name a villager.
        Api.as(CaseFlowTest.AGRI_CLERK).header("If-Match", "\"0\"").post("/api/v1/cases/{id}/sign", caseId).then().statusCode(200);
        Api.as(CaseFlowTest.AGRI_CLERK).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"percent\": 60, \"text\": \"已上门核对王秀兰家台账\"}")
                .post("/api/v1/cases/{id}/progress", caseId).then().statusCode(200);
        Api.as(CaseFlowTest.AGRI_CLERK).contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"text\": \"王秀兰家12亩面积已更正\", \"resolutionDegree\": \"A\"}")
                .post("/api/v1/cases/{id}/reply", caseId).then().statusCode(200);
        String number = given().get("/api/v1/cases/{id}", caseId).then().extract().path("number");

        RestAssured.requestSpecification = null;
        String address = "10.99." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(1, 255);
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Response json = given().header("X-Forwarded-For", address).queryParam("year", YEAR).queryParam("territory", village).get("/api/v1/open-data/cases");
        json.then().statusCode(200).header("Cache-Control", "public, max-age=3600").body("dataset", equalTo("shangliang.cases"))
                .body("items.number", equalTo(List.of(number))).body("items[0].leadUnit", equalTo("县农业农村局"))
                .body("items[0].status", equalTo("REPLIED")).body("items[0].openedOn", equalTo(today)).body("items[0].firstRepliedOn", equalTo(today))
                .body("items[0].repliedOnTime", equalTo(true)).body("items[0].resolutionDegree", equalTo("A")).body("items[0].topicNumber", equalTo("YT-2026-0042"));
        String body = json.asString();
        for (String personal : List.of("王秀兰", "12亩", "clerk@agri", "organizer-huimin", "换届前召开")) {
            assertFalse(body.contains(personal), "open data must not carry " + personal + ": " + body);
        }
        List<String> fields = given().header("X-Forwarded-For", address).get("/api/v1/open-data/cases/dictionary").then().statusCode(200).extract().path("fields.name");
        assertEquals(fields, List.copyOf(json.jsonPath().getMap("items[0]").keySet()), "every field is in the dictionary, in order");

        String csv = new String(given().header("X-Forwarded-For", address).queryParam("year", YEAR).queryParam("territory", village).queryParam("format", "csv")
                .get("/api/v1/open-data/cases").then().statusCode(200).contentType(containsString("text/csv")).extract().asByteArray(), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF"));
        List<String> lines = csv.substring(1).lines().toList();
        assertEquals(String.join(",", fields), lines.get(0));
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(1).startsWith(number + ",YT-2026-0042," + village + ",县农业农村局,"), lines.get(1));
        assertFalse(csv.contains("王秀兰"));

        // The statistics of the year's follow-up, per unit, anonymous; as CSV too.
        given().header("X-Forwarded-For", address).queryParam("year", YEAR).queryParam("territory", village).get("/api/v1/open-data/cases/statistics")
                .then().statusCode(200).header("Cache-Control", "public, max-age=3600").body("territory", equalTo(village))
                .body("dataset", equalTo("shangliang.case-statistics")).body("licence", equalTo("CC BY 4.0")).body("groupBy", equalTo("UNIT"))
                .body("rows.code", equalTo(List.of("agri-rural"))).body("total.cases", equalTo(1)).body("total.replied", equalTo(1))
                .body("total.onTimeRate", equalTo(1.0f));
        List<String> statisticsFields = given().header("X-Forwarded-For", address).get("/api/v1/open-data/cases/statistics/dictionary").then().statusCode(200)
                .body("dataset", equalTo("shangliang.case-statistics")).extract().path("fields.name");
        String statisticsCsv = new String(given().header("X-Forwarded-For", address).queryParam("year", YEAR).queryParam("territory", village)
                .queryParam("format", "csv").get("/api/v1/open-data/cases/statistics").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        List<String> statisticsLines = statisticsCsv.substring(1).lines().toList();
        assertEquals(String.join(",", statisticsFields), statisticsLines.get(0));
        assertEquals(List.of(YEAR + ",UNIT,agri-rural,县农业农村局,1,0,,1,1.0,", YEAR + ",UNIT,ALL,合计,1,0,,1,1.0,"),
                statisticsLines.subList(1, 3).stream().map(l -> l.substring(0, l.indexOf(",1.0,") + 5)).toList());
        given().header("X-Forwarded-For", address).queryParam("year", YEAR).queryParam("territory", village).queryParam("groupBy", "TOWNSHIP")
                .queryParam("format", "csv").get("/api/v1/open-data/cases/statistics").then().statusCode(200)
                .header("Content-Disposition", containsString("case-statistics-township-" + YEAR + "-" + village + ".csv"));
        given().header("X-Forwarded-For", address).queryParam("year", YEAR).queryParam("territory", "330421999998").get("/api/v1/open-data/cases")
                .then().statusCode(422).contentType("application/problem+json").body("violations[0].field", equalTo("territory"));
        given().header("X-Forwarded-For", address).queryParam("year", "next").get("/api/v1/open-data/cases/statistics").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
