package org.shangliang.followup;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.EventsTestKit.typeAndSubject;
import static org.shangliang.commons.testing.EventsTestKit.value;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;
import org.shangliang.followup.config.CaseClock;
import org.shangliang.followup.service.CaseGauges;
import org.shangliang.followup.service.DeadlineWatch;

/**
 * Due-soon, overdue and reminders at the right moments, with the clock moved instead of slept;
 * supervision and extensions; ticks from two threads at once (as two replicas would) send each
 * notice once.
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class DeadlineWatchTest extends ClockedTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    static final String LEADER = TestTokens.as(Roles.LEADER, "330421").subject("leader-chen").name("县政协副主席 陈").token();

    @Inject DeadlineWatch watch;

    /** A case of agri-rural with a due date {@code days} from today (Beijing time), signed. */
    String caseDueIn(int days) {
        return caseDueInFor(kafka, clock, days);
    }

    String caseDueInFor(EventsTestKit kafka, CaseClock clock, int days) {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        String due = clock.today().plusDays(days).toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service",
                CaseFlowTest.outcome(session, topic, 1, UUID.randomUUID().toString()).replace("\"dueDate\": \"2027-01-31\"", "\"dueDate\": \"" + due + "\""));
        String id = org.awaitility.Awaitility.await().atMost(WAIT).until(() -> given().queryParam("topicId", topic).get("/api/v1/cases").then()
                .extract().<List<String>>path("items.id"), ids -> ids.size() == 1).get(0);
        CaseLifeTest.move(CaseLifeTest.AGRI, id, "sign", null).statusCode(200).body("dueDate", equalTo(due));
        return id;
    }

    /** One tick that ran here (a tick held by the periodic one is tried again: after ours, everything before is committed). */
    void tick() throws InterruptedException {
        while (watch.tick() < 0) Thread.sleep(50);
    }

    int reminders(String id) {
        return given().get("/api/v1/cases/{id}", id).then().extract().path("reminderCount");
    }

    @Test
    void due_soon_then_overdue_then_reminded_again_each_once() throws Exception {
        String id = caseDueIn(5);
        tick();
        given().get("/api/v1/cases/{id}", id).then().body("deadlineState", equalTo("ON_TRACK")).body("reminderCount", equalTo(0));

        clock.advance(Duration.ofDays(2)); // three days left: yellow
        tick();
        tick();
        given().get("/api/v1/cases/{id}", id).then().body("deadlineState", equalTo("DUE_SOON")).body("reminderCount", equalTo(1));
        ConsumerRecord<String, byte[]> dueSoon = kafka.await(kafka.topic("followup"), typeAndSubject("CaseDueSoon", id), WAIT);
        Contracts.assertValid("CaseDueSoon", value(dueSoon));
        Contracts.assertValid("CaseReminded", value(kafka.await(kafka.topic("followup"), typeAndSubject("CaseReminded", id), WAIT)));

        clock.advance(Duration.ofDays(4)); // one day past: red
        tick();
        given().get("/api/v1/cases/{id}", id).then().body("deadlineState", equalTo("OVERDUE")).body("reminderCount", equalTo(2));
        Contracts.assertValid("CaseOverdue", value(kafka.await(kafka.topic("followup"), typeAndSubject("CaseOverdue", id), WAIT)));
        clock.advance(Duration.ofDays(3));
        tick();
        assertEquals(2, reminders(id), "not again before remind-every-days");
        clock.advance(Duration.ofDays(4)); // seven days after the overdue reminder
        tick();
        assertEquals(3, reminders(id));
        given().get("/api/v1/cases/{id}/history", id).then()
                .body("findAll { it.kind == 'REMINDED' }.summary", equalTo(List.of(
                        "临期催办：距办理时限 " + LocalDate.parse(dueDate(id)) + " 还有 3 天", "逾期催办：办理时限 " + dueDate(id) + " 已过", "再次催办：已逾期 8 天")));
        assertEquals(1, kafka.read(kafka.topic("followup"), typeAndSubject("CaseDueSoon", id), 5, Duration.ofSeconds(2)).size(), "one due-soon notice");

        // A reply stops the clock: no more reminders.
        CaseLifeTest.move(CaseLifeTest.AGRI, id, "reply", "{\"text\": \"已办理\", \"resolutionDegree\": \"A\"}").statusCode(200).body("deadlineState", equalTo("NONE"));
        clock.advance(Duration.ofDays(10));
        tick();
        assertEquals(3, reminders(id));
    }

    @Test
    void the_gauges_count_a_units_overdue_due_soon_and_unsigned_cases() throws Exception {
        // A unit of this test's own, so that its figures are exact whatever other tests left behind.
        String unit = org.shangliang.commons.testing.DirectoryFixtures.unit(kafka, copy, "gauges-" + UUID.randomUUID().toString().substring(0, 8), "统计测试单位", false);
        String clerk = TestTokens.as(Roles.HANDLER, "330421").unit(unit).subject("clerk@" + unit).token();
        String dueSoon = caseOf(unit, 2);
        CaseLifeTest.move(clerk, dueSoon, "sign", null).statusCode(200);
        caseOf(unit, 30); // assigned, not signed for
        assertEquals(new CaseGauges.UnitFigures(unit, 0, 1, 1), figures(unit));
        assertTrue(scraped("shangliang_cases_due_soon", unit).endsWith(" 1.0"), scraped("shangliang_cases_due_soon", unit));

        clock.advance(Duration.ofDays(3)); // the signed one is a day past its deadline
        assertEquals(new CaseGauges.UnitFigures(unit, 1, 0, 1), figures(unit));
        assertTrue(scraped("shangliang_cases_overdue", unit).endsWith(" 1.0"), scraped("shangliang_cases_overdue", unit));
        assertTrue(scraped("shangliang_cases_awaiting_signature", unit).endsWith(" 1.0"), scraped("shangliang_cases_awaiting_signature", unit));
    }

    @Inject CaseGauges gauges;

    private CaseGauges.UnitFigures figures(String unit) {
        return gauges.refresh().stream().filter(f -> f.unit().equals(unit)).findFirst().orElse(new CaseGauges.UnitFigures(unit, 0, 0, 0));
    }

    /** The line of {@code metric} for {@code unit} in the Prometheus scrape. */
    private static String scraped(String metric, String unit) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(l -> l.startsWith(metric + "{") && l.contains("unit=\"" + unit + "\"")).findFirst().orElse("(none)");
    }

    /** A case opened for {@code unit} with a due date {@code days} from today, assigned (not signed for). */
    private String caseOf(String unit, int days) {
        String topic = UUID.randomUUID().toString();
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "OutcomeRecorded", "/shangliang/sessions-service",
                CaseFlowTest.outcome(session, topic, 1, UUID.randomUUID().toString())
                        .replace("\"dueDate\": \"2027-01-31\"", "\"dueDate\": \"" + clock.today().plusDays(days) + "\"")
                        .replace("\"unitCode\": \"agri-rural\"", "\"unitCode\": \"" + unit + "\""));
        return org.awaitility.Awaitility.await().atMost(WAIT).until(() -> given().queryParam("topicId", topic).get("/api/v1/cases").then()
                .extract().<List<String>>path("items.id"), ids -> ids.size() == 1).get(0);
    }

    static String dueDate(String id) {
        return given().get("/api/v1/cases/{id}", id).then().extract().path("dueDate");
    }

    @Test
    void ticks_from_two_replicas_at_once_send_each_notice_once() throws Exception {
        List<String> ids = List.of(caseDueIn(1), caseDueIn(2), caseDueIn(0));
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> ticks = new ArrayList<>();
            for (int i = 0; i < 10; i++) ticks.add(watch::tick);
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : two.invokeAll(ticks)) results.add(f.get());
            assertTrue(results.stream().anyMatch(r -> r >= 0), "some tick ran: " + results);
        } finally {
            two.shutdown();
        }
        tick();
        for (String id : ids) {
            assertEquals(1, reminders(id), "one reminder for " + id);
            assertEquals(1, kafka.read(kafka.topic("followup"), typeAndSubject("CaseDueSoon", id), 5, Duration.ofSeconds(2)).size(), "one CaseDueSoon for " + id);
        }
    }

    @Test
    void a_leader_supervises_with_a_tighter_deadline_and_staff_remind() throws Exception {
        String id = caseDueIn(30);
        String tighter = clock.today().plusDays(10).toString();
        CaseLifeTest.move(CaseLifeTest.ORGANIZER, id, "supervision", "{\"note\": \"请加快\"}").statusCode(403);
        CaseLifeTest.move(LEADER, id, "supervision", "{\"note\": \"请加快\", \"dueDate\": \"" + clock.today().plusDays(40) + "\"}").statusCode(422)
                .body("violations[0].field", equalTo("dueDate"));
        CaseLifeTest.move(LEADER, id, "supervision", "{\"note\": \"确权关系群众切身利益，请于十日内办结\", \"dueDate\": \"" + tighter + "\"}").statusCode(200)
                .body("deadline", equalTo(tighter)).body("supervision.supervisor", equalTo("县政协副主席 陈")).body("supervision.dueDate", equalTo(tighter));
        Contracts.assertValid("CaseSupervised", value(kafka.await(kafka.topic("followup"), typeAndSubject("CaseSupervised", id), WAIT)));
        // The watch follows the tighter deadline.
        clock.advance(Duration.ofDays(8));
        tick();
        given().get("/api/v1/cases/{id}", id).then().body("deadlineState", equalTo("DUE_SOON")).body("reminderCount", equalTo(1));

        CaseLifeTest.move(CaseLifeTest.AGRI, id, "reminders", "{\"note\": \"x\"}").statusCode(403);
        CaseLifeTest.move(CaseLifeTest.STAFF, id, "reminders", "{\"note\": \"请于本周内报送办理进展\"}").statusCode(200).body("reminderCount", equalTo(2));
        Contracts.assertValid("CaseReminded", value(kafka.await(kafka.topic("followup"),
                r -> typeAndSubject("CaseReminded", id).test(r) && new String(r.value(), java.nio.charset.StandardCharsets.UTF_8).contains("MANUAL"), WAIT)));
    }

    @Test
    void an_extension_asked_by_the_unit_and_approved_by_staff_moves_the_deadline_and_rearms_the_notices() throws Exception {
        String id = caseDueIn(2);
        tick();
        assertEquals(1, reminders(id)); // due soon
        String due = dueDate(id);
        Api.as(CaseLifeTest.NATURAL).contentType(ContentType.JSON).body("{\"workingDays\": 10, \"reason\": \"x\"}").post("/api/v1/cases/{id}/extension-requests", id).then().statusCode(404);
        Api.as(CaseLifeTest.AGRI).contentType(ContentType.JSON).body("{\"reason\": \"测绘需待雨季过后\"}").post("/api/v1/cases/{id}/extension-requests", id).then().statusCode(422);
        Api.as(CaseLifeTest.AGRI).contentType(ContentType.JSON).body("{\"dueDate\": \"" + due + "\", \"reason\": \"x\"}").post("/api/v1/cases/{id}/extension-requests", id).then().statusCode(422);
        String expected = given().queryParam("from", due).queryParam("workingDays", 10).get("/api/v1/working-calendar/deadline").then().extract().path("dueDate");
        String request = Api.as(CaseLifeTest.AGRI).contentType(ContentType.JSON).body("{\"workingDays\": 10, \"reason\": \"测绘需待雨季过后\"}")
                .post("/api/v1/cases/{id}/extension-requests", id).then().statusCode(201)
                .body("status", equalTo("PENDING")).body("requestedDueDate", equalTo(expected)).extract().path("id");
        Api.as(CaseLifeTest.AGRI).contentType(ContentType.JSON).body("{\"workingDays\": 5, \"reason\": \"再申请\"}")
                .post("/api/v1/cases/{id}/extension-requests", id).then().statusCode(409);
        Api.as(CaseLifeTest.AGRI).contentType(ContentType.JSON).body("{\"approve\": true}")
                .post("/api/v1/cases/{id}/extension-requests/{r}/decision", id, request).then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"approve\": true, \"note\": \"同意\"}")
                .post("/api/v1/cases/{id}/extension-requests/{r}/decision", id, request).then().statusCode(200).body("status", equalTo("APPROVED"));
        given().contentType(ContentType.JSON).body("{\"approve\": false}")
                .post("/api/v1/cases/{id}/extension-requests/{r}/decision", id, request).then().statusCode(409);
        given().get("/api/v1/cases/{id}", id).then().body("dueDate", equalTo(expected)).body("deadlineState", equalTo("ON_TRACK"));
        Contracts.assertValid("CaseExtended", value(kafka.await(kafka.topic("followup"), typeAndSubject("CaseExtended", id), WAIT)));
        given().get("/api/v1/cases/{id}/history", id).then().body("kind", hasItem("EXTENDED")).body("summary", hasItem(containsString(due + " → " + expected)));

        // Near the new date, a new due-soon notice goes out.
        clock.advance(Duration.ofDays(java.time.temporal.ChronoUnit.DAYS.between(clock.today(), LocalDate.parse(expected)) - 1));
        tick();
        assertEquals(2, reminders(id));
        assertEquals(2, kafka.read(kafka.topic("followup"), typeAndSubject("CaseDueSoon", id), 5, Duration.ofSeconds(2)).size());
    }
}
