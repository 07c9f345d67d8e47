package org.shangliang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.e2e.Demo.FOLLOWUP;
import static org.shangliang.e2e.Demo.ORGANIZER;
import static org.shangliang.e2e.Demo.SESSIONS;
import static org.shangliang.e2e.Demo.STAFF;
import static org.shangliang.e2e.Demo.TOPICS;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.shangliang.client.followup.api.CasesApi;
import org.shangliang.client.followup.model.ModelCase;
import org.shangliang.client.sessions.api.OutcomesApi;
import org.shangliang.client.sessions.api.ParticipantsApi;
import org.shangliang.client.sessions.api.SessionsApi;
import org.shangliang.client.sessions.model.Attendance;
import org.shangliang.client.sessions.model.CheckIn;
import org.shangliang.client.sessions.model.InviteParticipants;
import org.shangliang.client.sessions.model.NewParticipant;
import org.shangliang.client.sessions.model.Participant;
import org.shangliang.client.sessions.model.ParticipantRole;
import org.shangliang.client.sessions.model.DecisionRule;
import org.shangliang.client.sessions.model.NewRecommendation;
import org.shangliang.client.sessions.model.RecordOutcome;
import org.shangliang.client.sessions.model.ScheduleSession;
import org.shangliang.client.sessions.model.Session;
import org.shangliang.client.sessions.model.SessionMode;
import org.shangliang.client.sessions.model.SessionStatus;
import org.shangliang.client.sessions.model.SessionType;
import org.shangliang.client.topics.ApiException;
import org.shangliang.client.topics.api.TopicsApi;
import org.shangliang.client.topics.model.AcceptTopic;
import org.shangliang.client.topics.model.Level;
import org.shangliang.client.topics.model.Problem;
import org.shangliang.client.topics.model.SubmitTopic;
import org.shangliang.client.topics.model.Topic;
import org.shangliang.client.topics.model.TopicStatus;

/**
 * The README flow through clients generated from the services' built OpenAPI documents: the Java
 * {@code native} client (generated and compiled by this module's build) and a TypeScript client
 * (openapi-typescript + openapi-fetch, generated, type-checked and run by node). This test JVM runs
 * under {@code LANG=C} with {@code -Dfile.encoding=UTF-8}: what a Java 17 client needs for Chinese
 * text (JDK 18+ uses UTF-8 by default).
 */
class GeneratedClientsE2ETest extends OnRunningPlatform {

    private static final String VILLAGE = Demo.HUIMIN + "204";

    private static TopicsApi topics(String token) {
        var client = new org.shangliang.client.topics.ApiClient();
        client.updateBaseUri(TOPICS);
        client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
        return new TopicsApi(client);
    }

    private static org.shangliang.client.sessions.ApiClient sessionsClient(String token) {
        var client = new org.shangliang.client.sessions.ApiClient();
        client.updateBaseUri(SESSIONS);
        client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
        return client;
    }

    private static SessionsApi sessions(String token) {
        return new SessionsApi(sessionsClient(token));
    }

    private static OutcomesApi outcomes(String token) {
        return new OutcomesApi(sessionsClient(token));
    }

    private static ParticipantsApi participants(String token) {
        return new ParticipantsApi(sessionsClient(token));
    }

    private static CasesApi cases(String token) {
        var client = new org.shangliang.client.followup.ApiClient();
        client.updateBaseUri(FOLLOWUP);
        client.setRequestInterceptor(b -> b.header("Authorization", "Bearer " + token));
        return new CasesApi(client);
    }

