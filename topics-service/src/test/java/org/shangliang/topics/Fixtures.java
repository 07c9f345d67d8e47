package org.shangliang.topics;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.TestTokens;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Topics from the Jiashan demo, each in its own fresh village so tests never see each other's rows. */
final class Fixtures {

    /** Jiashan county (嘉善县). */
    static final String JIASHAN = "330421";
    /** Huimin street (惠民街道). */
    static final String HUIMIN_STREET = "330421003";
    /** Weitang street (魏塘街道). */
    static final String WEITANG_STREET = "330421001";

    /** The county CPPCC office: may do everything in topics-service. */
    static final String COUNTY_STAFF = TestTokens.as(Roles.CPPCC_STAFF, JIASHAN).name("县政协机关").token();

    private Fixtures() {
    }

    /**
     * A grid of a made-up village under Huimin street, unique per call, added to the directory (as
     * county staff) so topics may be submitted in it.
     */
    static String freshVillage() {
        String village = HUIMIN_STREET + String.format("%03d", ThreadLocalRandom.current().nextInt(300, 1000));
        String grid = village + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
        inDirectory(village, "测试村");
        inDirectory(grid, "测试网格");
        return grid;
    }

    /** Adds a territory to the directory unless it is there already. */
    static void inDirectory(String code, String name) {
        Api.as(COUNTY_STAFF).contentType(ContentType.JSON).body("{\"code\": \"%s\", \"name\": \"%s\"}".formatted(code, name))
                .post("/api/v1/directory/territories").then().statusCode(org.hamcrest.Matchers.oneOf(201, 409));
    }

    static String topicBody(String territory, String title) {
        return """
                {"title": "%s", "description": "部分承包户对确权面积有异议，建议换届前再协商一轮。",
                 "themes": ["农业", "民生"], "territoryCode": "%s", "level": "VILLAGE", "channel": "RESIDENT"}
                """.formatted(title, territory);
    }

    static Response submit(String territory, String title) {
        return given().contentType(ContentType.JSON).body(topicBody(territory, title))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/topics");
    }

    static String submitted(String territory) {
        return submit(territory, "惠通村土地确权第三轮协商").then().statusCode(201).extract().path("id");
    }

    static String accepted(String territory) {
        String id = submitted(territory);
        given().contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"note\":\"列入第8次民生议事堂\"}")
                .post("/api/v1/topics/{id}/accept", id).then().statusCode(200);
        return id;
    }
}
