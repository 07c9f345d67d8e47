package org.shangliang.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shangliang.commons.testing.Api.as;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.shangliang.demo.Api;
import org.shangliang.demo.DemoLoader;

/** The Jiashan demo county loads through the public API into the running platform, and loading it again creates nothing. */
class DemoLoadE2ETest extends OnRunningPlatform {

    private static boolean sleep() {
        Demo.sleep(100);
        return true;
    }

    private static String topicIdOf(String staff, String title) {
        JsonPath found = as(staff).queryParam("q", title.length() > 50 ? title.substring(0, 50) : title).queryParam("limit", 100)
                .get(Demo.TOPICS + "/api/v1/topics").then().statusCode(200).extract().jsonPath();
        List<String> ids = found.<Map<String, Object>>getList("items").stream().filter(t -> title.equals(t.get("title")))
                .map(t -> (String) t.get("id")).toList();
        assertEquals(1, ids.size(), "one topic titled " + title);
        return ids.get(0);
    }

    @Test
    void the_demo_county_loads_through_the_api_and_a_second_load_creates_nothing() {
        Api api = new Api(Demo.TOPICS, Demo.SESSIONS, Demo.FOLLOWUP);
        // The e2e databases outlive a run, so the first load may find some of the demo already there:
        // what it creates and what it finds add up to the whole demo either way.
        DemoLoader.Report first = new DemoLoader(api, Demo.TOKENS, System.out).load();
        assertEquals(8 + 34, first.created("topic") + first.found("topic"), "Huitong's 8 topics and the 2020 plan's 34");
        assertEquals(5, first.created("member") + first.found("member"));
        assertEquals(3, first.created("service team") + first.found("service team"));
        assertEquals(1, first.created("plan") + first.found("plan"));
        // The services seed the Jiashan directory at start: the loader finds it rather than creating it.
        assertEquals(17, first.found("territory"));
        assertEquals(13, first.found("unit"));

        DemoLoader.Report second = new DemoLoader(api, Demo.TOKENS, System.out).load();
        assertEquals(0, second.created(), "a second load creates nothing");
        assertEquals(42, second.found("topic"));
        assertEquals(5, second.found("member"));
        assertEquals(3, second.found("service team"));
        assertEquals(1, second.found("plan"));

        // What the demo shows, read back through the API as the county office sees it.
        String staff = Demo.TOKENS.token("cppcc_staff", "330421", null, "e2e-staff", "县政协机关");
        // Other end-to-end tests file topics in Huitong too: the demo's are known by their titles.
        List<String> demoTitles = List.of("惠通村环境卫生长效保洁", "惠通村基础设施提升改造", "建设惠通村蜜梨销售点", "美丽乡村建设奖补细则", "惠通村土地确权面积异议",
                "惠通村老年食堂扩建", "修缮惠通村文化礼堂屋顶", "村口小卖部营业时间");
        Map<String, String> statusByTitle = new TreeMap<>();
        Map<String, Integer> supportsByTitle = new TreeMap<>();
        // The topics' statuses follow the sessions and cases by events: read until they have arrived.
        Map<String, String> expected = Map.of("惠通村环境卫生长效保洁", "CONCLUDED", "惠通村基础设施提升改造", "IN_FOLLOW_UP",
                "建设惠通村蜜梨销售点", "IN_FOLLOW_UP", "美丽乡村建设奖补细则", "SCHEDULED", "惠通村土地确权面积异议", "ACCEPTED", "惠通村老年食堂扩建", "SUBMITTED",
                "修缮惠通村文化礼堂屋顶", "CONVERTED", "村口小卖部营业时间", "REJECTED");
        long deadline = System.currentTimeMillis() + Demo.WAIT_MS;
        do {
            for (String title : demoTitles) {
                JsonPath found = as(staff).queryParam("territory", "330421003201").queryParam("q", title).queryParam("limit", 100)
                        .get(Demo.TOPICS + "/api/v1/topics").then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> same = found.<Map<String, Object>>getList("items").stream().filter(t -> title.equals(t.get("title"))).toList();
                assertEquals(1, same.size(), "one topic titled " + title);
                statusByTitle.put(title, (String) same.get(0).get("status"));
                supportsByTitle.put(title, (Integer) same.get(0).get("supportCount"));
            }
        } while (!statusByTitle.equals(expected) && System.currentTimeMillis() < deadline && sleep());
        assertEquals(new TreeMap<>(expected), statusByTitle);
        assertEquals(15, supportsByTitle.get("建设惠通村蜜梨销售点"));

        // 开放数据 on the demo: what the open-data portal downloads, anonymously, names nobody and shows the public topics.
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear();
        for (String format : List.of("json", "csv")) {
            String export = io.restassured.RestAssured.given().queryParam("year", year).queryParam("territory", "330421003201").queryParam("format", format)
                    .get(Demo.TOPICS + "/api/v1/open-data/topics").then().statusCode(200).extract().asString();
            for (String title : org.shangliang.demo.DemoPersonalData.publicTitles()) {
                org.junit.jupiter.api.Assertions.assertTrue(export.contains(title), format + " export has " + title);
            }
            for (String personal : org.shangliang.demo.DemoPersonalData.strings()) {
                org.junit.jupiter.api.Assertions.assertFalse(export.contains(personal), format + " export must not carry " + personal);
            }
        }

        // Sessions, cases and the statistics of follow-up: the same, county-wide and for the village.
        for (String territory : List.of("330421003201", "330421")) {
            for (String format : List.of("json", "csv")) {
                String sessions = io.restassured.RestAssured.given().queryParam("year", 2026).queryParam("territory", territory).queryParam("format", format)
                        .get(Demo.SESSIONS + "/api/v1/open-data/sessions").then().statusCode(200).extract().asString();
                String cases = io.restassured.RestAssured.given().queryParam("year", year).queryParam("territory", territory).queryParam("format", format)
                        .get(Demo.FOLLOWUP + "/api/v1/open-data/cases").then().statusCode(200).extract().asString();
                String statistics = io.restassured.RestAssured.given().queryParam("year", year).queryParam("territory", territory).queryParam("format", format)
                        .get(Demo.FOLLOWUP + "/api/v1/open-data/cases/statistics").then().statusCode(200).extract().asString();
                for (String title : org.shangliang.demo.DemoPersonalData.sessionTitles()) {
                    if (territory.length() == 6 || title.startsWith("惠通村")) {
                        org.junit.jupiter.api.Assertions.assertTrue(sessions.contains(title), format + " sessions export of " + territory + " has " + title);
                    }
                }
                org.junit.jupiter.api.Assertions.assertTrue(cases.contains("县住房和城乡建设局"), format + " cases export of " + territory + " has the housing bureau's cases");
                org.junit.jupiter.api.Assertions.assertTrue(statistics.contains("县住房和城乡建设局"), format + " statistics of " + territory);
                for (String personal : org.shangliang.demo.DemoPersonalData.strings()) {
                    for (Map.Entry<String, String> export : Map.of("sessions", sessions, "cases", cases, "statistics", statistics).entrySet()) {
                        org.junit.jupiter.api.Assertions.assertFalse(export.getValue().contains(personal),
                                format + " " + export.getKey() + " export of " + territory + " must not carry " + personal);
                    }
                }
            }
        }

        // A year of sessions: cases in every state of their life, one past its due date; the first topic concluded.
        Map<String, String> caseByUnitAndTopic = new TreeMap<>();
        String lightsDeadline = null;
        String smartCityDeadline = null;
        for (String title : List.of("惠通村环境卫生长效保洁", "惠通村基础设施提升改造", "建设惠通村蜜梨销售点",
                "2020年度重点协商：加快智慧城市建设", "2020年度重点协商：推动传统产业转型升级")) {
            String topicId = topicIdOf(staff, title);
            List<Map<String, Object>> items = as(staff).queryParam("topicId", topicId).get(Demo.FOLLOWUP + "/api/v1/cases")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            for (Map<String, Object> c : items) {
                caseByUnitAndTopic.put(c.get("leadUnitCode") + " " + title, (String) c.get("status"));
                if ("增设村道路灯四十盏".equals(c.get("content"))) lightsDeadline = (String) c.get("deadlineState");
                if ("economy-it".equals(c.get("leadUnitCode"))) smartCityDeadline = (String) c.get("deadlineState");
            }
        }
        assertEquals(Map.of("housing-construction 惠通村环境卫生长效保洁", "CLOSED",
                "transport 惠通村基础设施提升改造", "IN_PROGRESS", "housing-construction 惠通村基础设施提升改造", "ASSIGNED",
                "agri-rural 建设惠通村蜜梨销售点", "REPLIED", "market-supervision 建设惠通村蜜梨销售点", "RETURN_REQUESTED",
                "economy-it 2020年度重点协商：加快智慧城市建设", "SIGNED", "development-reform 2020年度重点协商：推动传统产业转型升级", "REPLY_APPROVED"),
                caseByUnitAndTopic, "a case in every state of its life");
        assertEquals("OVERDUE", lightsDeadline, "the street lights, due 2026-10-31, are overdue");
        assertEquals("OVERDUE", smartCityDeadline, "the city data platform, signed for and due 2026-11-20, is overdue");
        String sanitation = topicIdOf(staff, "惠通村环境卫生长效保洁");
        as(staff).queryParam("topicId", sanitation).get(Demo.FOLLOWUP + "/api/v1/cases").then().statusCode(200)
                .body("items.status", equalTo(List.of("CLOSED")));
        Demo.awaitTrue(() -> "CONCLUDED".equals(as(staff).get(Demo.TOPICS + "/api/v1/topics/{id}", sanitation).then().extract().path("status")),
                "the sanitation topic is concluded once its case is closed");
        as(staff).get(Demo.TOPICS + "/api/v1/topics/{id}/timeline", sanitation).then().statusCode(200)
                // Twelve supports passed the village threshold (10): the topic was flagged for screening first.
                .body("kind", equalTo(List.of("SUBMITTED", "FLAGGED", "ACCEPTED", "SCHEDULED", "DELIBERATED", "CASE_OPENED", "CASE_SIGNED", "CASE_REPLIED",
                        "CASE_CLOSED", "CONCLUDED")));
        Demo.awaitTrue(() -> "SCHEDULED".equals(as(staff).get(Demo.TOPICS + "/api/v1/topics/{id}", topicIdOf(staff, "美丽乡村建设奖补细则"))
                .then().extract().path("status")), "the award rules wait for December's hall");

        JsonPath plans = as(staff).queryParam("year", 2020).queryParam("territory", "330421").get(Demo.TOPICS + "/api/v1/plans")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(1)).body("items[0].status", equalTo("PUBLISHED"))
                .extract().jsonPath();
        as(staff).queryParam("theme", "示范区").get(Demo.TOPICS + "/api/v1/plans/{id}/statistics", plans.getString("items[0].id"))
                .then().statusCode(200).body("topics", equalTo(34)).body("chosenTheme.count", equalTo(22)).body("chosenTheme.percent", equalTo(65));

        as(staff).queryParam("limit", 100).get(Demo.TOPICS + "/api/v1/directory/members")
                .then().statusCode(200).body("items.name", hasItems("沈建明", "陆晓燕", "顾志强", "钱丽娟", "朱国平"))
                .body("items.find { it.name == '沈建明' }.gridCode", equalTo("330421003201001"));
        List<String> teams = as(staff).get(Demo.TOPICS + "/api/v1/directory/service-teams")
                .then().statusCode(200).extract().path("items.name");
        assertEquals(3, teams.size(), teams.toString());
    }
}
