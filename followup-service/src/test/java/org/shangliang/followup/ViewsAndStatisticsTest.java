package org.shangliang.followup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;
import org.shangliang.followup.config.CaseClock;

/**
 * The role views (boxes, the board) and the statistics, against a hand-computed fixture: four cases
 * in a township of their own, moved through their lives on a clock set to fixed days in December 2026.
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class ViewsAndStatisticsTest extends ClockedTest {

    private static final Duration WAIT = Duration.ofSeconds(20);


    void at(String day) {
        clock.set(LocalDate.parse(day).atTime(LocalTime.of(10, 0)).atZone(CaseClock.COUNTY_ZONE).toInstant());
    }

    /** A case in {@code village} for {@code unit} due on {@code due}, whose topic's proposer is wang@huitong. */
    String caseIn(String village, String unit, String unitName, String due) {
        String topic = UUID.randomUUID().toString();
        kafka.send(kafka.topic("topics"), topic, "TopicAccepted", "/shangliang/topics-service", """
                {"topicId": "%s", "number": "YT-2026-0042", "title": "统计样例", "description": "统计样例", "themes": [], "territoryCode": "%s",
                 "level": "VILLAGE", "note": null, "acceptedAt": "2026-11-21T01:00:00Z", "proposer": "wang@huitong", "coSigners": []}
                """.formatted(topic, village));
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service", """
                {"outcomeId": "%s", "version": 1, "sessionId": "%s", "territoryCode": "%s", "agendaItemId": "%s", "topicId": "%s",
                 "topicNumber": "YT-2026-0042", "topicTitle": "统计样例", "consensus": "样例", "decisionRule": "CONSENSUS",
                 "recommendations": [{"recommendationId": "%s", "position": 1, "text": "样例建议", "unitCode": "%s", "suggestedUnit": "%s", "dueDate": "%s"}],
                 "recordedAt": "2026-12-01T02:00:00Z", "recordedBy": "organizer"}
                """.formatted(UUID.randomUUID(), session, village, UUID.randomUUID(), topic, UUID.randomUUID(), unit, unitName, due));
        return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> given().queryParam("topicId", topic).get("/api/v1/cases").then()
                .extract().<List<String>>path("items.id"), ids -> ids.size() == 1).get(0);
    }

    static void move(String token, String id, String path, String body) {
        CaseLifeTest.move(token, id, path, body).statusCode(200);
    }

    @Test
    void statistics_and_csv_match_the_hand_computed_fixture_and_the_boxes_and_board_show_the_same_cases() {
        String township = "3304210" + (10 + ThreadLocalRandom.current().nextInt(89)); // a township of the fixture's own
        String village = township + "201";
        String staff = TestTokens.as(Roles.CPPCC_STAFF, township).subject("staff@" + township).token();
        String agri = CaseLifeTest.AGRI;
        String housing = CaseLifeTest.HOUSING;
        String proposer = CaseLifeTest.PROPOSER;

        at("2026-12-01"); // Tuesday
        String a1 = caseIn(village, "agri-rural", "县农业农村局", "2026-12-31");
        String a2 = caseIn(village, "agri-rural", "县农业农村局", "2026-12-31");
        String a3 = caseIn(village, "agri-rural", "县农业农村局", "2026-12-03");
        String h1 = caseIn(village, "housing-construction", "县住房和城乡建设局", "2026-12-31");
        for (String id : List.of(a1, a2, a3)) move(agri, id, "sign", null);
        move(housing, h1, "sign", null);

        at("2026-12-02"); // H1 replied after 1 working day, D; staff close it without an evaluation
        move(housing, h1, "reply", "{\"text\": \"留作参考\", \"resolutionDegree\": \"D\"}");
        move(staff, h1, "reply/approval", null);
        move(staff, h1, "close", "{\"note\": \"提案人未评价，留作参考办结\"}");

        at("2026-12-04"); // A1 replied after 3 working days, A; the proposer is satisfied
        move(agri, a1, "reply", "{\"text\": \"已解决\", \"resolutionDegree\": \"A\"}");
        move(staff, a1, "reply/approval", null);
        move(proposer, a1, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"SATISFIED\"}");

        at("2026-12-07"); // A2 first replied after 4 working days, C; not satisfied: redo
        move(agri, a2, "reply", "{\"text\": \"暂不能解决\", \"resolutionDegree\": \"C\"}");
        move(staff, a2, "reply/approval", null);
        move(proposer, a2, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"DISSATISFIED\"}");
        // The sent-back box and the unit's boxes while A2 is redone.
        Api.as(agri).queryParam("box", "IN_PROGRESS").queryParam("township", township).get("/api/v1/cases").then().statusCode(200)
                .body("items.id", hasItem(a2)).body("items.id", hasItem(a3)).body("items.id", not(hasItem(a1)));
        Api.as(agri).queryParam("box", "OVERDUE").queryParam("township", township).get("/api/v1/cases").then()
                .body("items.id", equalTo(List.of(a3))).body("items[0].deadlineState", equalTo("OVERDUE"));

        at("2026-12-08"); // A2 replied again, B; basically satisfied
        move(agri, a2, "reply", "{\"text\": \"列入明年计划\", \"resolutionDegree\": \"B\"}");
        Api.as(staff).queryParam("box", "TO_REVIEW").get("/api/v1/cases").then().body("items.id", equalTo(List.of(a2)));
        move(staff, a2, "reply/approval", null);
        move(proposer, a2, "evaluations", "{\"attitude\": \"SATISFIED\", \"result\": \"BASICALLY_SATISFIED\"}");

        // By unit: agri-rural 3 cases, 2 closed (A, B: conversion 1.0), 2 replied on time, (3 + 4) / 2 = 3.5 working days, 1 satisfied,
        // 1 basically, 1 redo, 1 overdue (A3, due 12-03); housing 1 case, closed with D (conversion 0.0), 1 working day, no evaluation.
        Api.as(staff).queryParam("year", 2026).get("/api/v1/cases/statistics").then().statusCode(200)
                .body("territoryCode", equalTo(township)).body("groupBy", equalTo("UNIT"))
                .body("rows.code", equalTo(List.of("agri-rural", "housing-construction")))
                .body("rows[0].cases", equalTo(3)).body("rows[0].closed", equalTo(2)).body("rows[0].conversionRate", equalTo(1.0f))
                .body("rows[0].replied", equalTo(2)).body("rows[0].onTimeRate", equalTo(1.0f)).body("rows[0].averageWorkingDaysToReply", equalTo(3.5f))
                .body("rows[0].satisfied", equalTo(1)).body("rows[0].basicallySatisfied", equalTo(1)).body("rows[0].dissatisfied", equalTo(0))
                .body("rows[0].redos", equalTo(1)).body("rows[0].overdueNow", equalTo(1))
                .body("rows[1].name", equalTo("县住房和城乡建设局")).body("rows[1].conversionRate", equalTo(0.0f))
                .body("rows[1].averageWorkingDaysToReply", equalTo(1.0f)).body("rows[1].satisfied", equalTo(0))
                // In total: 4 cases, 3 closed, 2 of them A or B (0.667), 3 replied on time, (3 + 4 + 1) / 3 = 2.667 working days.
                .body("total.cases", equalTo(4)).body("total.closed", equalTo(3)).body("total.conversionRate", equalTo(0.667f))
                .body("total.onTimeRate", equalTo(1.0f)).body("total.averageWorkingDaysToReply", equalTo(2.667f)).body("total.overdueNow", equalTo(1));
        Api.as(staff).queryParam("year", 2026).queryParam("groupBy", "TOWNSHIP").get("/api/v1/cases/statistics").then()
                .body("rows.code", equalTo(List.of(township))).body("rows[0].cases", equalTo(4));

        byte[] csv = Api.as(staff).accept("text/csv").queryParam("year", 2026).get("/api/v1/cases/statistics").then().statusCode(200)
                .contentType("text/csv;charset=UTF-8").header("Content-Disposition", org.hamcrest.Matchers.containsString("case-statistics-2026-unit.csv"))
                .extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        assertEquals((byte) 0xBB, csv[1]);
        assertEquals((byte) 0xBF, csv[2]);
        List<String> lines = new String(csv, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertTrue(lines.get(0).startsWith("年度 year,分组 group,代码 code,名称 name,办理件数 cases"), lines.get(0));
        assertEquals("2026,UNIT,agri-rural,县农业农村局,3,2,1.0,2,1.0,3.5,1,1,0,1,1", lines.get(1));
        assertEquals("2026,UNIT,housing-construction,县住房和城乡建设局,1,1,0.0,1,1.0,1.0,0,0,0,0,0", lines.get(2));
        assertEquals("2026,UNIT,ALL,合计,4,3,0.667,3,1.0,2.667,1,1,0,1,1", lines.get(3));

        // The board: the township's two units, the one with an overdue case first.
        Api.as(staff).get("/api/v1/cases/board").then().statusCode(200)
                .body("unitCode", equalTo(List.of("agri-rural", "housing-construction")))
                .body("[0].overdue", equalTo(1)).body("[0].open", equalTo(1)).body("[0].byStatus.CLOSED", equalTo(2))
                .body("[1].byStatus.CLOSED", equalTo(1)).body("[1].overdue", equalTo(0));
        // Outside the caller's territory: refused.
        Api.as(staff).queryParam("year", 2026).queryParam("territory", "330421").get("/api/v1/cases/statistics").then().statusCode(403);
        Api.as(staff).queryParam("territory", "330421001").get("/api/v1/cases/board").then().statusCode(403);
        Api.as(staff).get("/api/v1/cases/statistics").then().statusCode(400);
        // The proposer's own view: their cases, closed ones included.
        Api.as(proposer).queryParam("box", "CLOSED").queryParam("township", township).get("/api/v1/cases").then()
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(a1, a2, h1));
    }

    @Test
    void a_leaders_supervision_list_holds_what_they_supervise() {
        String id = new DeadlineWatchTest().caseDueInFor(kafka, clock, 30);
        String leader = DeadlineWatchTest.LEADER;
        Api.as(leader).queryParam("box", "SUPERVISED_BY_ME").get("/api/v1/cases").then().body("items.id", not(hasItem(id)));
        CaseLifeTest.move(leader, id, "supervision", "{\"note\": \"请加快\"}").statusCode(200);
        Api.as(leader).queryParam("box", "SUPERVISED_BY_ME").get("/api/v1/cases").then().body("items.id", hasItem(id));
        Api.as(TestTokens.as(Roles.LEADER, "330421").subject("another-leader").token()).queryParam("box", "SUPERVISED_BY_ME").get("/api/v1/cases")
                .then().body("items.id", not(hasItem(id)));
        given().queryParam("box", "SOMEWHERE").get("/api/v1/cases").then().statusCode(400).body("violations[0].field", equalTo("box"));
    }
}
