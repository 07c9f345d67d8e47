package org.shangliang.topics;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.commons.security.Roles.RESIDENT;
import static org.shangliang.commons.testing.Api.as;
import static org.shangliang.topics.Fixtures.HUIMIN_STREET;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/**
 * 中文检索与查重 on a fixture of real-looking village topics (from the Huitong story and its
 * neighbours): two-character queries, similar titles found both ways, unrelated ones not.
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class SearchTest {

    /** title → description, themes */
    static final Map<String, String[]> VILLAGE_TOPICS = new LinkedHashMap<>();

    static {
        VILLAGE_TOPICS.put("土地确权协商", new String[] {"部分承包户对确权面积有异议，建议换届前再协商一轮，请农经站到场。", "农业"});
        VILLAGE_TOPICS.put("村道提升改造", new String[] {"主路坑洼多，雨天积水，建议拓宽硬化并装路灯。", "民生"});
        VILLAGE_TOPICS.put("建蜜梨销售网点", new String[] {"梨农采摘季卖难，建议在村口设点统一收购，对接电商。", "农业"});
        VILLAGE_TOPICS.put("垃圾分类和环境卫生整治", new String[] {"河道和房前屋后垃圾乱倒，建议增加保洁员，落实门前三包。", "生态绿色"});
        VILLAGE_TOPICS.put("美丽乡村评比奖励细则", new String[] {"评比标准不公开，建议把奖补规则张榜公示并听取村民意见。", "民生"});
    }

    String village;
    String wang;
    final Map<String, String> ids = new LinkedHashMap<>();

    static String resident(String village, String who) {
        return TestTokens.as(RESIDENT, village).subject(who + "@" + village).name(who).token();
    }

    static String body(String territory, String title, String description, String theme) {
        return """
                {"title": "%s", "description": "%s", "themes": ["%s"], "territoryCode": "%s", "level": "VILLAGE", "channel": "RESIDENT"}
                """.formatted(title, description, theme, territory);
    }

    @BeforeEach
    void villageTopics() {
        village = Fixtures.freshVillage();
        wang = resident(village, "wang");
        VILLAGE_TOPICS.forEach((title, d) -> ids.put(title, as(wang).contentType(ContentType.JSON).body(body(village, title, d[0], d[1]))
                .post("/api/v1/topics").then().statusCode(201).extract().path("id")));
    }

    List<String> titles(String token, Map<String, ?> query) {
        return as(token).queryParams(query).get("/api/v1/topics").then().statusCode(200).extract().path("items.title");
    }

    List<String> similarTitles(String title) {
        return as(wang).queryParam("title", title).queryParam("territory", village).get("/api/v1/topics/similar").then().statusCode(200)
                .extract().path("title");
    }

    @Test
    void two_character_queries_find_chinese_words_inside_longer_ones() {
        assertEquals(List.of("建蜜梨销售网点"), titles(wang, Map.of("territory", village, "q", "蜜梨")));
        assertEquals(List.of("土地确权协商"), titles(wang, Map.of("territory", village, "q", "确权")));
        // The description counts too, and punctuation in the query does not.
        assertEquals(List.of("垃圾分类和环境卫生整治"), titles(wang, Map.of("territory", village, "q", "保洁员")));
        assertEquals(List.of("美丽乡村评比奖励细则"), titles(wang, Map.of("territory", village, "q", "奖补，规则")));
        // Every pair must be there: 梨销 is in 建蜜梨销售网点, 梨园 is nowhere.
        assertEquals(List.of(), titles(wang, Map.of("territory", village, "q", "蜜梨园")));
        as(wang).queryParam("q", "梨").get("/api/v1/topics").then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("q"));
        as(wang).queryParam("q", "蜜 梨").get("/api/v1/topics").then().statusCode(400);
        // A resident elsewhere does not see this village's topics waiting for screening, found or not.
        assertEquals(List.of(), titles(resident(Fixtures.freshVillage(), "zhao"), Map.of("territory", village, "q", "蜜梨")));
    }

    @Test
    void similar_titles_find_each_other_and_unrelated_ones_of_the_same_village_do_not() {
        List<String> landRights = similarTitles("第三轮土地确权");
        assertEquals("土地确权协商", landRights.get(0), "the land-rights topic first: " + landRights);
        assertFalse(landRights.contains("村道提升改造"), "unrelated topics stay out: " + landRights);
        assertEquals(List.of("建蜜梨销售网点"), similarTitles("蜜梨销售点"));
        assertEquals(List.of(), similarTitles("村道路灯维修").stream().filter(t -> !t.equals("村道提升改造")).toList(),
                "a lamp repair is not like land rights, pears, rubbish or awards");
        // The other way round: the short title finds the longer one.
        String third = as(wang).contentType(ContentType.JSON).body(body(village, "第三轮土地确权", "上两轮没谈拢，继续协商。", "农业"))
                .post("/api/v1/topics").then().statusCode(201)
                .body("similarTopics[0].id", equalTo(ids.get("土地确权协商")))
                .body("similarTopics[0].score", greaterThanOrEqualTo(0.3f))
                .body("similarTopics.title", not(hasItem("村道提升改造"))).extract().path("id");
        JsonPath again = as(wang).queryParam("title", "土地确权协商").queryParam("territory", village).get("/api/v1/topics/similar").then()
                .statusCode(200).extract().jsonPath();
        assertTrue(again.getList("id").contains(third), "the new topic is found by the old title");
        // The township's screener sees the village's topics from the street level too.
        as(TestTokens.as(ORGANIZER, HUIMIN_STREET).token()).queryParam("title", "建蜜梨销售点").queryParam("territory", HUIMIN_STREET)
                .get("/api/v1/topics/similar").then().statusCode(200).body("id", hasItem(ids.get("建蜜梨销售网点")));
        // A draft does not list similar topics, and a read never does.
        as(wang).get("/api/v1/topics/{id}", third).then().statusCode(200).body("similarTopics", equalTo(null));
        as(wang).queryParam("title", "x").get("/api/v1/topics/similar").then().statusCode(400).body("violations.field", hasItem("territory"));
    }

    @Test
    void filters_and_sorts_narrow_the_search_and_pages_do_not_repeat() {
        String staff = TestTokens.as(CPPCC_STAFF, HUIMIN_STREET).token();
        assertEquals(List.of("建蜜梨销售网点", "土地确权协商"), titles(wang, Map.of("territory", village, "theme", "农业")));
        assertEquals(5, titles(wang, Map.of("territory", village, "channel", "RESIDENT")).size());
        assertEquals(List.of(), titles(wang, Map.of("territory", village, "channel", "HOTLINE_12345")));
        int thisYear = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        assertEquals(5, titles(wang, Map.of("territory", village, "year", thisYear)).size());
        assertEquals(List.of(), titles(wang, Map.of("territory", village, "year", 2020)));
        assertEquals(5, titles(wang, Map.of("territory", village, "proposer", "me")).size());
        assertEquals(5, titles(staff, Map.of("territory", village, "proposer", "wang@" + village)).size());
        as(resident(village, "li")).queryParam("proposer", "wang@" + village).get("/api/v1/topics").then().statusCode(403);

        // Supports: three for the pear topic (the village threshold in tests), one for the road.
        for (String who : List.of("a", "b", "c")) as(resident(village, who)).post("/api/v1/topics/{id}/supports", ids.get("建蜜梨销售网点")).then().statusCode(201);
        as(resident(village, "a")).post("/api/v1/topics/{id}/supports", ids.get("村道提升改造")).then().statusCode(201);
        assertEquals(List.of("建蜜梨销售网点"), titles(wang, Map.of("territory", village, "flagged", true)));
        assertEquals(4, titles(wang, Map.of("territory", village, "flagged", false)).size());
        List<String> bySupport = titles(wang, Map.of("territory", village, "sort", "MOST_SUPPORTED"));
        assertEquals(List.of("建蜜梨销售网点", "村道提升改造"), bySupport.subList(0, 2));
        assertEquals(List.of("建蜜梨销售网点"), titles(wang, Map.of("territory", village, "sort", "MOST_SUPPORTED", "q", "蜜梨", "theme", "农业")));

        // Page by page, two at a time, in either order: every topic once.
        for (String sort : List.of("NEWEST", "MOST_SUPPORTED")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var q = as(wang).queryParam("territory", village).queryParam("sort", sort).queryParam("limit", 2);
                if (cursor != null) q = q.queryParam("cursor", cursor);
                JsonPath page = q.get("/api/v1/topics").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.id"));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            assertEquals(5, seen.size(), sort + ": " + seen);
            assertEquals(5, seen.stream().distinct().count(), sort + " repeats nothing");
            if (sort.equals("MOST_SUPPORTED")) assertEquals(List.of(ids.get("建蜜梨销售网点"), ids.get("村道提升改造")), seen.subList(0, 2));
        }
        // A cursor of one order is refused by the other.
        String newestCursor = as(wang).queryParam("territory", village).queryParam("limit", 1).get("/api/v1/topics").then().extract().path("nextCursor");
        as(wang).queryParam("territory", village).queryParam("sort", "MOST_SUPPORTED").queryParam("cursor", newestCursor).get("/api/v1/topics")
                .then().statusCode(400).body("violations.field", hasItem("cursor"));
        as(wang).queryParam("sort", "LOUDEST").get("/api/v1/topics").then().statusCode(400);
        as(wang).queryParam("territory", village).queryParam("q", "确权").queryParam("status", "ACCEPTED").get("/api/v1/topics").then()
                .statusCode(200).body("items", empty());
        assertTrue(UUID.fromString(ids.get("土地确权协商")) != null);
    }
}
