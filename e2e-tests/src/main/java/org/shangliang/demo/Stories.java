package org.shangliang.demo;

import static org.shangliang.demo.Api.body;
import static org.shangliang.demo.Api.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One topic's way through a session (协商会) and its cases (办理件), driven from wherever it stands
 * to where the demo leaves it: each step is taken only from the state before it, by the person
 * whose step it is, so running it again changes nothing.
 */
final class Stories {

    /** A case's life in order; RETURN_REQUESTED branches off ASSIGNED. */
    private static final List<String> CASE_PATH = List.of("ASSIGNED", "SIGNED", "IN_PROGRESS", "REPLIED", "REPLY_APPROVED", "CLOSED");

    private final Api api;
    private final Tokens tokens;
    private final DemoLoader.Report report;
    private final String staff;
    private final Map<String, String> memberIds;
    private final Consumer<String> say;

    Stories(Api api, Tokens tokens, DemoLoader.Report report, String staff, Map<String, String> memberIds, Consumer<String> say) {
        this.memberIds = memberIds;
        this.api = api;
        this.tokens = tokens;
        this.report = report;
        this.staff = staff;
        this.say = say;
    }

    void tell(JiashanCounty.Story story, String topicId, JiashanCounty.Topic topic) {
        boolean county = "COUNTY".equals(topic.level());
        String host = county ? staff
                : DemoLoader.screener(tokens, topic);
        JsonNode session = session(story, topicId, topic, county, host);
        String sessionUrl = api.sessions + "/api/v1/sessions/" + session.path("id").asText();
        if (story.recommendations().isEmpty()) {
            say.accept("  " + story.sessionTitle() + ": " + session.path("status").asText() + " (" + story.startsAt().substring(0, 10) + ")");
            return;
        }
        if ("SCHEDULED".equals(session.path("status").asText())) {
            expect(api.move("POST", sessionUrl + "/start", host, null, session.path("version").asLong()), 200, "start " + story.sessionTitle());
            report.made("session start");
        }
        JsonNode item = session.path("agenda").get(0);
        if ("OPEN".equals(item.path("status").asText())) outcome(story, sessionUrl, item.path("id").asText(), county, host);
        // 结束: the session is over once its outcome is recorded (and its people free for other sessions at that time).
        Api.Answer held = expect(api.get(sessionUrl, host), 200, "read " + story.sessionTitle());
        if ("IN_PROGRESS".equals(held.body().path("status").asText())) {
            expect(api.move("POST", sessionUrl + "/conclude", host, null, held.version()), 200, "conclude " + story.sessionTitle());
            report.made("session conclusion");
        }
        List<JsonNode> cases = awaitCases(topicId, story.recommendations().size());
        StringBuilder line = new StringBuilder("  " + story.sessionTitle() + " → ");
        for (JiashanCounty.Recommendation r : story.recommendations()) {
            JsonNode c = cases.stream().filter(x -> r.unitCode().equals(x.path("leadUnitCode").asText())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no case for " + r.unitCode() + " on " + story.topicTitle()));
            String status = drive(c, r, topic);
            line.append(c.path("number").asText()).append(" ").append(c.path("leadUnit").asText()).append(" ").append(status).append("; ");
        }
        say.accept(line.toString());
    }

    /** The session that holds the topic, or a new one with the topic on its agenda once sessions-service has heard it is accepted. */
    private JsonNode session(JiashanCounty.Story story, String topicId, JiashanCounty.Topic topic, boolean county, String host) {
        JsonNode found = api.read(api.sessions + "/api/v1/sessions?topicId=" + topicId, staff).path("items");
        if (!found.isEmpty()) {
            report.seen("session");
            return api.read(api.sessions + "/api/v1/sessions/" + found.get(0).path("id").asText(), staff);
        }
        Map<String, Object> request = body("title", story.sessionTitle(), "type", county ? "SPECIAL_TOPIC" : "VILLAGE_HALL", "mode", "IN_PERSON",
                "territoryCode", topic.territoryCode(), "startsAt", story.startsAt(), "venue", story.venue(), "agenda", List.of(topicId));
        // The topic's acceptance travels as an event: until it arrives, the topic is not consultable there.
        Api.Answer a = Api.until(() -> api.create(api.sessions + "/api/v1/sessions", host, request), x -> x.status() == 201);
        expect(a, 201, "schedule " + story.sessionTitle());
        report.made("session");
        return a.body();
    }

    /** The people invited to the demo's sessions besides members (county sessions first four, village halls the rest): never published. */
    static final List<String> PEOPLE = List.of("县政协主席", "浙江大学专家", "企业代表", "部门负责人", "村民代表甲", "村民代表乙", "乡贤丙", "部门科长");
    /** What clerks and proposers write on the demo's cases: internal, never published. */
    static final String RETURN_REASON = "经营秩序属市场监管与属地共同职责，建议由街道牵头";
    static final String PROGRESS_TEXT = "已制定实施方案，完成一半";
    static final String REPLY_TEXT = "已按协商意见办理完毕，详见附件。";
    static final String EVALUATION_COMMENT = "办理及时，满意";

    /** 签到 a quorum, then the outcome (协商意见) with its recommendations. */
    private void outcome(JiashanCounty.Story story, String sessionUrl, String itemId, boolean county, String host) {
        JsonNode present = api.read(sessionUrl + "/participants", host);
        List<String> ids = new ArrayList<>();
        if (present.path("participants").isEmpty()) {
            List<Map<String, Object>> people = county
                    ? List.of(body("role", "LEADER", "name", PEOPLE.get(0)), member("钱丽娟"), member("朱国平"),
                    member("顾志强"), body("role", "EXPERT", "name", PEOPLE.get(1)),
                    body("role", "ENTERPRISE_REPRESENTATIVE", "name", PEOPLE.get(2)),
                    body("role", "DEPARTMENT_OFFICIAL", "name", PEOPLE.get(3), "unitCode", story.recommendations().get(0).unitCode()))
                    : List.of(member("沈建明"), body("role", "VILLAGER_REPRESENTATIVE", "name", PEOPLE.get(4)),
                    body("role", "VILLAGER_REPRESENTATIVE", "name", PEOPLE.get(5)), body("role", "NOTABLE", "name", PEOPLE.get(6)),
                    body("role", "DEPARTMENT_OFFICIAL", "name", PEOPLE.get(7), "unitCode", story.recommendations().get(0).unitCode()));
            // Members are invited by their directory id, which sessions-service knows from the directory's events.
            Api.Answer a = Api.until(() -> api.post(sessionUrl + "/participants", host, body("participants", people)), x -> x.status() != 422);
            JsonNode invited = expect(a, 201, "invite to " + story.sessionTitle()).body();
            invited.forEach(p -> ids.add(p.path("id").asText()));
        } else {
            present.path("participants").forEach(p -> ids.add(p.path("id").asText()));
        }
        expect(api.post(sessionUrl + "/check-ins", host, body("participantIds", ids)), 200, "check in");
        List<Map<String, Object>> recs = new ArrayList<>();
        for (JiashanCounty.Recommendation r : story.recommendations()) recs.add(body("text", r.text(), "unitCode", r.unitCode(), "dueDate", r.dueDate()));
        expect(api.create(sessionUrl + "/agenda-items/" + itemId + "/outcomes", host,
                body("consensus", "与会各方达成共识：" + story.recommendations().get(0).text() + "。", "decisionRule", "CONSENSUS", "recommendations", recs)),
                201, "record the outcome of " + story.sessionTitle());
        report.made("outcome");
    }

    private Map<String, Object> member(String name) {
        return body("role", "MEMBER", "name", name, "memberId", memberIds.get(name));
    }

    /** followup-service opens a case per recommendation when it hears of the outcome. */
    private List<JsonNode> awaitCases(String topicId, int expected) {
        List<JsonNode> cases = Api.until(() -> {
            List<JsonNode> found = new ArrayList<>();
            api.read(api.followup + "/api/v1/cases?topicId=" + topicId, staff).path("items").forEach(found::add);
            return found;
        }, found -> found.size() >= expected);
        if (cases.size() < expected) throw new IllegalStateException("followup-service opened " + cases.size() + " of " + expected + " cases for topic " + topicId);
        return cases;
    }

    /** Moves the case one step at a time until it is where the demo leaves it; @return its status */
    private String drive(JsonNode c, JiashanCounty.Recommendation r, JiashanCounty.Topic topic) {
        String url = api.followup + "/api/v1/cases/" + c.path("id").asText();
        String clerk = tokens.token("handler", JiashanCounty.COUNTY, r.unitCode(), "clerk@" + r.unitCode(), r.unitCode() + " 办理员");
        Api.Answer now = expect(api.get(url, staff), 200, "read case");
        while (true) {
            String status = now.body().path("status").asText();
            if (status.equals(r.caseStatus())) return status;
            long v = now.version();
            Api.Answer next;
            if (r.caseStatus().equals("RETURN_REQUESTED") && status.equals("ASSIGNED")) {
                next = api.move("POST", url + "/return-request", clerk, body("reason", RETURN_REASON), v);
            } else {
                int at = CASE_PATH.indexOf(status);
                if (at < 0 || at >= CASE_PATH.indexOf(r.caseStatus())) return status; // elsewhere already: leave it
                next = switch (status) {
                    case "ASSIGNED" -> api.move("POST", url + "/sign", clerk, null, v);
                    case "SIGNED" -> api.move("POST", url + "/progress", clerk, body("percent", 50, "text", PROGRESS_TEXT), v);
                    case "IN_PROGRESS" -> api.move("POST", url + "/reply", clerk, body("text", REPLY_TEXT, "resolutionDegree", "A"), v);
                    case "REPLIED" -> api.move("POST", url + "/reply/approval", staff, null, v);
                    case "REPLY_APPROVED" -> api.move("POST", url + "/evaluations",
                            tokens.token(topic.proposerRole(), topic.territoryCode(), null, topic.proposerSubject(), topic.proposerName()),
                            body("attitude", "SATISFIED", "result", "SATISFIED", "comment", EVALUATION_COMMENT), v);
                    default -> throw new IllegalStateException("no step from " + status);
                };
            }
            now = expect(next, 200, "move case " + c.path("number").asText() + " from " + status);
            report.made("case step");
        }
    }
}
