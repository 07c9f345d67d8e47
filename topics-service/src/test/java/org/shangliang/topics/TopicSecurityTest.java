package org.shangliang.topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.GRID_WORKER;
import static org.shangliang.commons.security.Roles.HANDLER;
import static org.shangliang.commons.security.Roles.INTEGRATION;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.topics.Fixtures.HUIMIN_STREET;
import static org.shangliang.topics.Fixtures.JIASHAN;
import static org.shangliang.topics.Fixtures.WEITANG_STREET;
import static org.shangliang.topics.Fixtures.topicBody;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** Who may do what to which topic: tokens, the role matrix, territories, personal data, supports, audit. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class TopicSecurityTest {

    /** Huitong village (惠通村) under Huimin street; a village under Weitang street. */
    static final String HUITONG = HUIMIN_STREET + "201";
    static final String WEITANG_VILLAGE = WEITANG_STREET + "002";

    static final String STAFF = TestTokens.as(CPPCC_STAFF, JIASHAN).token();
    static final String HUIMIN_ORGANIZER = TestTokens.as(ORGANIZER, HUIMIN_STREET).name("惠民街道联络室").token();
    static final String WEITANG_ORGANIZER = TestTokens.as(ORGANIZER, WEITANG_STREET).token();
    static final String VILLAGER_WANG = TestTokens.as(RESIDENT, HUITONG).subject("wang@huitong").name("王建国").token();
    static final String VILLAGER_LI = TestTokens.as(RESIDENT, HUITONG).subject("li@huitong").name("李秀英").token();
    static final String VILLAGER_ZHAO = TestTokens.as(RESIDENT, WEITANG_VILLAGE).subject("zhao@weitang").name("赵刚").token();
    static final String HUIMIN_SYSTEM = TestTokens.as(INTEGRATION, HUIMIN_STREET).subject("huimin-system").token();
    static final String HANDLER_AGRI = TestTokens.as(HANDLER, JIASHAN).unit("agri-rural").token();
    static final String SECRETARY = TestTokens.as(LEADER, JIASHAN).token();

    @Inject EntityManager em;

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
        Fixtures.inDirectory(WEITANG_VILLAGE, "魏塘测试村");
    }

    /** A village of the township (between 300 and 999, clear of the seeded ones), added to the directory. */
    static String village(String township) {
        return Fixtures.freshArea(township);
    }

    static String submitAs(String token, String territory) {
        return as(token).contentType(ContentType.JSON).body(topicBody(territory, "村道提升改造"))
                .post("/api/v1/topics").then().statusCode(201).extract().path("id");
    }

    // --- tokens -------------------------------------------------------------------------

    @Test
    void no_token_is_401_problem_with_a_bearer_challenge() {
        given().get("/api/v1/topics").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
    }

    @Test
    void every_bad_token_is_401() {
        Map<String, String> bad = Map.of(
                "expired", TestTokens.as(CPPCC_STAFF, JIASHAN).lifetime(-120).token(),
                "wrongly signed", TestTokens.as(CPPCC_STAFF, JIASHAN).signedBy(TestTokens.strangerKeys().getPrivate()).token(),
                "wrong issuer", TestTokens.as(CPPCC_STAFF, JIASHAN).issuer("https://evil.example").token(),
                "wrong audience", TestTokens.as(CPPCC_STAFF, JIASHAN).audience("another-app").token(),
                "alg none", TestTokens.as(CPPCC_STAFF, JIASHAN).unsigned().token(),
                "garbage", "not.a.jwt");
        bad.forEach((what, token) -> as(token).get("/api/v1/topics").then()
                .statusCode(401).contentType("application/problem+json"));
        // and the same claims, properly signed, are fine
        as(STAFF).get("/api/v1/topics").then().statusCode(200);
    }

    /** Verified tokens are kept (VerifiedTokens), but never past their exp, and only byte for byte. */
    @Test
    void a_token_accepted_and_kept_is_refused_once_it_expires_and_its_claims_with_another_signature_never() throws Exception {
        String shortLived = TestTokens.as(CPPCC_STAFF, JIASHAN).lifetime(2).token(); // the test profile allows 1 s of clock skew
        as(shortLived).get("/api/v1/topics").then().statusCode(200);
        as(shortLived).get("/api/v1/topics").then().statusCode(200); // the second use is served from the cache
        String signingInput = shortLived.substring(0, shortLived.lastIndexOf('.'));
        java.security.Signature stranger = java.security.Signature.getInstance("SHA256withRSA");
        stranger.initSign(TestTokens.strangerKeys().getPrivate());
        stranger.update(signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        String forged = signingInput + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(stranger.sign());
        as(forged).get("/api/v1/topics").then().statusCode(401).contentType("application/problem+json");
        Thread.sleep(3_100);
        as(shortLived).get("/api/v1/topics").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void health_openapi_and_swagger_ui_stay_open() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200).body(containsString("bearer"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    // --- the role matrix -------------------------------------------------------------------

    @Test
    void role_matrix_every_endpoint_every_role() {
        String[] all = Roles.ALL;
        String planTownship = Fixtures.unusedCode(JIASHAN); // plans are one per year and territory: a township of this run's own
        Fixtures.inDirectory(planTownship, "矩阵计划镇");
        // Everyone acts county-wide here, so only the role decides; territories are tested below.
        for (String role : all) {
            String token = TestTokens.as(role, JIASHAN).subject(role + "-matrix").token();
            String mine = submitOrNull(token);
            String other = submitAs(STAFF, village(HUIMIN_STREET));
            List<String> submitters = List.of(RESIDENT, MEMBER, GRID_WORKER, ORGANIZER, CPPCC_STAFF, INTEGRATION);
            assertEquals(submitters.contains(role), mine != null, role + " submit");
            expect(role, as(token).get("/api/v1/topics").statusCode(), true, "list");
            expect(role, as(token).get("/api/v1/topics/{id}", other).statusCode(),
                    List.of(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER, INTEGRATION).contains(role), "read a SUBMITTED topic of another");
            expect(role, as(token).get("/api/v1/topics/{id}/timeline", other).statusCode(),
                    List.of(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER, INTEGRATION).contains(role), "timeline of another's SUBMITTED topic");
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"title\":\"改\",\"description\":\"改\"}")
                    .put("/api/v1/topics/{id}", other).statusCode(), List.of(ORGANIZER, CPPCC_STAFF).contains(role), "edit another's topic");
            expect(role, as(token).multiPart("file", "现场.jpg", AttachmentTest.jpeg(64), "image/jpeg").post("/api/v1/topics/{id}/attachments", other).statusCode(),
                    List.of(ORGANIZER, CPPCC_STAFF).contains(role), "attach a file to another's topic");
            expect(role, as(token).get("/api/v1/topics/{id}/attachments", other).statusCode(),
                    List.of(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER, INTEGRATION).contains(role), "list another's SUBMITTED topic's attachments");
            if (mine != null) {
                String attached = as(token).multiPart("file", "mine.pdf", AttachmentTest.pdf(), "application/pdf").post("/api/v1/topics/{id}/attachments", mine)
                        .then().statusCode(201).extract().path("id");
                expect(role, as(token).get("/api/v1/topics/{id}/attachments/{a}/content", mine, attached).statusCode(), true, "download their own topic's attachment");
            }
            String acceptable = submitAs(STAFF, village(HUIMIN_STREET));
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}")
                    .post("/api/v1/topics/{id}/accept", acceptable).statusCode(), List.of(ORGANIZER, CPPCC_STAFF).contains(role), "accept");
            String rejectable = submitAs(STAFF, village(HUIMIN_STREET));
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\":\"重复\"}")
                    .post("/api/v1/topics/{id}/reject", rejectable).statusCode(), List.of(ORGANIZER, CPPCC_STAFF).contains(role), "reject");
            String supportable = submitAs(STAFF, village(HUIMIN_STREET));
            as(STAFF).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/accept", supportable).then().statusCode(200);
            expect(role, as(token).post("/api/v1/topics/{id}/supports", supportable).statusCode(), List.of(RESIDENT, MEMBER).contains(role), "support");
            expect(role, as(token).get("/api/v1/audit").statusCode(), List.of(CPPCC_STAFF, LEADER).contains(role), "read audit");
            String convertible = submitAs(STAFF, village(HUIMIN_STREET));
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"note\":\"转部门\"}")
                    .post("/api/v1/topics/{id}/convert", convertible).statusCode(), List.of(ORGANIZER, CPPCC_STAFF).contains(role), "convert");
            expect(role, as(token).get("/api/v1/topics/screening-queue").statusCode(), List.of(ORGANIZER, CPPCC_STAFF).contains(role), "read the screening queue");
            expect(role, as(token).get("/api/v1/topics/{id}/cosigners", other).statusCode(),
                    List.of(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER, INTEGRATION).contains(role), "co-signers of another's SUBMITTED topic");
            expect(role, as(token).post("/api/v1/topics/{id}/cosigners/me/confirm", other).statusCode(), false, "co-sign without an invitation");
            expect(role, as(token).contentType(ContentType.JSON).body("{\"subjects\": [\"x@y\"]}").post("/api/v1/topics/{id}/cosigners", other).statusCode(),
                    false, "invite co-signers to another's topic");
            boolean screener = List.of(ORGANIZER, CPPCC_STAFF).contains(role);
            String sendable = submitAs(STAFF, village(HUIMIN_STREET));
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                    .body("{\"toTerritory\": \"" + HUIMIN_STREET + "\", \"reason\": \"上报\"}").post("/api/v1/topics/{id}/hops", sendable).statusCode(),
                    screener, "send a topic to another level");
            expect(role, as(token).get("/api/v1/topics/{id}/hops", sendable).statusCode(),
                    List.of(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER, INTEGRATION).contains(role), "read a topic's hops");
            expect(role, as(token).header("If-Match", "\"1\"").post("/api/v1/topics/{id}/hops/pending/accept", sendable).statusCode(), screener, "take a topic sent to one's level");
            expect(role, as(token).get("/api/v1/topics/incoming-hops").statusCode(), screener, "read what was sent to one's level");
            expect(role, as(token).queryParam("territory", HUIMIN_STREET).get("/api/v1/topics/changes").statusCode(),
                    List.of(ORGANIZER, CPPCC_STAFF, LEADER, GRID_WORKER, INTEGRATION).contains(role), "sync a territory's topics (change feed)");
            expect(role, as(token).get("/api/v1/webhooks").statusCode(), INTEGRATION.equals(role), "list its webhook subscriptions");
            // An integration gets past the role to the URL check (an internal address: 422); everyone else stops at the role.
            assertEquals(INTEGRATION.equals(role) ? 422 : 403, as(token).contentType(ContentType.JSON)
                    .body("{\"callbackUrl\": \"https://10.0.0.1/\", \"eventTypes\": [\"TopicAccepted\"]}").post("/api/v1/webhooks").statusCode(),
                    role + " subscribe a webhook");
            String mergeable = submitAs(STAFF, village(HUIMIN_STREET));
            String into = submitAs(STAFF, village(HUIMIN_STREET));
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"into\": \"" + into + "\", \"note\": \"合并\"}")
                    .post("/api/v1/topics/{id}/merge", mergeable).statusCode(), screener, "merge a topic into another");
            // Withdrawal is the proposer's alone, staff included; a draft is submitted by its author.
            expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\":\"撤回\"}")
                    .post("/api/v1/topics/{id}/withdraw", other).statusCode(), false, "withdraw another's topic");
            if (mine != null) {
                expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"reason\":\"撤回\"}")
                        .post("/api/v1/topics/{id}/withdraw", mine).statusCode(), true, "withdraw their own topic");
                String draft = as(token).contentType(ContentType.JSON).body(topicBody(village(HUIMIN_STREET), "草稿").replace("\"channel\"", "\"draft\": true, \"channel\""))
                        .post("/api/v1/topics").then().statusCode(201).extract().path("id");
                expect(role, as(STAFF).header("If-Match", "\"0\"").post("/api/v1/topics/{id}/submit", draft).statusCode(), false, "staff submit another's draft");
                expect(role, as(token).header("If-Match", "\"0\"").post("/api/v1/topics/{id}/submit", draft).statusCode(), true, "submit their own draft");
            }
            directoryRow(role, token);
            planRow(role, token, planTownship, 2000 + java.util.Arrays.asList(all).indexOf(role));
            serviceDayRow(role, token);
        }
    }

    /** 双联: a member records their own service day, the office records for any; staff of the territory read the report. */
    private static void serviceDayRow(String role, String roleToken) {
        // Logins are unique in the directory: a fresh one per run; the member acts under it.
        String login = (MEMBER.equals(role) ? "member-matrix-" : "someone-else-") + UUID.randomUUID();
        String token = MEMBER.equals(role) ? TestTokens.as(MEMBER, JIASHAN).subject(login).token() : roleToken;
        String member = as(STAFF).contentType(ContentType.JSON).body("{\"name\": \"矩阵委员\", \"sector\": \"农业界\", \"gridCode\": \"%s\", \"subject\": \"%s\"}"
                .formatted(Fixtures.freshVillage(), login)).post("/api/v1/directory/members").then().statusCode(201).extract().path("id");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        expect(role, as(token).contentType(ContentType.JSON).body("{\"kind\": \"FORUM\", \"occurredOn\": \"%s\", \"summary\": \"议事\"}".formatted(today))
                .post("/api/v1/service-days/members/{id}", member).statusCode(), List.of(MEMBER, CPPCC_STAFF).contains(role), "record a member's service day");
        expect(role, as(token).get("/api/v1/service-days/members/{id}", member).statusCode(),
                List.of(MEMBER, CPPCC_STAFF, LEADER, ORGANIZER).contains(role), "read a member's service days");
        expect(role, as(token).queryParam("territory", JIASHAN).get("/api/v1/service-days/report").statusCode(),
                List.of(CPPCC_STAFF, LEADER, ORGANIZER).contains(role), "read the service-day report");
    }

    /** The annual plan: drafted by cppcc_staff, approved by a leader, drafts seen by both, published plans by everyone. */
    private static void planRow(String role, String token, String township, int year) {
        String body = "{\"year\": %d, \"territoryCode\": \"%s\", \"title\": \"矩阵计划\"}";
        expect(role, as(token).contentType(ContentType.JSON).body(body.formatted(year + 50, township)).post("/api/v1/plans").statusCode(),
                CPPCC_STAFF.equals(role), "start a plan");
        String plan = as(STAFF).contentType(ContentType.JSON).body(body.formatted(year, township)).post("/api/v1/plans").then().statusCode(201).extract().path("id");
        expect(role, as(token).get("/api/v1/plans").statusCode(), true, "list plans");
        expect(role, as(token).get("/api/v1/plans/{id}", plan).statusCode(), List.of(CPPCC_STAFF, LEADER).contains(role), "read a draft plan");
        String topic = submitAs(STAFF, township);
        as(STAFF).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/accept", topic).then().statusCode(200);
        expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"items\": [{\"topicId\": \"" + topic + "\"}]}")
                .put("/api/v1/plans/{id}/items", plan).statusCode(), CPPCC_STAFF.equals(role), "set a plan's topics");
        if (!CPPCC_STAFF.equals(role)) {
            as(STAFF).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"items\": [{\"topicId\": \"" + topic + "\"}]}")
                    .put("/api/v1/plans/{id}/items", plan).then().statusCode(200);
        }
        expect(role, as(token).header("If-Match", "\"1\"").post("/api/v1/plans/{id}/approve", plan).statusCode(), LEADER.equals(role), "approve a plan");
        if (!LEADER.equals(role)) {
            as(TestTokens.as(LEADER, JIASHAN).token()).header("If-Match", "\"1\"").post("/api/v1/plans/{id}/approve", plan).then().statusCode(200);
        }
        expect(role, as(token).header("If-Match", "\"2\"").post("/api/v1/plans/{id}/publish", plan).statusCode(), CPPCC_STAFF.equals(role), "publish a plan");
        if (!CPPCC_STAFF.equals(role)) as(STAFF).header("If-Match", "\"2\"").post("/api/v1/plans/{id}/publish", plan).then().statusCode(200);
        expect(role, as(token).get("/api/v1/plans/{id}", plan).statusCode(), true, "read a published plan");
        expect(role, as(token).get("/api/v1/plans/{id}/statistics", plan).statusCode(), true, "read a plan's statistics");
        expect(role, as(token).get("/api/v1/plans/{id}/amendments", plan).statusCode(), true, "read a plan's amendments");
    }

    /** The directory: every endpoint read by everyone signed in, changed by cppcc_staff only. */
    private static void directoryRow(String role, String token) {
        boolean staff = CPPCC_STAFF.equals(role);
        for (String path : List.of("/api/v1/directory/territories", "/api/v1/directory/territories/330421003", "/api/v1/directory/units",
                "/api/v1/directory/units/agri-rural", "/api/v1/directory/members", "/api/v1/directory/service-teams")) {
            expect(role, as(token).get(path).statusCode(), true, "read " + path);
        }
        String code = Fixtures.unusedCode(Fixtures.usableVillage(WEITANG_STREET));
        expect(role, as(token).contentType(ContentType.JSON).body("{\"code\": \"%s\", \"name\": \"矩阵网格\"}".formatted(code))
                .post("/api/v1/directory/territories").statusCode(), staff, "add a territory");
        Fixtures.inDirectory(code, "矩阵网格");
        expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\": \"矩阵网格改\"}")
                .put("/api/v1/directory/territories/{c}", code).statusCode(), staff, "rename a territory");
        String unit = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        expect(role, as(token).contentType(ContentType.JSON).body("{\"code\": \"%s\", \"name\": \"矩阵局\", \"territoryCode\": \"330421\"}".formatted(unit))
                .post("/api/v1/directory/units").statusCode(), staff, "add a unit");
        String member = as(STAFF).contentType(ContentType.JSON).body("{\"name\": \"矩阵委员\", \"sector\": \"无党派\", \"gridCode\": \"%s\"}".formatted(code))
                .post("/api/v1/directory/members").then().statusCode(201).extract().path("id");
        expect(role, as(token).get("/api/v1/directory/members/{id}", member).statusCode(), true, "read a member");
        expect(role, as(token).contentType(ContentType.JSON).body("{\"name\": \"矩阵委员二\", \"sector\": \"无党派\"}")
                .post("/api/v1/directory/members").statusCode(), staff, "add a member");
        expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\": \"改名\", \"sector\": \"无党派\", \"gridCode\": \"%s\"}".formatted(code))
                .put("/api/v1/directory/members/{id}", member).statusCode(), staff, "update a member");
        String team = as(STAFF).contentType(ContentType.JSON).body("{\"name\": \"矩阵服务组\", \"sector\": \"无党派\", \"townshipCode\": \"330421001\"}")
                .post("/api/v1/directory/service-teams").then().statusCode(201).extract().path("id");
        expect(role, as(token).get("/api/v1/directory/service-teams/{id}", team).statusCode(), true, "read a service team");
        expect(role, as(token).contentType(ContentType.JSON).body("{\"name\": \"矩阵服务组二\", \"sector\": \"无党派\", \"townshipCode\": \"330421001\"}")
                .post("/api/v1/directory/service-teams").statusCode(), staff, "add a service team");
        expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\": \"改\", \"sector\": \"无党派\", \"townshipCode\": \"330421001\"}")
                .put("/api/v1/directory/service-teams/{id}", team).statusCode(), staff, "update a service team");
        String retireVersion = staff ? "\"1\"" : "\"0\"";
        expect(role, as(token).header("If-Match", retireVersion).post("/api/v1/directory/members/{id}/retire", member).statusCode(), staff, "retire a member");
        expect(role, as(token).header("If-Match", retireVersion).post("/api/v1/directory/service-teams/{id}/retire", team).statusCode(), staff, "retire a service team");
        expect(role, as(token).header("If-Match", retireVersion).post("/api/v1/directory/territories/{c}/retire", code).statusCode(), staff, "retire a territory");
        String ownUnit = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
        as(STAFF).contentType(ContentType.JSON).body("{\"code\": \"%s\", \"name\": \"矩阵局\", \"territoryCode\": \"330421\"}".formatted(ownUnit))
                .post("/api/v1/directory/units").then().statusCode(201);
        expect(role, as(token).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"name\": \"改名局\"}")
                .put("/api/v1/directory/units/{c}", ownUnit).statusCode(), staff, "rename a unit");
        expect(role, as(token).header("If-Match", retireVersion).post("/api/v1/directory/units/{c}/retire", ownUnit).statusCode(), staff, "retire a unit");
    }

    private static String submitOrNull(String token) {
        var r = as(token).contentType(ContentType.JSON).body(topicBody(village(HUIMIN_STREET), "矩阵测试")).post("/api/v1/topics");
        if (r.statusCode() == 201) return r.path("id");
        assertTrue(r.statusCode() == 403, "submit refused with 403, got " + r.statusCode());
        return null;
    }

    private static void expect(String role, int status, boolean allowed, String what) {
        if (allowed) assertTrue(status >= 200 && status < 300, role + " may " + what + " but got " + status);
        else assertTrue(status == 403 || status == 404, role + " may not " + what + " but got " + status);
    }

    // --- territories and owners ---------------------------------------------------------------

    @Test
    void an_organizer_cannot_screen_a_topic_of_another_township_and_does_not_learn_it_exists() {
        String weitangTopic = submitAs(STAFF, village(WEITANG_STREET));
        as(HUIMIN_ORGANIZER).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}")
                .post("/api/v1/topics/{id}/accept", weitangTopic).then().statusCode(404).contentType("application/problem+json");
        as(HUIMIN_ORGANIZER).get("/api/v1/topics/{id}", weitangTopic).then().statusCode(404);
        as(HUIMIN_ORGANIZER).queryParam("territory", WEITANG_STREET).get("/api/v1/topics").then().statusCode(200)
                .body("items.id", not(hasItem(weitangTopic)));
        as(WEITANG_ORGANIZER).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}")
                .post("/api/v1/topics/{id}/accept", weitangTopic).then().statusCode(200);
    }

    @Test
    void once_accepted_a_topic_is_public_but_still_only_its_township_screens_it() {
        String weitangTopic = submitAs(STAFF, village(WEITANG_STREET));
        as(WEITANG_ORGANIZER).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}")
                .post("/api/v1/topics/{id}/accept", weitangTopic).then().statusCode(200);
        as(HUIMIN_ORGANIZER).get("/api/v1/topics/{id}", weitangTopic).then().statusCode(200);
        as(VILLAGER_LI).get("/api/v1/topics/{id}", weitangTopic).then().statusCode(200).body("proposer", nullValue());
        as(HUIMIN_ORGANIZER).contentType(ContentType.JSON).header("If-Match", "\"1\"").body("{\"reason\":\"x\"}")
                .post("/api/v1/topics/{id}/reject", weitangTopic).then().statusCode(403).contentType("application/problem+json");
    }

    /** The list's visibility rule is simplified by the status filter (TopicRepository): it must still be canSee. */
    @Test
    void a_status_filter_never_widens_what_a_list_shows() {
        String wangs = submitAs(VILLAGER_WANG, HUITONG);
        for (String status : List.of("SUBMITTED", "REJECTED", "ACCEPTED", "WITHDRAWN", "CONVERTED", "DRAFT")) {
            as(VILLAGER_ZHAO).queryParam("status", status).queryParam("limit", 100).get("/api/v1/topics")
                    .then().statusCode(200).body("items.id", not(hasItem(wangs)));
            if (!status.equals("SUBMITTED")) {
                as(VILLAGER_LI).queryParam("status", status).queryParam("limit", 100).get("/api/v1/topics")
                        .then().statusCode(200).body("items.id", not(hasItem(wangs)));
            }
            as(WEITANG_ORGANIZER).queryParam("status", status).queryParam("limit", 100).get("/api/v1/topics")
                    .then().statusCode(200).body("items.id", not(hasItem(wangs)));
        }
        as(VILLAGER_WANG).queryParam("status", "SUBMITTED").queryParam("limit", 100).get("/api/v1/topics")
                .then().statusCode(200).body("items.id", hasItem(wangs));
        as(HUIMIN_ORGANIZER).queryParam("status", "SUBMITTED").queryParam("limit", 100).get("/api/v1/topics")
                .then().statusCode(200).body("items.id", hasItem(wangs));
        as(VILLAGER_LI).queryParam("status", "SUBMITTED").queryParam("limit", 100).get("/api/v1/topics")
                .then().statusCode(200).body("items.status", everyItem(equalTo("SUBMITTED"))).body("items.id", hasItem(wangs));
    }

    @Test
    void a_resident_changes_only_their_own_topics_and_submits_only_in_their_village() {
        String wangs = submitAs(VILLAGER_WANG, HUITONG);
        as(VILLAGER_WANG).get("/api/v1/topics/{id}", wangs).then().statusCode(200).body("channel", equalTo("RESIDENT"))
                .body("proposer.subject", equalTo("wang@huitong"));
        // A fellow villager sees it (to support it) but does not change it; a villager elsewhere does not see it.
        as(VILLAGER_LI).get("/api/v1/topics/{id}", wangs).then().statusCode(200).body("proposer", nullValue());
        as(VILLAGER_LI).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"title\":\"改\",\"description\":\"改\"}")
                .put("/api/v1/topics/{id}", wangs).then().statusCode(403);
        as(VILLAGER_ZHAO).get("/api/v1/topics/{id}", wangs).then().statusCode(404);
        as(VILLAGER_ZHAO).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"title\":\"改\",\"description\":\"改\"}")
                .put("/api/v1/topics/{id}", wangs).then().statusCode(404);
        as(VILLAGER_WANG).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"title\":\"村道提升改造（补充）\",\"description\":\"补充说明\"}")
                .put("/api/v1/topics/{id}", wangs).then().statusCode(200).body("title", equalTo("村道提升改造（补充）"));
        as(VILLAGER_WANG).contentType(ContentType.JSON).body(topicBody(village(WEITANG_STREET), "别村的事")).post("/api/v1/topics")
                .then().statusCode(403).contentType("application/problem+json");
        as(VILLAGER_ZHAO).get("/api/v1/topics").then().statusCode(200).body("items.id", not(hasItem(wangs)));
    }

    @Test
    void a_township_system_creates_and_reads_only_for_its_township() {
        String own = submitAs(HUIMIN_SYSTEM, village(HUIMIN_STREET));
        as(HUIMIN_SYSTEM).get("/api/v1/topics/{id}", own).then().statusCode(200).body("channel", equalTo("INTEGRATION"));
        as(HUIMIN_SYSTEM).contentType(ContentType.JSON).body(topicBody(village(WEITANG_STREET), "越界")).post("/api/v1/topics").then().statusCode(403);
        String weitangPublic = submitAs(STAFF, village(WEITANG_STREET));
        as(STAFF).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/accept", weitangPublic).then().statusCode(200);
        as(HUIMIN_SYSTEM).get("/api/v1/topics/{id}", weitangPublic).then().statusCode(404);
        as(HUIMIN_SYSTEM).get("/api/v1/topics").then().statusCode(200)
                .body("items.territoryCode.every { it.startsWith('" + HUIMIN_STREET + "') }", equalTo(true));
    }

    // --- property-level rules ----------------------------------------------------------------

    @Test
    void server_owned_fields_cannot_be_set_and_the_proposer_comes_from_the_token() {
        String body = """
                {"title": "美丽乡村奖补细则", "description": "d", "territoryCode": "%s", "level": "VILLAGE", "channel": "HOTLINE_12345",
                 "status": "ACCEPTED", "proposer": {"subject": "someone-else"}, "supportCount": 99, "number": "YT-1999-0001"}
                """.formatted(HUITONG);
        as(VILLAGER_WANG).contentType(ContentType.JSON).body(body).post("/api/v1/topics").then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("proposer.subject", equalTo("wang@huitong"))
                .body("proposer.name", equalTo("王建国")).body("supportCount", equalTo(0))
                .body("channel", equalTo("RESIDENT")).body("number", not(equalTo("YT-1999-0001")));
    }

    @Test
    void a_proposers_phone_is_shown_only_to_them_and_to_staff_of_the_territory() {
        String body = topicBody(HUITONG, "垃圾分类点位不足").replace("\"channel\"", "\"contactPhone\": \"13800000000\", \"channel\"");
        String id = as(VILLAGER_WANG).contentType(ContentType.JSON).body(body).post("/api/v1/topics").then().statusCode(201)
                .body("proposer.contactPhone", equalTo("13800000000")).extract().path("id");
        as(HUIMIN_ORGANIZER).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/accept", id)
                .then().statusCode(200).body("proposer.contactPhone", equalTo("13800000000"));
        as(VILLAGER_LI).get("/api/v1/topics/{id}", id).then().statusCode(200).body("proposer", nullValue());
        as(HANDLER_AGRI).get("/api/v1/topics/{id}", id).then().statusCode(200).body("proposer", nullValue());
        as(WEITANG_ORGANIZER).get("/api/v1/topics/{id}", id).then().statusCode(200).body("proposer", nullValue());
        as(VILLAGER_LI).get("/api/v1/topics").then().body("items.find { it.id == '" + id + "' }.proposer", nullValue());
    }

    // --- supports ---------------------------------------------------------------------------

    @Test
    void one_support_per_person_even_when_two_requests_race() throws Exception {
        String id = submitAs(VILLAGER_WANG, HUITONG);
        as(HUIMIN_ORGANIZER).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{}").post("/api/v1/topics/{id}/accept", id).then().statusCode(200);
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> statuses.add(as(VILLAGER_LI).post("/api/v1/topics/{id}/supports", id).statusCode()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) t.join();
        Collections.sort(statuses);
        assertEquals(List.of(201, 409, 409, 409), statuses);
        as(VILLAGER_WANG).post("/api/v1/topics/{id}/supports", id).then().statusCode(409).body("detail", containsString("自己"));
        as(STAFF).get("/api/v1/topics/{id}", id).then().body("supportCount", equalTo(1));
        Number rows = (Number) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select count(*) from topic_support where topic_id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult());
        assertEquals(1, rows.intValue());
    }

    // --- audit --------------------------------------------------------------------------------

    @Test
    void every_change_is_in_the_audit_trail_with_actor_role_and_request_id() {
        String id = submitAs(VILLAGER_WANG, HUITONG);
        as(HUIMIN_ORGANIZER).header("X-Request-Id", "req-accept-" + id).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"note\":\"列入议事\"}").post("/api/v1/topics/{id}/accept", id).then().statusCode(200)
                .header("X-Request-Id", "req-accept-" + id);
        as(SECRETARY).queryParam("targetId", id).get("/api/v1/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("topic.accept", "topic.submit")))
                .body("items[0].actor", equalTo("organizer@" + HUIMIN_STREET))
                .body("items[0].roles", equalTo("organizer"))
                .body("items[0].requestId", equalTo("req-accept-" + id))
                .body("items[1].actor", equalTo("wang@huitong"))
                .body("items[1].at", notNullValue());
        as(STAFF).queryParam("targetId", id).queryParam("action", "topic.submit").get("/api/v1/audit").then()
                .body("items.size()", equalTo(1));
        as(HUIMIN_ORGANIZER).get("/api/v1/audit").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void the_audit_trail_cannot_be_changed_even_in_sql() {
        String id = submitAs(VILLAGER_WANG, HUITONG);
        for (String change : List.of("update audit_entry set actor = 'someone-else' where target_id = '" + id + "'",
                "delete from audit_entry where target_id = '" + id + "'", "truncate audit_entry")) {
            Exception refused = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery(change).executeUpdate()));
            assertTrue(chain(refused).contains("audit_entry is append-only"), "refused by the trigger, not by some other error: " + chain(refused));
        }
        as(STAFF).queryParam("targetId", id).get("/api/v1/audit").then().body("items.actor", equalTo(List.of("wang@huitong")));
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) sb.append(t.getMessage()).append(" | ");
        return sb.toString();
    }
}
