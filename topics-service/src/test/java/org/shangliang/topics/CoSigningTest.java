package org.shangliang.topics;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.commons.testing.EventsTestKit.typeAndSubject;
import static org.shangliang.commons.testing.EventsTestKit.value;
import static org.shangliang.topics.Fixtures.HUIMIN_STREET;
import static org.shangliang.topics.Fixtures.topicBody;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** 联名: invitations by the proposer, one answer per person, who may co-sign, and the co-signers on TopicAccepted. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class CoSigningTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
    }

    static String person(String role, String territory, String subject, String name) {
        return TestTokens.as(role, territory).subject(subject).name(name).token();
    }

    @Test
    void invited_neighbours_confirm_or_decline_once_and_the_confirmed_travel_with_TopicAccepted() {
        String village = TopicIntakeTest.village();
        String wang = person(RESIDENT, village, "wang@" + village, "王建国");
        String li = person(RESIDENT, village, "li@" + village, "李秀英");
        String zhao = person(MEMBER, village, "zhao@" + village, "赵委员");
        String qian = person(RESIDENT, village, "qian@" + village, "钱大姐");
        String id = TopicIntakeTest.post(wang, "/api/v1/topics", topicBody(village, "村口桥梁加固")).statusCode(201).extract().path("id");

        as(li).contentType(ContentType.JSON).body("{\"subjects\": [\"zhao@" + village + "\"]}").post("/api/v1/topics/{id}/cosigners", id)
                .then().statusCode(403);
        as(wang).contentType(ContentType.JSON).body("{\"subjects\": [\"wang@" + village + "\"]}").post("/api/v1/topics/{id}/cosigners", id)
                .then().statusCode(400).body("violations.field", hasItem("subjects"));
        as(wang).contentType(ContentType.JSON)
                .body("{\"subjects\": [\"li@%s\", \"zhao@%s\", \"qian@%s\", \"li@%s\"]}".formatted(village, village, village, village))
                .post("/api/v1/topics/{id}/cosigners", id).then().statusCode(200).body("", hasSize(3))
                .body("status", equalTo(List.of("INVITED", "INVITED", "INVITED")));

        as(li).post("/api/v1/topics/{id}/cosigners/me/confirm", id).then().statusCode(200).body("status", equalTo("CONFIRMED")).body("name", equalTo("李秀英"));
        as(li).post("/api/v1/topics/{id}/cosigners/me/decline", id).then().statusCode(409).body("detail", containsString("CONFIRMED"));
        as(zhao).post("/api/v1/topics/{id}/cosigners/me/confirm", id).then().statusCode(200);
        as(qian).post("/api/v1/topics/{id}/cosigners/me/decline", id).then().statusCode(200).body("status", equalTo("DECLINED"));
        as(person(RESIDENT, village, "sun@" + village, "孙")).post("/api/v1/topics/{id}/cosigners/me/confirm", id).then().statusCode(404);

        // The proposer sees every answer; a neighbour sees the confirmed names only.
        as(wang).get("/api/v1/topics/{id}/cosigners", id).then().body("status", equalTo(List.of("CONFIRMED", "DECLINED", "CONFIRMED"))); // li, qian, zhao: invited together, in login order
        as(person(RESIDENT, village, "sun@" + village, "孙")).get("/api/v1/topics/{id}/cosigners", id).then()
                .body("name", equalTo(List.of("李秀英", "赵委员"))).body("subject", equalTo(java.util.Arrays.asList(null, null)));
        as(wang).get("/api/v1/topics/{id}/timeline", id).then().body("kind", hasItem("COSIGNED")).body("kind", hasItem("COSIGN_DECLINED"));

        String organizer = TestTokens.as(ORGANIZER, HUIMIN_STREET).token();
        as(organizer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/accept", id).then().statusCode(200);
        String accepted = value(kafka.await(kafka.topic("topics"), typeAndSubject("TopicAccepted", id), WAIT));
        Contracts.assertValid("TopicAccepted", accepted);
        JsonPath event = JsonPath.from(accepted);
        assertEquals("wang@" + village, event.getString("proposer"));
        assertEquals(List.of("li@" + village, "zhao@" + village), event.getList("coSigners"));
        assertTrue(!accepted.contains("13800000000"), "no phone numbers in events");
    }

    @Test
    void only_residents_or_members_of_the_territory_co_sign_and_a_closed_topic_takes_no_more() {
        String village = TopicIntakeTest.village();
        String other = TopicIntakeTest.village();
        String wang = person(RESIDENT, village, "wang@" + village, "王建国");
        String id = TopicIntakeTest.post(wang, "/api/v1/topics", topicBody(village, "修建村级养老服务站")).statusCode(201).extract().path("id");
        as(wang).contentType(ContentType.JSON).body("{\"subjects\": [\"far@x\", \"organizer@x\"]}").post("/api/v1/topics/{id}/cosigners", id).then().statusCode(200);
        as(person(RESIDENT, other, "far@x", "外村人")).post("/api/v1/topics/{id}/cosigners/me/confirm", id).then().statusCode(403);
        as(person(ORGANIZER, HUIMIN_STREET, "organizer@x", "组织者")).post("/api/v1/topics/{id}/cosigners/me/confirm", id).then().statusCode(403);
        String organizer = TestTokens.as(ORGANIZER, HUIMIN_STREET).token();
        as(organizer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\": \"重复\"}").post("/api/v1/topics/{id}/reject", id).then().statusCode(200);
        as(wang).contentType(ContentType.JSON).body("{\"subjects\": [\"late@x\"]}").post("/api/v1/topics/{id}/cosigners", id).then()
                .statusCode(409).body("detail", containsString("REJECTED"));
    }

    @Test
    void two_answers_at_once_leave_one_answer() throws Exception {
        String village = TopicIntakeTest.village();
        String wang = person(RESIDENT, village, "wang@" + village, "王建国");
        String li = person(RESIDENT, village, "li@" + village, "李秀英");
        String id = TopicIntakeTest.post(wang, "/api/v1/topics", topicBody(village, "河道清淤")).statusCode(201).extract().path("id");
        as(wang).contentType(ContentType.JSON).body("{\"subjects\": [\"li@" + village + "\"]}").post("/api/v1/topics/{id}/cosigners", id).then().statusCode(200);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> answers = List.of(
                    () -> as(li).post("/api/v1/topics/{id}/cosigners/me/confirm", id).statusCode(),
                    () -> as(li).post("/api/v1/topics/{id}/cosigners/me/decline", id).statusCode());
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(answers)) statuses.add(f.get());
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses, "one answer wins, the other is refused");
        } finally {
            pool.shutdown();
        }
        as(wang).get("/api/v1/topics/{id}/cosigners", id).then().body("", hasSize(1)).body("[0].answeredAt", org.hamcrest.Matchers.notNullValue());
        as(wang).get("/api/v1/topics/{id}", id).then().body("proposer.subject", equalTo("wang@" + village)).body("screeningNote", nullValue());
    }
}
