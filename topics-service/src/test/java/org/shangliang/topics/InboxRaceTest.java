package org.shangliang.topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.shangliang.topics.Fixtures.accepted;
import static org.shangliang.topics.Fixtures.freshVillage;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.shangliang.commons.events.IncomingEvent;
import org.shangliang.commons.testing.Api;
import org.shangliang.commons.testing.JwtTestResource;
import org.shangliang.topics.messaging.in.LoopEventsHandler;

/** Two replicas handed the same event at the same moment (a rebalance): it is applied once. */
@QuarkusTest
@QuarkusTestResource(JwtTestResource.class)
class InboxRaceTest {

    @Inject LoopEventsHandler handler;
    @Inject ObjectMapper json;
    @Inject jakarta.validation.Validator validator;

    @BeforeEach
    void actAsCountyStaff() {
        Api.actByDefaultAs(Fixtures.COUNTY_STAFF);
    }

    @Test
    void the_same_event_applied_by_two_replicas_at_once_counts_once() throws Exception {
        String topic = accepted(freshVillage());
        String session = UUID.randomUUID().toString();
        byte[] payload = TopicEventsTest.scheduled(session, topic).getBytes(StandardCharsets.UTF_8);
        String eventId = UUID.randomUUID().toString();
        CountDownLatch start = new CountDownLatch(1);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> replicas = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    handler.on(new IncomingEvent(eventId, "SessionScheduled", "/shangliang/sessions-service", session, Instant.now(),
                            "race", 0, 0, payload, json, validator, "sessions-service"));
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            replicas.add(t);
            t.start();
        }
        start.countDown();
        for (Thread t : replicas) t.join();
        assertEquals(List.of(), failures, "no replica fails: the losers see the event as already applied");
        given().get("/api/v1/topics/{id}/timeline", topic).then()
                .body("kind", equalTo(List.of("SUBMITTED", "ACCEPTED", "SCHEDULED")));
    }
}
