package org.shangliang.topics;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.EventsTestKit.header;
import static org.shangliang.topics.Fixtures.accepted;
import static org.shangliang.topics.Fixtures.freshVillage;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.EventsConfig;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.events.OutboxRelay;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.Contracts;
import org.shangliang.commons.testing.EventsTestKit;
import org.shangliang.commons.testing.JwtTestResource;

/**
 * The event backbone under faults, against the real PostgreSQL and broker: what is retried, what
 * is dead-lettered and how it is replayed, whom an event is trusted from, and how the relay keeps
 * order when a record, a lock or a producer fails.
 */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class EventBackboneTest {

    private static final Duration WAIT = Duration.ofSeconds(40);
    /** The relay's drain lock (OutboxRelay.DRAIN_LOCK). */
    private static final long DRAIN_LOCK = 0x6f7574626fL;
    private static final String SESSIONS = "/shangliang/sessions-service";

    @Inject EntityManager em;
    @Inject Outbox outbox;
    @Inject OutboxRelay relay;
    @Inject EventsConfig config;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl;
    final EventsTestKit kafka = EventsTestKit.forServiceUnderTest();

    @BeforeEach
    void setUp() throws Exception {
        Api.actByDefaultAs(Fixtures.COUNTY_STAFF);
        // A switchable fault: while a topic is in test_fault, writing its timeline fails with the given SQLSTATE.
        sql("create table if not exists test_fault (topic_id uuid primary key, sqlstate char(5) not null)",
            """
            create or replace function test_fault_check() returns trigger language plpgsql as $$
            declare s char(5);
            begin
                select sqlstate into s from test_fault where topic_id = new.topic_id;
                if s is not null then raise exception 'injected fault %', s using errcode = s; end if;
                return new;
            end $$""",
            "drop trigger if exists test_fault_timeline on topic_timeline",
            "create trigger test_fault_timeline before insert on topic_timeline for each row execute function test_fault_check()");
    }

    @AfterEach
    void tearDown() throws Exception {
        sql("delete from test_fault");
    }

    @Test
    void a_database_that_refuses_for_a_while_pauses_the_partition_and_dead_letters_nothing() throws Exception {
        for (String state : List.of("53300", "40001", "25006")) { // too many connections, serialization failure, read-only after failover
            String topic = accepted(freshVillage());
            sql("insert into test_fault values ('" + topic + "', '" + state + "')");
            String session = UUID.randomUUID().toString();
            RecordMetadata sent = kafka.send(kafka.topic("sessions"), session, "SessionScheduled", SESSIONS, TopicEventsTest.scheduled(session, topic));
            Thread.sleep(3_000);
            given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("ACCEPTED"));
            sql("delete from test_fault");
            await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("SCHEDULED")));
            assertEquals(0, kafka.read(kafka.deadLetters("topics-service"), at(sent), 1, Duration.ofSeconds(2)).size(),
                    state + " is an outage, not a broken event: nothing is dead-lettered");
        }
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("shangliang_events_retried_total"));
    }

    @Test
    void a_data_error_is_dead_lettered_after_its_tries_and_replayed_once_by_the_county_office() throws Exception {
        String topic = accepted(freshVillage());
        sql("insert into test_fault values ('" + topic + "', '23514')"); // check_violation: retrying cannot fix it
        String session = UUID.randomUUID().toString();
        RecordMetadata sent = kafka.send(kafka.topic("sessions"), session, "SessionScheduled", SESSIONS, TopicEventsTest.scheduled(session, topic));
        ConsumerRecord<String, byte[]> dead = kafka.await(kafka.deadLetters("topics-service"), at(sent), WAIT);
        assertEquals("data", header(dead, "dlt_reason"));
        assertEquals("3", header(dead, "dlt_attempts"));
        given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("ACCEPTED"));
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("shangliang_events_dead_lettered_total"));

        // The office sees it, with why.
        JsonPath letter = letter(dead);
        assertEquals("SessionScheduled", letter.getString("type"));
        assertEquals(false, letter.getBoolean("applied"));
        assertTrue(letter.getString("error").contains("23514"), letter.getString("error"));

        // Still broken: a replay says so and changes nothing.
        given().post("/api/v1/dead-letters/{p}/{o}/replay", dead.partition(), dead.offset()).then().statusCode(422).contentType("application/problem+json");
        sql("delete from test_fault");
        // Fixed: the replay applies it, once.
        given().post("/api/v1/dead-letters/{p}/{o}/replay", dead.partition(), dead.offset()).then().statusCode(200)
                .body("result", equalTo("APPLIED"));
        given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("SCHEDULED"));
        given().post("/api/v1/dead-letters/{p}/{o}/replay", dead.partition(), dead.offset()).then().statusCode(200)
                .body("result", equalTo("ALREADY_APPLIED"));
        given().get("/api/v1/topics/{id}/timeline", topic).then().body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED")));
        assertEquals(true, letter(dead).getBoolean("applied"));
        given().queryParam("action", "event.replay").get("/api/v1/audit").then().body("items.detail", hasItem(
                org.hamcrest.Matchers.containsString(dead.partition() + ":" + dead.offset())));
        // Nobody but the office replays.
        given().auth().oauth2(org.shangliang.commons.testing.TestTokens.as("leader", Fixtures.JIASHAN).token())
                .post("/api/v1/dead-letters/{p}/{o}/replay", dead.partition(), dead.offset()).then().statusCode(403);
        given().post("/api/v1/dead-letters/{p}/{o}/replay", dead.partition(), 999_999).then().statusCode(404)
                .contentType("application/problem+json");
    }

    private JsonPath letter(ConsumerRecord<String, byte[]> dead) {
        String cursor = null;
        do {
            JsonPath page = given().queryParam("limit", 100).queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/dead-letters").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (int i = 0; i < items.size(); i++) {
                if (((Number) items.get(i).get("partition")).intValue() == dead.partition()
                        && ((Number) items.get(i).get("offset")).longValue() == dead.offset()) {
                    return new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(items.get(i)).toString());
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        throw new AssertionError("dead letter " + dead.partition() + ":" + dead.offset() + " is not listed");
    }

    @Test
    void an_event_is_trusted_only_from_the_stream_and_source_that_own_it() {
        String topic = accepted(freshVillage());
        String caseId = UUID.randomUUID().toString();
        // CaseOpened belongs to followup-service on its stream: on the sessions stream it is somebody speaking for it.
        RecordMetadata wrongStream = kafka.send(kafka.topic("sessions"), caseId, "CaseOpened", "/shangliang/followup-service",
                TopicEventsTest.caseOpened(caseId, topic));
        String session = UUID.randomUUID().toString();
        RecordMetadata wrongSource = kafka.send(kafka.topic("sessions"), session, "SessionScheduled", "/evil/service",
                TopicEventsTest.scheduled(session, topic));
        assertEquals("untrusted", header(kafka.await(kafka.deadLetters("topics-service"), at(wrongStream), WAIT), "dlt_reason"));
        assertEquals("untrusted", header(kafka.await(kafka.deadLetters("topics-service"), at(wrongSource), WAIT), "dlt_reason"));
        given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void a_cancelled_session_gives_its_topic_back_unless_another_session_holds_it() {
        String topic = accepted(freshVillage());
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), first, "SessionScheduled", SESSIONS, TopicEventsTest.scheduled(first, topic));
        kafka.send(kafka.topic("sessions"), second, "SessionScheduled", SESSIONS, TopicEventsTest.scheduled(second, topic));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}/timeline", topic).then()
                .body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED", "SCHEDULED"))));
        kafka.send(kafka.topic("sessions"), first, "SessionCancelled", SESSIONS, cancelled(first, topic));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}/timeline", topic).then()
                .body("kind", hasItem("SESSION_CANCELLED")));
        given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("SCHEDULED"));
        kafka.send(kafka.topic("sessions"), second, "SessionCancelled", SESSIONS, cancelled(second, topic));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("ACCEPTED")));
        given().queryParam("targetId", topic).queryParam("action", "topic.progress").get("/api/v1/audit").then()
                .body("items[0].actor", equalTo("system:sessions-service")).body("items[0].detail", equalTo("ACCEPTED"));
    }

    @Test
    void a_postponed_and_rescheduled_session_shows_on_the_timeline_and_concluding_without_an_outcome_gives_the_topic_back() {
        String topic = accepted(freshVillage());
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "SessionScheduled", SESSIONS, TopicEventsTest.scheduled(session, topic));
        kafka.send(kafka.topic("sessions"), session, "SessionPostponed", SESSIONS, """
                {"sessionId": "%s", "reason": "台风预警，延期举行", "topicIds": ["%s"], "postponedAt": "2026-12-02T09:00:00Z"}
                """.formatted(session, topic));
        kafka.send(kafka.topic("sessions"), session, "SessionRescheduled", SESSIONS, """
                {"sessionId": "%s", "startsAt": "2026-12-10T06:30:00Z", "previousStartsAt": "2026-12-03T06:30:00Z", "reason": "台风预警，延期举行",
                 "rescheduleCount": 1, "agenda": [{"agendaItemId": "%s", "position": 1, "topicId": "%s", "topicNumber": "YT-2026-0042"}],
                 "rescheduledAt": "2026-12-04T02:00:00Z"}
                """.formatted(session, UUID.randomUUID(), topic));
        kafka.send(kafka.topic("sessions"), session, "SessionStarted", SESSIONS, """
                {"sessionId": "%s", "topicIds": ["%s"], "startedAt": "2026-12-10T06:32:00Z"}
                """.formatted(session, topic));
        kafka.send(kafka.topic("sessions"), session, "SessionConcluded", SESSIONS, """
                {"sessionId": "%s", "topicIds": ["%s"], "undeliberatedTopicIds": ["%s"], "concludedAt": "2026-12-10T09:00:00Z"}
                """.formatted(session, topic, topic));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("ACCEPTED")));
        given().get("/api/v1/topics/{id}/timeline", topic).then()
                .body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED", "SESSION_POSTPONED", "SESSION_RESCHEDULED", "SESSION_CONCLUDED")))
                .body("summary[3]", equalTo("协商会延期：台风预警，延期举行"))
                .body("summary[4]", equalTo("协商会改期至 2026-12-10 14:30（北京时间）"));
    }

    @Test
    void an_agenda_edited_to_leave_a_topic_out_gives_it_back_and_schedules_the_new_one_once() {
        String kept = accepted(freshVillage());
        String left = accepted(freshVillage());
        String session = UUID.randomUUID().toString();
        kafka.send(kafka.topic("sessions"), session, "SessionScheduled", SESSIONS, TopicEventsTest.scheduled(session, kept, left));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", left).then().body("status", equalTo("SCHEDULED")));
        // The agenda edited (议程调整): SessionScheduled again, without `left`.
        kafka.send(kafka.topic("sessions"), session, "SessionScheduled", SESSIONS, TopicEventsTest.scheduled(session, kept));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", left).then().body("status", equalTo("ACCEPTED")));
        given().get("/api/v1/topics/{id}/timeline", left).then().body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED", "AGENDA_REMOVED")));
        given().get("/api/v1/topics/{id}/timeline", kept).then().body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED")));
        given().get("/api/v1/topics/{id}", kept).then().body("status", equalTo("SCHEDULED"));
    }

    @Test
    void a_corrected_outcome_shows_on_the_topic_timeline_and_leaves_its_status() throws Exception {
        String topic = accepted(freshVillage());
        String session = UUID.randomUUID().toString();
        // The contract's own sample, about this topic.
        String corrected = java.nio.file.Files.readString(Contracts.folder().resolve("samples/OutcomeCorrected.json"))
                .replace("7b0f5a52-3a4e-4d0e-9d57-2f0c1e6f7a10", topic).replace("c3d1b6a4-8f2e-4a61-9b0c-5e4d3c2b1a09", session);
        Contracts.assertValid("OutcomeCorrected", corrected);
        kafka.send(kafka.topic("sessions"), session, "OutcomeCorrected", SESSIONS, corrected);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}/timeline", topic).then()
                .body("kind", hasItem("OUTCOME_CORRECTED"))
                .body("summary", hasItem("协商意见更正（第2版，改 1 条、增 1 条、撤 0 条建议）：第三轮协商确认的办理时限有误，更正为2027年3月31日；增加村道测绘一项")));
        given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("ACCEPTED"));
    }

    @Test
    void a_signed_case_shows_on_the_topic_timeline() {
        String topic = accepted(freshVillage());
        String caseId = UUID.randomUUID().toString();
        kafka.send(kafka.topic("followup"), caseId, "CaseSigned", "/shangliang/followup-service", """
                {"caseId": "%s", "number": "BJ-2026-0007", "topicId": "%s", "leadUnit": "县农业农村局", "signedAt": "2026-12-04T01:00:00Z"}
                """.formatted(caseId, topic));
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}/timeline", topic).then()
                .body("kind", hasItem("CASE_SIGNED")).body("summary", hasItem(org.hamcrest.Matchers.containsString("县农业农村局"))));
    }

    @Test
    void the_topic_is_concluded_when_its_last_case_ends_and_each_step_shows_on_its_timeline() throws Exception {
        String topic = accepted(freshVillage());
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        caseEvent("CaseOpened", topic, first);
        caseEvent("CaseOpened", topic, second);
        caseEvent("CaseReplied", topic, first);
        caseEvent("CaseClosed", topic, first);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}/timeline", topic).then()
                .body("kind", hasItem("CASE_CLOSED")).body("summary", hasItem("办理件 BJ-2026-0007 办复（A类）"))
                .body("summary", hasItem("办理件 BJ-2026-0007 办结（提案人评价满意）")));
        // One case is still open: the topic is still followed up.
        given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("IN_FOLLOW_UP"));
        caseEvent("CaseWithdrawn", topic, second);
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", topic).then().body("status", equalTo("CONCLUDED")));
        given().get("/api/v1/topics/{id}/timeline", topic).then()
                .body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "CASE_OPENED", "CASE_OPENED", "CASE_REPLIED", "CASE_CLOSED", "CASE_WITHDRAWN", "CONCLUDED")))
                .body("summary[7]", equalTo("议题办结：1 件办理件办结，1 件撤销"));
        // A redelivered close changes nothing.
        caseEvent("CaseClosed", topic, first);
        String marker = accepted(freshVillage());
        caseEvent("CaseOpened", marker, UUID.randomUUID().toString());
        await().atMost(WAIT).untilAsserted(() -> given().get("/api/v1/topics/{id}", marker).then().body("status", equalTo("IN_FOLLOW_UP")));
        given().get("/api/v1/topics/{id}/timeline", topic).then().body("kind", org.hamcrest.Matchers.hasSize(8));
    }

    /** The contract's sample of {@code type}, about this topic and case. */
    private void caseEvent(String type, String topic, String caseId) throws Exception {
        String json = java.nio.file.Files.readString(Contracts.folder().resolve("samples/" + type + ".json"))
                .replace("7b0f5a52-3a4e-4d0e-9d57-2f0c1e6f7a10", topic).replace("0a1b2c3d-4e5f-4607-8899-aabbccddeeff", caseId);
        Contracts.assertValid(type, json);
        kafka.send(kafka.topic("followup"), caseId, type, "/shangliang/followup-service", json);
    }

    @Test
    void a_malformed_event_is_dead_lettered_at_once_without_tries() {
        String session = UUID.randomUUID().toString();
        // SessionScheduled without its agenda: validated before the handler, never a NullPointerException three times.
        RecordMetadata bad = kafka.send(kafka.topic("sessions"), session, "SessionScheduled", SESSIONS,
                "{\"sessionId\": \"" + session + "\", \"title\": \"无议程\"}");
        ConsumerRecord<String, byte[]> dead = kafka.await(kafka.deadLetters("topics-service"), at(bad), WAIT);
        assertEquals("malformed", header(dead, "dlt_reason"));
        assertEquals("1", header(dead, "dlt_attempts"));
        assertTrue(header(dead, "dlt_error").contains("agenda"), header(dead, "dlt_error"));
    }

    @Test
    void a_failing_record_holds_back_only_itself_and_what_follows_it() throws Exception {
        String marker = UUID.randomUUID().toString();
        String aggregate = UUID.randomUUID().toString();
        List<UUID> ids = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 3; i++) ids.add(outbox.publish(new OutboxRelayTest.Probe(marker, aggregate, i)));
            // The middle record cannot be sent: its topic name is not a legal Kafka topic name.
            em.createNativeQuery("update outbox_event set topic = 'not a topic!' where id = ?1").setParameter(1, ids.get(1)).executeUpdate();
        });
        Predicate<ConsumerRecord<String, byte[]>> ours = r -> aggregate.equals(r.key());
        await().atMost(WAIT).until(() -> published(ids.get(0)));
        assertEquals(1, kafka.read(kafka.topic("topics"), ours, 2, Duration.ofSeconds(3)).size(), "the first is out, the rest wait");
        assertTrue(!published(ids.get(1)) && !published(ids.get(2)));
        given().get("/q/health/well").then().body("checks.find { it.name == 'event-backbone' }.data.publishError", org.hamcrest.Matchers.notNullValue());
        given().get("/q/metrics").then().body(org.hamcrest.Matchers.containsString("shangliang_outbox_oldest_unpublished_seconds"));

        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update outbox_event set topic = ?1 where id = ?2")
                .setParameter(1, kafka.topic("topics")).setParameter(2, ids.get(1)).executeUpdate());
        await().atMost(WAIT).until(() -> published(ids.get(2)));
        List<ConsumerRecord<String, byte[]>> seen = kafka.read(kafka.topic("topics"), ours, 4, Duration.ofSeconds(3));
        assertEquals(List.of(ids.get(0).toString(), ids.get(1).toString(), ids.get(2).toString()),
                seen.stream().map(r -> header(r, "ce_id")).toList(), "each once, in order");
    }

    @Test
    void a_row_locked_by_a_lost_drain_is_not_overtaken_by_the_next_row_of_its_aggregate() throws Exception {
        String marker = UUID.randomUUID().toString();
        String aggregate = UUID.randomUUID().toString();
        List<UUID> ids = new ArrayList<>();
        try (Connection holder = connection(); Connection zombie = connection()) {
            holder.setAutoCommit(false);
            zombie.setAutoCommit(false);
            // Hold the drain lock while the rows are written, so no drain starts before the zombie has its row.
            exec(holder, "select pg_advisory_xact_lock(" + DRAIN_LOCK + ")");
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 2; i++) ids.add(outbox.publish(new OutboxRelayTest.Probe(marker, aggregate, i)));
            });
            // A drain that lost its advisory lock still holds its row lock on the first row.
            exec(zombie, "select 1 from outbox_event where id = '" + ids.get(0) + "' for update");
            holder.commit();
            Thread.sleep(2_000);
            assertEquals(0, kafka.read(kafka.topic("topics"), r -> aggregate.equals(r.key()), 1, Duration.ofSeconds(2)).size(),
                    "the second row waits for the first instead of skipping past it");
            zombie.commit();
        }
        await().atMost(WAIT).until(() -> published(ids.get(1)));
        List<ConsumerRecord<String, byte[]>> seen = kafka.read(kafka.topic("topics"), r -> aggregate.equals(r.key()), 3, Duration.ofSeconds(3));
        assertEquals(List.of(ids.get(0).toString(), ids.get(1).toString()), seen.stream().map(r -> header(r, "ce_id")).toList());
    }

    @Test
    void a_relay_fenced_by_a_newer_one_starts_again_and_publishes_each_row_once() throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, config.transactionalId());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        String aggregate = UUID.randomUUID().toString();
        List<UUID> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> newer = new KafkaProducer<>(p)) {
            newer.initTransactions(); // the relay's producer is fenced from now on
            // A zombie's half-sent batch: never committed, so never seen.
            newer.beginTransaction();
            newer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(kafka.topic("topics"), aggregate, "{}".getBytes())).get();
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < 5; i++) ids.add(outbox.publish(new OutboxRelayTest.Probe("fenced", aggregate, i)));
            });
            await().atMost(WAIT).until(() -> published(ids.get(4)));
        }
        List<ConsumerRecord<String, byte[]>> seen = kafka.read(kafka.topic("topics"), r -> aggregate.equals(r.key()), 6, Duration.ofSeconds(3));
        assertEquals(ids.stream().map(UUID::toString).toList(), seen.stream().map(r -> header(r, "ce_id")).toList(),
                "every row once, in order, and nothing of the fenced transaction");
    }

    @Test
    void kafka_is_not_part_of_readiness_but_reported_as_wellness() {
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", not(hasItem("event-backbone")));
        given().get("/q/health/well").then().statusCode(200).body("checks.name", hasItem("event-backbone"))
                .body("checks.find { it.name == 'event-backbone' }.data.relay", equalTo("leading"));
        given().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("event-threads"));
    }

    @Test
    void topics_are_created_with_the_configured_partitions_replication_and_retention() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrap());
        try (Admin admin = Admin.create(p)) {
            String name = kafka.topic("topics");
            var description = admin.describeTopics(Set.of(name)).allTopicNames().get().get(name);
            assertEquals(config.topics().partitions(), description.partitions().size());
            Config settings = admin.describeConfigs(Set.of(new ConfigResource(ConfigResource.Type.TOPIC, name))).all().get().values().iterator().next();
            assertEquals("1", settings.get("min.insync.replicas").value());
            assertEquals(String.valueOf(Duration.ofDays(7).toMillis()), settings.get("retention.ms").value());
        }
    }

    private boolean published(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from outbox_event where id = ?1 and published_at is not null").setParameter(1, id).getSingleResult()).intValue() == 1);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> at(RecordMetadata sent) {
        return r -> String.valueOf(sent.offset()).equals(header(r, "dlt_original_offset"))
                && String.valueOf(sent.partition()).equals(header(r, "dlt_original_partition"))
                && sent.topic().equals(header(r, "dlt_original_topic"));
    }

    static String cancelled(String session, String topic) {
        return """
                {"sessionId": "%s", "reason": "村委换届提前，改期", "topicIds": ["%s"], "cancelledAt": "2026-12-01T02:00:00Z"}
                """.formatted(session, topic);
    }

    private Connection connection() throws Exception {
        return DriverManager.getConnection(jdbcUrl, "shangliang", "shangliang");
    }

    private void sql(String... statements) throws Exception {
        try (Connection c = connection()) {
            for (String s : statements) exec(c, s);
        }
    }

    private static void exec(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
