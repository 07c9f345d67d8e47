package org.shangliang.topics;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.topics.Fixtures.HUIMIN_STREET;
import static org.shangliang.topics.Fixtures.WEITANG_STREET;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** 双联 / 五个一: members record their grid service day; the report shows the five per member and township, and who did none. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class ServiceDayTest {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String MONTH = String.format("%04d-%02d", TODAY.getYear(), TODAY.getMonthValue());

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
    }

    static String member(String grid, String name, String login) {
        return as(Fixtures.COUNTY_STAFF).contentType(ContentType.JSON)
                .body("{\"name\": \"%s\", \"sector\": \"农业界\", \"gridCode\": \"%s\", \"subject\": \"%s\"}".formatted(name, grid, login))
                .post("/api/v1/directory/members").then().statusCode(201).extract().path("id");
    }

    static io.restassured.response.ValidatableResponse record(String token, String member, String kind, LocalDate on, Integer quantity) {
        return as(token).contentType(ContentType.JSON).body("{\"kind\": \"%s\", \"occurredOn\": \"%s\", \"summary\": \"走访网格\"%s}"
                .formatted(kind, on, quantity == null ? "" : ", \"quantity\": " + quantity)).post("/api/v1/service-days/members/{id}", member).then();
    }

    @Test
    void members_record_the_five_and_the_report_shows_each_member_each_township_and_who_did_none() {
        String grid = Fixtures.freshVillage();
        String village = grid.substring(0, 12);
        String shen = member(grid, "沈建华", "shen@" + grid);
        String lu = member(grid, "陆美芳", "lu@" + grid);
        String shenToken = TestTokens.as(MEMBER, grid).subject("shen@" + grid).name("沈建华").token();
        String luToken = TestTokens.as(MEMBER, grid).subject("lu@" + grid).name("陆美芳").token();

        for (String kind : List.of("SERVICE_ACTIVITY", "OPINION_REPORT", "FORUM", "FAMILY_HELP")) {
            record(shenToken, shen, kind, TODAY, null).statusCode(201).body("month", equalTo(MONTH)).body("gridCode", equalTo(grid));
        }
        record(shenToken, shen, "CONTACT_CARDS", TODAY, null).statusCode(400).body("violations.field", hasItem("quantity"));
        record(shenToken, shen, "CONTACT_CARDS", TODAY, 40).statusCode(201).body("quantity", equalTo(40));
        record(shenToken, shen, "FORUM", TODAY.plusDays(2), null).statusCode(422).body("violations.field", hasItem("occurredOn"));
        record(shenToken, shen, "FORUM", TODAY.withDayOfMonth(1).minusMonths(2), null).statusCode(422);
        // A member records only their own; the office records for any member of its territory.
        record(shenToken, lu, "FORUM", TODAY, null).statusCode(403).contentType("application/problem+json");
        record(TestTokens.as(CPPCC_STAFF, WEITANG_STREET).token(), lu, "FORUM", TODAY, null).statusCode(403);
        record(TestTokens.as(RESIDENT, grid).token(), lu, "FORUM", TODAY, null).statusCode(403);

        as(shenToken).queryParam("month", MONTH).get("/api/v1/service-days/members/{id}", shen).then().statusCode(200)
                .body("done", hasSize(5)).body("missing", hasSize(0)).body("activities", equalTo(5)).body("records", hasSize(5));
        as(luToken).get("/api/v1/service-days/members/{id}", shen).then().statusCode(403);
        as(luToken).get("/api/v1/service-days/members/{id}", lu).then().statusCode(200).body("done", hasSize(0))
                .body("missing", equalTo(List.of("SERVICE_ACTIVITY", "OPINION_REPORT", "FORUM", "FAMILY_HELP", "CONTACT_CARDS")));

        String huiminStaff = TestTokens.as(CPPCC_STAFF, HUIMIN_STREET).token();
        JsonPath report = as(huiminStaff).queryParam("territory", village).queryParam("month", MONTH).get("/api/v1/service-days/report")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, report.getInt("members"));
        assertEquals(List.of(HUIMIN_STREET), report.getList("townships.townshipCode"));
        assertEquals(1, report.getInt("townships[0].allFive"));
        assertEquals(1, report.getInt("townships[0].none"));
        assertEquals(List.of(1, 1, 1, 1, 1), report.getList("townships[0].byItem"));
        assertEquals(List.of(lu), report.getList("doneNone.memberId"));
        List<Map<String, Object>> rows = report.getList("memberMonths");
        assertEquals(2, rows.size());

        // The office records for lu: lu is no longer among those who did none.
        record(huiminStaff, lu, "FORUM", TODAY, null).statusCode(201);
        as(TestTokens.as(LEADER, HUIMIN_STREET).token()).queryParam("territory", village).get("/api/v1/service-days/report").then().statusCode(200)
                .body("doneNone", hasSize(0)).body("townships[0].byItem", equalTo(List.of(1, 1, 2, 1, 1)));
        // Only staff of the territory read the report.
        as(shenToken).queryParam("territory", village).get("/api/v1/service-days/report").then().statusCode(403);
        as(TestTokens.as(CPPCC_STAFF, WEITANG_STREET).token()).queryParam("territory", village).get("/api/v1/service-days/report").then().statusCode(403);
        as(huiminStaff).queryParam("territory", village).queryParam("month", "2026-13").get("/api/v1/service-days/report").then().statusCode(400)
                .body("violations.field", hasItem("month"));
    }
}
