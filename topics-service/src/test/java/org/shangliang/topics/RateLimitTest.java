package org.shangliang.topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.security.Roles;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** One caller's writes are limited (a burst, then a rate); reads and other callers are not held back. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("shangliang.http.rate-limit.burst", "5", "shangliang.http.rate-limit.writes-per-minute", "6");
        }
    }

    @Test
    void the_sixth_quick_write_of_one_resident_waits_with_retry_after() {
        String village = Fixtures.freshVillage();
        String resident = TestTokens.as(Roles.RESIDENT, village).subject("wang-" + UUID.randomUUID()).token();
        for (int i = 0; i < 5; i++) submit(resident, village).statusCode(201);
        submit(resident, village).statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("status", equalTo(429));
        // Reads go on, and another villager is not held back by this one.
        given().auth().oauth2(resident).get("/api/v1/topics").then().statusCode(200);
        String neighbour = TestTokens.as(Roles.RESIDENT, village).subject("li-" + UUID.randomUUID()).token();
        submit(neighbour, village).statusCode(201);
    }

    private static io.restassured.response.ValidatableResponse submit(String token, String village) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.topicBody(village, "村口路灯维修"))
                .post("/api/v1/topics").then();
    }
}