    @Test
    void the_readme_flow_works_through_the_generated_java_client() throws Exception {
        String villager = org.shangliang.commons.testing.TestTokens.as("resident", VILLAGE).subject("wang@huitong").name("王建国").token();
        Topic topic = topics(villager).submitTopic(new SubmitTopic().title("惠通村土地确权第三轮协商")
                .description("部分承包户对确权面积有异议，建议换届前再协商一轮。").themes(List.of("农业")).territoryCode(VILLAGE).level(Level.VILLAGE),
                UUID.randomUUID().toString(), null);
        assertEquals("惠通村土地确权第三轮协商", topic.getTitle(), "Chinese text round-trips under LANG=C");
        Topic accepted = topics(ORGANIZER).acceptTopic(topic.getId(), "\"" + topic.getVersion() + "\"", new AcceptTopic().note("列入第8次民生议事堂"), null);
        assertEquals(TopicStatus.ACCEPTED, accepted.getStatus());

        Demo.awaitTrue(() -> call(() -> sessions(ORGANIZER).listConsultableTopics(null, 100, VILLAGE, null, null).getItems().stream()
                .anyMatch(t -> t.getTopicId().equals(topic.getId()))), "the topic becomes consultable");
        Session session = sessions(ORGANIZER).scheduleSession(new ScheduleSession().title("惠通村民生议事堂第8次协商").type(SessionType.VILLAGE_HALL)
                .mode(SessionMode.IN_PERSON).territoryCode(VILLAGE).startsAt(OffsetDateTime.parse("2026-12-03T06:30:00Z")).agenda(List.of(topic.getId())),
                UUID.randomUUID().toString(), null);
        assertNull(session.getVenue(), "a venue not given comes back as null");
        Session started = sessions(ORGANIZER).startSession(session.getId(), "\"" + session.getVersion() + "\"", null);
        assertEquals(SessionStatus.IN_PROGRESS, started.getStatus());
        // 签到: a village hall's quorum of five before the outcome.
        List<Participant> invited = participants(ORGANIZER).inviteParticipants(session.getId(), new InviteParticipants().participants(
                java.util.stream.Stream.of("甲", "乙", "丙", "丁", "戊").map(n -> new NewParticipant().role(ParticipantRole.VILLAGER_REPRESENTATIVE).name("村民代表" + n)).toList()),
                UUID.randomUUID().toString(), null);
        Attendance attendance = participants(ORGANIZER).checkInParticipants(session.getId(),
                new CheckIn().participantIds(invited.stream().map(Participant::getId).toList()), null);
        assertEquals(Boolean.TRUE, attendance.getQuorumMet());
        var outcome = outcomes(ORGANIZER).recordOutcome(session.getId(), session.getAgenda().get(0).getId(), new RecordOutcome()
                .consensus("换届前召开第三轮协商；承包户与村民在政策范围内重新确认权属。").decisionRule(DecisionRule.CONSENSUS)
                .recommendations(List.of(new NewRecommendation().text("核对二轮承包台账").unitCode("agri-rural").dueDate(LocalDate.of(2027, 1, 31)))),
                UUID.randomUUID().toString(), null);
        assertEquals(1, outcome.getVersion());

        ModelCase[] found = new ModelCase[1];
        Demo.awaitTrue(() -> call(() -> {
            var page = cases(STAFF).listCases(null, null, null, null, topic.getId(), null, null, null, null);
            if (page.getItems().isEmpty()) return false;
            found[0] = page.getItems().get(0);
            return true;
        }), "a case for the topic");
        assertEquals("县农业农村局", found[0].getLeadUnit());
        Demo.awaitTrue(() -> call(() -> topics(villager).getTopic(topic.getId(), null, null).getStatus() == TopicStatus.IN_FOLLOW_UP), "topic in follow-up");

        // Errors map to the generated Problem model, in the language asked for, Chinese intact by default.
        ApiException notFound = assertThrows(ApiException.class, () -> topics(villager).getTopic(UUID.randomUUID(), null, null));
        assertEquals(404, notFound.getCode());
        Problem problem = new ObjectMapper().readValue(notFound.getResponseBody(), Problem.class);
        assertEquals("未找到", problem.getTitle());
        ApiException english = assertThrows(ApiException.class, () -> topics(villager).getTopic(UUID.randomUUID(), "en", null));
        assertEquals("Not found", new ObjectMapper().readValue(english.getResponseBody(), Problem.class).getTitle());
        assertEquals("UTF-8", Charset.defaultCharset().name(), "this JVM runs as a Java 17 client must: -Dfile.encoding=UTF-8");
    }

    @Test
    void the_readme_flow_works_through_the_generated_typescript_client() throws Exception {
        Path dir = Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize().resolve("e2e-tests/src/test/typescript");
        run(dir, List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        run(dir, List.of("npm", "run", "--silent", "generate"), 120);
        run(dir, List.of("npm", "run", "--silent", "build"), 180);
        String out = run(dir, List.of("npm", "run", "--silent", "flow"), 120);
        assertTrue(out.contains("TypeScript client flow") && out.contains(": OK"), out);
    }

    private String run(Path dir, List<String> command, int seconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Path log = Files.createTempFile("ts-client", ".log");
        pb.redirectOutput(log.toFile());
        pb.environment().put("TOPICS_URL", TOPICS);
        pb.environment().put("SESSIONS_URL", SESSIONS);
        pb.environment().put("FOLLOWUP_URL", FOLLOWUP);
        pb.environment().put("VILLAGE", Demo.HUIMIN + "202");
        pb.environment().put("VILLAGER_TOKEN", org.shangliang.commons.testing.TestTokens.as("resident", Demo.HUIMIN + "202").subject("li@huitong").token());
        pb.environment().put("ORGANIZER_TOKEN", ORGANIZER);
        pb.environment().put("STAFF_TOKEN", STAFF);
        Process p = pb.start();
        boolean done = p.waitFor(seconds, TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String out = Files.readString(log);
        System.out.println(out);
        assertTrue(done && p.exitValue() == 0, String.join(" ", command) + " failed:\n" + out);
        assertFalse(out.isBlank() && command.contains("flow"), "the flow printed nothing");
        return out;
    }

    private interface Call<T> {
        T get() throws Exception;
    }

    private static boolean call(Call<Boolean> c) {
        try {
            return c.get();
        } catch (Exception e) {
            return false;
        }
    }
}
