package org.shangliang.topics;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.security.Roles.ORGANIZER;
import static org.shangliang.topics.Fixtures.HUIMIN_STREET;
import static org.shangliang.topics.Fixtures.topicBody;
import static org.shangliang.commons.testing.Api.as;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.commons.testing.TestTokens;

/** Mobile sync: a phone keeps a territory's topics offline and brings them up to date from the change feed. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class TopicSyncTest {

    @Inject EntityManager em;

    @BeforeEach
    void noDefaultIdentity() {
        RestAssured.requestSpecification = null;
    }

    private static JsonPath sync(String token, String territory, String since) {
        var request = as(token).queryParam("territory", territory);
        if (since != null) request = request.queryParam("since", since);
        return request.get("/api/v1/topics/changes").then().statusCode(200).extract().jsonPath();
    }

    private static String submit(String token, String village, String title) {
        return TopicIntakeTest.post(token, "/api/v1/topics", topicBody(village, title)).statusCode(201).extract().path("id");
    }

    /** The offline copy as a phone keeps it: id → change, updated by each page. */
    private static void apply(Map<String, Map<String, Object>> copy, JsonPath page) {
        List<Map<String, Object>> changes = page.getList("changes");
        for (Map<String, Object> c : changes) {
            if ("UPSERT".equals(c.get("change"))) copy.put((String) c.get("id"), c);
            else copy.remove((String) c.get("id"));
        }
    }

    @Test
    void a_village_organizer_syncs_whole_then_only_what_changed_with_merges_and_moves_as_tombstones() {
        String village = TopicIntakeTest.village();
        String organizer = TestTokens.as(ORGANIZER, village).subject("committee@" + village).token();
        String a = submit(MergeTest.resident(village, "a"), village, "村口路灯维修");
        String b = submit(MergeTest.resident(village, "b"), village, "村口路灯坏了");
        String c = submit(MergeTest.resident(village, "c"), village, "跨村土地调整");
        // A draft is its author's alone: never in the feed.
        TopicIntakeTest.post(MergeTest.resident(village, "d"), "/api/v1/topics", topicBody(village, "草稿").replace("{", "{\"draft\": true, "))
                .statusCode(201);

        JsonPath first = sync(organizer, village, null);
        Map<String, Map<String, Object>> copy = new java.util.HashMap<>();
        apply(copy, first);
        assertEquals(Set.of(a, b, c), copy.keySet(), "the first sync is the whole copy, drafts left out");
        assertEquals("SUBMITTED", first.getString("changes.find { it.id == '" + a + "' }.topic.status"));
        assertEquals("村口路灯维修", first.getString("changes.find { it.id == '" + a + "' }.topic.title"));
        assertNull(first.get("changes[0].topic.proposer"), "a summary carries no personal data");
        assertFalse(first.getBoolean("more"));

        // Nothing changed: nothing comes, the cursor stays.
        JsonPath idle = sync(organizer, village, first.getString("nextCursor"));
        assertEquals(List.of(), idle.getList("changes"));
        assertEquals(first.getString("nextCursor"), idle.getString("nextCursor"));

        // A support (no new version) and a merge: b once in its latest state, a as a tombstone.
        as(MergeTest.resident(village, "e")).post("/api/v1/topics/{id}/supports", b).then().statusCode(201);
        as(organizer).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"into\": \"" + b + "\", \"note\": \"同一事项\"}")
                .post("/api/v1/topics/{id}/merge", a).then().statusCode(200);
        JsonPath second = sync(organizer, village, first.getString("nextCursor"));
        // The merge changed a, then b (the supports it carried): each once, in the order of their latest change.
        assertEquals(List.of(a, b), second.getList("changes.id"), "each changed topic once, oldest change first");
        assertEquals("MERGED", second.getString("changes[0].change"));
        assertEquals(b, second.getString("changes[0].mergedInto"));
        assertNull(second.get("changes[0].topic"));
        apply(copy, second);
        assertEquals(Set.of(b, c), copy.keySet());
        assertEquals(2, second.getInt("changes[1].topic.supportCount"), "e's support and a's proposer, carried by the merge");

        // c goes up to the township, which takes it: it leaves the village's feed as MOVED and joins the township's.
        String township = TestTokens.as(ORGANIZER, HUIMIN_STREET).subject("huimin-office").token();
        String townshipBefore = sync(township, HUIMIN_STREET, null).getString("nextCursor");
        EscalationTest.send(organizer, c, HUIMIN_STREET, "涉及跨村土地调整").statusCode(201);
        EscalationTest.answer(township, c, "accept", null).statusCode(200);
        JsonPath third = sync(organizer, village, second.getString("nextCursor"));
        // Compacted: its row here went ESCALATED, then MOVED; the phone gets the latest only.
        assertEquals(List.of(c), third.getList("changes.id"), third.prettify());
        assertEquals("MOVED", third.getString("changes[0].change"));
        apply(copy, third);
        assertEquals(Set.of(b), copy.keySet());
        JsonPath upThere = sync(township, HUIMIN_STREET, townshipBefore);
        assertEquals(List.of("MOVED", "UPSERT"), upThere.getList("changes.findAll { it.id == '" + c + "' }.change"),
                "the township, which covers both, drops the village's row and keeps the new one");
        assertEquals(HUIMIN_STREET, upThere.getString("changes.find { it.id == '" + c + "' && it.change == 'UPSERT' }.topic.territoryCode"));
    }

    @Test
    void a_deleted_topic_comes_as_a_tombstone() {
        String village = TopicIntakeTest.village();
        String organizer = TestTokens.as(ORGANIZER, village).subject("committee@" + village).token();
        String id = submit(organizer, village, "误录的议题");
        String cursor = sync(organizer, village, null).getString("nextCursor");
        // The API never deletes a topic (withdrawn and rejected ones keep their status); an operator's removal still reaches the phones.
        deleteTopic(UUID.fromString(id));
        JsonPath after = sync(organizer, village, cursor);
        assertEquals(List.of(id), after.getList("changes.id"));
        assertEquals("DELETED", after.getString("changes[0].change"));
    }

    void deleteTopic(UUID id) {
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("topic_timeline", "topic_support", "topic_cosigner", "topic_hop", "topic_attachment", "plan_item")) {
                em.createNativeQuery("delete from " + table + " where topic_id = ?1").setParameter(1, id).executeUpdate();
            }
            em.createNativeQuery("delete from topic where id = ?1").setParameter(1, id).executeUpdate();
        });
    }

    @Test
    void pages_follow_each_other_without_a_gap_while_topics_are_written_concurrently() throws Exception {
        String village = TopicIntakeTest.village();
        String organizer = TestTokens.as(ORGANIZER, village).subject("committee@" + village).token();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> writes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            writes.add(pool.submit(() -> {
                go.await();
                return submit(MergeTest.resident(village, "p" + n), village, "议题" + n);
            }));
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        go.countDown();
        // Sync in small pages while the writers run, until every write is done and the feed is drained.
        boolean writersDone = false;
        for (int rounds = 0; rounds < 2000; rounds++) {
            JsonPath page = as(organizer).queryParam("territory", village).queryParam("limit", 3)
                    .queryParams(cursor == null ? Map.of() : Map.of("since", cursor)).get("/api/v1/topics/changes").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("changes.id"));
            cursor = page.getString("nextCursor");
            if (writersDone && !page.getBoolean("more") && page.getList("changes").isEmpty()) break;
            writersDone = writes.stream().allMatch(Future::isDone);
        }
        pool.shutdown();
        Set<String> written = new HashSet<>();
        for (Future<String> f : writes) written.add(f.get());
        assertEquals(40, written.size());
        assertEquals(written, seen, "every topic written reached the phone");
    }

    @Test
    void only_who_sees_every_topic_of_the_territory_may_sync_it_and_a_bad_cursor_is_named() {
        String village = TopicIntakeTest.village();
        as(MergeTest.resident(village, "a")).queryParam("territory", village).get("/api/v1/topics/changes").then().statusCode(403)
                .contentType("application/problem+json");
        as(TestTokens.as(ORGANIZER, village).token()).queryParam("territory", HUIMIN_STREET).get("/api/v1/topics/changes").then().statusCode(403);
        as(TestTokens.as(ORGANIZER, village).token()).queryParam("territory", village).queryParam("since", "nonsense")
                .get("/api/v1/topics/changes").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("since"));
        as(TestTokens.as(ORGANIZER, village).token()).get("/api/v1/topics/changes").then().statusCode(400);
    }
}
