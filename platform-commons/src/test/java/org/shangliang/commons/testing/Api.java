package org.shangliang.commons.testing;

import io.restassured.RestAssured;
import io.restassured.config.HeaderConfig;
import io.restassured.specification.RequestSpecification;

/** REST Assured as a given person: {@code Api.as(token).get(...)}. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token);
    }

    /** Every plain {@code given()} of the test acts as this person; an explicit Authorization header wins. */
    public static void actByDefaultAs(String token) {
        RestAssured.config = RestAssured.config().headerConfig(HeaderConfig.headerConfig().overwriteHeadersWithName("Authorization"));
        RestAssured.requestSpecification = new io.restassured.builder.RequestSpecBuilder().addHeader("Authorization", "Bearer " + token).build();
    }
}
