package org.shangliang.topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.HANDLER;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.commons.testing.EventsTestKit.header;
import static org.shangliang.commons.testing.EventsTestKit.typeAndSubject;
import static org.shangliang.commons.testing.EventsTestKit.value;
import static org.shangliang.topics.Fixtures.COUNTY_STAFF;
import static org.shangliang.topics.Fixtures.HUIMIN_STREET;
import static org.shangliang.topics.Fixtures.JIASHAN;
import static org.shangliang.topics.Fixtures.WEITANG_STREET;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** The directory (名录): the seed, maintenance by staff only, retirement, references checked, events on the compacted stream. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class DirectoryApiTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    static final String HUIMIN_STAFF = TestTokens.as(CPPCC_STAFF, HUIMIN_STREET).token();

    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
    }

    static String freshCode(String parent) {
        return Fixtures.unusedCode(parent);
    }

    static ValidatableResponse post(String token, String path, String body) {
        return as(token).contentType(ContentType.JSON).header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post(path).then();
    }

    static String territory(String code, String name) {
        return "{\"code\": \"%s\", \"name\": \"%s\"}".formatted(code, name);
    }

    @Test
    void the_seed_holds_jiashan_its_nine_townships_and_streets_huitong_and_the_cross_region_entry() {
        String anyone = TestTokens.as(RESIDENT, HUIMIN_STREET + "201").token();
        List<String> townships = as(anyone).queryParam("parent", JIASHAN).queryParam("limit", 100)
                .get("/api/v1/directory/territories").then().statusCode(200).extract().path("items.code");
        assertTrue(townships.containsAll(List.of("330421001", "330421002", "330421003", "330421101", "330421102", "330421103",
                "330421104", "330421105", "330421106")), "the nine townships and streets: " + townships);
        as(anyone).get("/api/v1/directory/territories/{code}", "330421003201").then().statusCode(200)
                .body("name", equalTo("惠通村")).body("kind", equalTo("VILLAGE")).body("parentCode", equalTo("330421003"))
                .header("ETag", notNullValue());
        as(anyone).get("/api/v1/directory/territories/X001").then().statusCode(200)
                .body("kind", equalTo("CROSS_REGION")).body("members", hasItems("330421", "310118", "320509")).body("parentCode", nullValue());
        as(anyone).get("/api/v1/directory/units/agri-rural").then().statusCode(200).body("name", equalTo("县农业农村局"));
    }

    @Test
    void staff_add_a_village_rename_it_with_if_match_and_retire_it_and_each_change_is_published_whole() {
        String code = freshCode(WEITANG_STREET);
        String etag = post(COUNTY_STAFF, "/api/v1/directory/territories", territory(code, "新村")).statusCode(201)
                .header("Location", containsString("/api/v1/directory/territories/" + code))
                .body("kind", equalTo("VILLAGE")).body("parentCode", equalTo(WEITANG_STREET)).body("version", equalTo(0))
                .extract().header("ETag");
        as(COUNTY_STAFF).contentType(ContentType.JSON).body("{\"name\": \"新丰村\"}").put("/api/v1/directory/territories/{c}", code)
                .then().statusCode(428);
        String renamed = as(COUNTY_STAFF).contentType(ContentType.JSON).header("If-Match", etag).body("{\"name\": \"新丰村\"}")
                .put("/api/v1/directory/territories/{c}", code).then().statusCode(200).body("name", equalTo("新丰村")).body("version", equalTo(1))
                .extract().header("ETag");
        as(COUNTY_STAFF).contentType(ContentType.JSON).header("If-Match", etag).body("{\"name\": \"旧名\"}")
                .put("/api/v1/directory/territories/{c}", code).then().statusCode(412);
        as(COUNTY_STAFF).header("If-Match", renamed).post("/api/v1/directory/territories/{c}/retire", code).then().statusCode(200)
                .body("retired", equalTo(true)).body("version", equalTo(2));
        as(COUNTY_STAFF).contentType(ContentType.JSON).header("If-Match", "\"2\"").body("{\"name\": \"再改\"}")
                .put("/api/v1/directory/territories/{c}", code).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("已停用"));

        List<ConsumerRecord<String, byte[]>> events = kafka.read(kafka.topic("directory"), r -> ("territory:" + code).equals(r.key()), 3, WAIT);
        assertEquals(3, events.size(), "created, renamed and retired, each published");
        for (ConsumerRecord<String, byte[]> e : events) {
            Contracts.assertValid("TerritoryRecorded", value(e));
            assertEquals("TerritoryRecorded", header(e, "ce_type"));
            assertEquals("territory:" + code, header(e, "ce_subject"));
        }
        JsonPath last = JsonPath.from(value(events.get(2)));
        assertTrue(last.getBoolean("retired") && last.getInt("version") == 2 && "新丰村".equals(last.getString("name")),
                "the last event is the whole current state: " + value(events.get(2)));
    }

    @Test
    void the_directory_topic_is_compacted() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(java.util.Map.of("bootstrap.servers", kafka.bootstrap()))) {
            var resource = new org.apache.kafka.common.config.ConfigResource(org.apache.kafka.common.config.ConfigResource.Type.TOPIC, kafka.topic("directory"));
            var configs = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertEquals("compact", configs.get("cleanup.policy").value());
            assertEquals("-1", configs.get("retention.ms").value());
        }
    }

    @Test
    void a_child_needs_its_parent_a_retired_territory_takes_nothing_new_and_one_with_children_is_not_retired() {
        String orphan = "330421999" + "001"; // township 330421999 does not exist
        post(COUNTY_STAFF, "/api/v1/directory/territories", territory(orphan, "无主村")).statusCode(422)
                .contentType("application/problem+json").body("violations.field", hasItem("code"));
        post(COUNTY_STAFF, "/api/v1/directory/territories", territory("330421003201", "惠通村")).statusCode(409);
        post(COUNTY_STAFF, "/api/v1/directory/territories", territory("3304210", "坏代码")).statusCode(400)
                .body("violations.field", hasItem("code"));

        String village = freshCode(WEITANG_STREET);
        post(COUNTY_STAFF, "/api/v1/directory/territories", territory(village, "待撤并村")).statusCode(201);
        String grid = village + "001";
        post(COUNTY_STAFF, "/api/v1/directory/territories", territory(grid, "网格一")).statusCode(201).body("kind", equalTo("GRID"));
        as(COUNTY_STAFF).header("If-Match", "\"0\"").post("/api/v1/directory/territories/{c}/retire", village).then().statusCode(409)
                .body("detail", containsString("1 个在用"));
        as(COUNTY_STAFF).header("If-Match", "\"0\"").post("/api/v1/directory/territories/{c}/retire", grid).then().statusCode(200);
        as(COUNTY_STAFF).header("If-Match", "\"0\"").post("/api/v1/directory/territories/{c}/retire", village).then().statusCode(200);
        post(COUNTY_STAFF, "/api/v1/directory/territories", territory(village + "002", "网格二")).statusCode(422)
                .body("violations.field", hasItem("code")).body("detail", containsString("已停用"));

        // A topic may be submitted only in a territory the directory knows and has not retired.
        String resident = TestTokens.as(RESIDENT, JIASHAN).token();
        as(resident).contentType(ContentType.JSON).body(Fixtures.topicBody(village, "撤并村的事")).post("/api/v1/topics").then()
                .statusCode(422).contentType("application/problem+json").body("violations.field", hasItem("territoryCode"));
        as(resident).contentType(ContentType.JSON).body(Fixtures.topicBody("330421999001", "不存在的村")).post("/api/v1/topics").then()
                .statusCode(422).body("violations.field", hasItem("territoryCode")).body("detail", containsString("不在名录中"));
        as(resident).queryParam("territory", "330421999").get("/api/v1/topics").then()
                .statusCode(422).body("violations.field", hasItem("territory"));
        as(resident).queryParam("territory", village).get("/api/v1/topics").then().statusCode(200);
    }

    @Test
    void a_cross_region_entry_joins_counties_that_are_in_the_directory() {
        String code = "X" + ThreadLocalRandom.current().nextInt(100, 1000);
        post(COUNTY_STAFF, "/api/v1/directory/territories",
                "{\"code\": \"%s\", \"name\": \"三地联动测试\", \"members\": [\"330421\", \"310118\"]}".formatted(code)).statusCode(oneOf(201, 409))
                .body("kind", org.hamcrest.Matchers.anyOf(equalTo("CROSS_REGION"), nullValue()));
        post(COUNTY_STAFF, "/api/v1/directory/territories",
                "{\"code\": \"%s\", \"name\": \"缺成员\", \"members\": [\"330421\", \"999999\"]}".formatted(Fixtures.unusedCode("X")))
                .statusCode(422).body("violations.field", hasItem("members"));
        // A township's staff may not make one; Qingpu's staff may not make one that leaves their county out.
        post(HUIMIN_STAFF, "/api/v1/directory/territories", "{\"code\": \"X998\", \"name\": \"越权\", \"members\": [\"330421\", \"310118\"]}").statusCode(403);
        String qingpuStaff = TestTokens.as(CPPCC_STAFF, "310118").token();
        post(qingpuStaff, "/api/v1/directory/territories", "{\"code\": \"X997\", \"name\": \"越权\", \"members\": [\"330421\", \"320509\"]}").statusCode(403);
    }

    private static org.hamcrest.Matcher<Integer> oneOf(Integer... statuses) {
        return org.hamcrest.Matchers.oneOf(statuses);
    }

    @Test
    void only_cppcc_staff_maintain_the_directory_each_inside_their_territory_and_everyone_signed_in_reads_it() {
        for (String role : List.of(RESIDENT, MEMBER, ORGANIZER, HANDLER, LEADER)) {
            String token = TestTokens.as(role, JIASHAN).token();
            post(token, "/api/v1/directory/territories", territory(freshCode(WEITANG_STREET), "越权村")).statusCode(403);
            post(token, "/api/v1/directory/units", "{\"code\": \"x-%s\", \"name\": \"越权局\", \"territoryCode\": \"330421\"}".formatted(role.replace('_', '-'))).statusCode(403);
            as(token).get("/api/v1/directory/territories/330421003").then().statusCode(200);
            as(token).get("/api/v1/directory/units").then().statusCode(200);
            as(token).get("/api/v1/directory/members").then().statusCode(200);
            as(token).get("/api/v1/directory/service-teams").then().statusCode(200);
        }
        given().get("/api/v1/directory/territories").then().statusCode(401);
        // Huimin street's staff keep Huimin's entries, not Weitang's.
        post(HUIMIN_STAFF, "/api/v1/directory/territories", territory(freshCode(HUIMIN_STREET), "惠民新村")).statusCode(201);
        post(HUIMIN_STAFF, "/api/v1/directory/territories", territory(freshCode(WEITANG_STREET), "魏塘新村")).statusCode(403);
    }

    @Test
    void units_are_referred_to_by_code_and_a_retired_one_stays_readable() {
        String code = "unit-" + ThreadLocalRandom.current().nextInt(1_000_000);
        post(COUNTY_STAFF, "/api/v1/directory/units", "{\"code\": \"%s\", \"name\": \"县测试局\", \"territoryCode\": \"330421\"}".formatted(code))
                .statusCode(201).body("code", equalTo(code));
        post(COUNTY_STAFF, "/api/v1/directory/units", "{\"code\": \"%s\", \"name\": \"重复\", \"territoryCode\": \"330421\"}".formatted(code)).statusCode(409);
        post(COUNTY_STAFF, "/api/v1/directory/units", "{\"code\": \"Bad Code\", \"name\": \"坏\", \"territoryCode\": \"330421\"}".formatted(code))
                .statusCode(400).body("violations.field", hasItem("code"));
        post(COUNTY_STAFF, "/api/v1/directory/units", "{\"code\": \"unit-x%d\", \"name\": \"无区域\", \"territoryCode\": \"330421999\"}".formatted(ThreadLocalRandom.current().nextInt(1000)))
                .statusCode(422).body("violations.field", hasItem("territoryCode"));
        as(COUNTY_STAFF).header("If-Match", "\"0\"").post("/api/v1/directory/units/{c}/retire", code).then().statusCode(200).body("retired", equalTo(true));
        String anyone = TestTokens.as(RESIDENT, JIASHAN).token();
        as(anyone).get("/api/v1/directory/units/{c}", code).then().statusCode(200).body("retired", equalTo(true));
        List<String> active = as(anyone).queryParam("limit", 100).get("/api/v1/directory/units").then().extract().path("items.code");
        assertTrue(!active.contains(code) && active.contains("agri-rural"), "retired units are left out of the list unless asked for");
        as(anyone).queryParam("includeRetired", true).queryParam("limit", 100).get("/api/v1/directory/units").then().body("items.code", hasItem(code));
        ConsumerRecord<String, byte[]> retired = kafka.await(kafka.topic("directory"), r -> ("unit:" + code).equals(r.key()) && JsonPath.from(value(r)).getBoolean("retired"), WAIT);
        Contracts.assertValid("UnitRecorded", value(retired));
    }

    @Test
    void territory_lists_page_in_code_order_without_gaps_or_repeats() {
        String village = freshCode(WEITANG_STREET);
        post(COUNTY_STAFF, "/api/v1/directory/territories", territory(village, "分页村")).statusCode(oneOf(201, 409));
        for (int i = 1; i <= 5; i++) post(COUNTY_STAFF, "/api/v1/directory/territories", territory(village + "%03d".formatted(i), "网格" + i)).statusCode(oneOf(201, 409));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = as(COUNTY_STAFF).queryParam("parent", village).queryParam("limit", 2).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/directory/territories").then().statusCode(200).extract();
            seen.addAll(page.path("items.code"));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        assertEquals(List.of(village + "001", village + "002", village + "003", village + "004", village + "005"), seen);
        as(COUNTY_STAFF).queryParam("cursor", "not-a-cursor").get("/api/v1/directory/territories").then().statusCode(400)
                .body("violations.field", hasItem("cursor"));
    }

    @Test
    void members_and_service_teams_link_to_grids_and_townships_and_a_members_phone_is_personal_data() {
        String grid = "330421003201001";
        String subject = "member-" + UUID.randomUUID();
        var created = post(COUNTY_STAFF, "/api/v1/directory/members",
                "{\"name\": \"沈建明\", \"sector\": \"中共\", \"gridCode\": \"%s\", \"phone\": \"13800000001\", \"subject\": \"%s\"}".formatted(grid, subject))
                .statusCode(201).body("phone", equalTo("13800000001")).extract();
        String id = created.path("id");
        String resident = TestTokens.as(RESIDENT, "330421003201").token();
        as(resident).get("/api/v1/directory/members/{id}", id).then().statusCode(200).body("name", equalTo("沈建明")).body("phone", nullValue());
        as(TestTokens.as(ORGANIZER, HUIMIN_STREET).token()).get("/api/v1/directory/members/{id}", id).then().body("phone", equalTo("13800000001"));
        as(TestTokens.as(MEMBER, grid).subject(subject).token()).get("/api/v1/directory/members/{id}", id).then().body("phone", equalTo("13800000001"));
        post(COUNTY_STAFF, "/api/v1/directory/members", "{\"name\": \"重号\", \"sector\": \"中共\", \"subject\": \"%s\"}".formatted(subject)).statusCode(409);
        post(COUNTY_STAFF, "/api/v1/directory/members", "{\"name\": \"无网格\", \"sector\": \"中共\", \"gridCode\": \"330421999001001\"}").statusCode(422)
                .body("violations.field", hasItem("gridCode"));
        as(resident).queryParam("territory", HUIMIN_STREET).queryParam("limit", 100).get("/api/v1/directory/members").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.phone", not(hasItem("13800000001")));
        ConsumerRecord<String, byte[]> event = kafka.await(kafka.topic("directory"), typeAndSubject("MemberRecorded", "member:" + id), WAIT);
        Contracts.assertValid("MemberRecorded", value(event));
        assertTrue(!value(event).contains("13800000001"), "no phone number leaves the service");

        String team = post(COUNTY_STAFF, "/api/v1/directory/service-teams", "{\"name\": \"农业农村界别服务组\", \"sector\": \"农业和农村\", \"townshipCode\": \"330421003\"}")
                .statusCode(201).extract().path("id");
        post(COUNTY_STAFF, "/api/v1/directory/service-teams", "{\"name\": \"坏\", \"sector\": \"农业和农村\", \"townshipCode\": \"330421999\"}").statusCode(422)
                .body("violations.field", hasItem("townshipCode"));
        as(COUNTY_STAFF).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body("{\"name\": \"农业界别服务组\", \"sector\": \"农业和农村\", \"townshipCode\": \"330421101\"}")
                .put("/api/v1/directory/service-teams/{id}", team).then().statusCode(200).body("townshipCode", equalTo("330421101"));
        ConsumerRecord<String, byte[]> teamEvent = kafka.await(kafka.topic("directory"),
                r -> ("service-team:" + team).equals(r.key()) && value(r).contains("330421101"), WAIT);
        Contracts.assertValid("ServiceTeamRecorded", value(teamEvent));
        Set<String> sectors = new HashSet<>(as(resident).queryParam("territory", "330421101").get("/api/v1/directory/service-teams").then().extract().path("items.sector"));
        assertTrue(sectors.contains("农业和农村"));
    }
}
