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
     * A grid under Huimin street that no earlier test used, added to the directory (as county staff)
     * so topics may be submitted in it.
     */
    static String freshVillage() {
        return freshArea(HUIMIN_STREET);
    }

    /**
     * A grid no earlier test used, in a made-up village under {@code township} that is in the
     * directory and not retired. The test database outlives runs (only a new machine starts it
     * empty), so "fresh" is checked against the directory rather than left to a random draw; grids
     * give a million codes per township where villages give a thousand.
     */
    static String freshArea(String township) {
        String grid = unusedCode(usableVillage(township));
        inDirectory(grid, "测试网格");
        return grid;
    }

    /** A made-up village under {@code township}, added unless there, never a retired one. */
    static String usableVillage(String township) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String code = township + String.format("%03d", ThreadLocalRandom.current().nextInt(300, 1000));
            int status = Api.as(COUNTY_STAFF).contentType(ContentType.JSON).body("{\"code\": \"%s\", \"name\": \"测试村\"}".formatted(code))
                    .post("/api/v1/directory/territories").statusCode();
            if (status == 201) return code;
            if (status == 409 && !Api.as(COUNTY_STAFF).get("/api/v1/directory/territories/{c}", code).then().statusCode(200)
                    .extract().<Boolean>path("retired")) {
                return code;
            }
        }
        throw new IllegalStateException("no usable test village left under " + township);
    }

    /** A code one level below {@code parent} that the directory has never held (not even retired). */
    static String unusedCode(String parent) {
        for (int attempt = 0; attempt < 100; attempt++) {
            String code = parent + String.format("%03d", ThreadLocalRandom.current().nextInt(100, 1000));
            if (Api.as(COUNTY_STAFF).get("/api/v1/directory/territories/{c}", code).statusCode() == 404) return code;
        }
        throw new IllegalStateException("no unused territory code left under " + parent);
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
