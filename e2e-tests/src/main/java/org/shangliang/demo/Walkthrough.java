package org.shangliang.demo;

import static org.shangliang.demo.Api.body;
import static org.shangliang.demo.Api.expect;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Huitong land-rights story (惠通村土地确权) of the source article, run through the API with the
 * right person at each step: villagers raise and support the topic, the street's liaison office
 * accepts it, the village hall meets three times (the third round reaches the agreed opinion, which
 * is then corrected), the agricultural department handles the case, the villagers are satisfied,
 * and the topic's timeline shows the whole loop. Each run tells the story anew (a new topic, which
 * the duplicate check links to the earlier ones).
 */
public final class Walkthrough {

    /** What the story ended with, for the tests. */
    public record Result(String topicId, String topicStatus, List<String> timeline, List<String> rounds, int outcomeVersion,
                         String caseStatus, String satisfaction) {
    }

    static final String VILLAGE = JiashanCounty.HUITONG;
    static final String STREET = JiashanCounty.HUIMIN;

    private final Api api;
    private final PrintStream out;
    private final String villager;
    private final String organizer;
    private final String staff;
    private final String clerk;
    private final List<String> neighbours;
    private int step;

    public Walkthrough(Api api, Tokens tokens, PrintStream out) {
        this.api = api;
        this.out = out;
        this.villager = tokens.token("resident", VILLAGE, null, "wang@huitong", "王建国");
        this.organizer = tokens.token("organizer", STREET, null, "liaison@huimin", "惠民街道政协联络室");
        this.staff = tokens.token("cppcc_staff", JiashanCounty.COUNTY, null, "office@jiashan", "县政协机关");
        this.clerk = tokens.token("handler", JiashanCounty.COUNTY, "agri-rural", "clerk@agri", "县农业农村局 农经科");
        this.neighbours = new ArrayList<>();
        for (String n : List.of("李秀英", "张阿四", "陈美华")) neighbours.add(tokens.token("resident", VILLAGE, null, "villager-" + n + "@huitong", n));
    }

    public Result run() {
        // ① 提出议题 — a villager raises the topic.
        JsonNode topic = expect(api.create(api.topics + "/api/v1/topics", villager, body(
                "title", "惠通村土地确权协商",
                "description", "部分承包户对确权面积有异议，建议在村委换届前召开议事堂协商，邀请县政协、乡贤和农经部门参加，承包户与村民在政策范围内重新确认权属。",
                "themes", List.of("农业", "民生"), "territoryCode", VILLAGE, "level", "VILLAGE")), 201, "submit the topic").body();
        String topicId = topic.path("id").asText();
        step("村民王建国提出议题", "a villager raises the topic", topic.path("number").asText() + " 「" + topic.path("title").asText() + "」 " + topic.path("status").asText());
        if (topic.path("similarTopics").size() > 0) {
            out.println("     查重 similar topics already filed: " + topic.path("similarTopics").size() + "，如 " + topic.path("similarTopics").get(0).path("number").asText()
                    + "（相似度 score " + topic.path("similarTopics").get(0).path("score").asText() + "）");
        }

        // ② 附议 — neighbours support it.
        int supports = 0;
        for (String n : neighbours) supports = expect(api.post(api.topics + "/api/v1/topics/" + topicId + "/supports", n, null), 201, "support").body().path("supportCount").asInt();
        step("邻居附议", "neighbours support it", supports + " 人附议 supports");

        // ③ 立项 — the street's liaison office accepts it for the village hall.
        JsonNode accepted = expect(api.move("POST", api.topics + "/api/v1/topics/" + topicId + "/accept", organizer,
                body("note", "列入惠通村民生议事堂协商"), topic.path("version").asLong()), 200, "accept").body();
        step("惠民街道政协联络室立项", "the liaison office accepts it", accepted.path("status").asText());

        // ④–⑥ three rounds of the village hall.
        String memberId = memberId("沈建明");
        List<String> rounds = new ArrayList<>();
        String previous = null;
        JsonNode outcome = null;
        String third = null;
        String thirdItem = null;
        for (int round = 1; round <= 3; round++) {
            JsonNode session = schedule(topicId, round, previous);
            String sid = session.path("id").asText();
            String item = session.path("agenda").get(0).path("id").asText();
            rounds.add(session.path("title").asText());
            String url = api.sessions + "/api/v1/sessions/" + sid;
            List<String> ids = invite(url, memberId, round);
            step("第" + round + "轮议事堂：邀请、开会、签到", "round " + round + ": invitations, opening, check-in",
                    session.path("title").asText() + "，邀请 " + ids.size() + " 人 invited");
            long v = expect(api.move("POST", url + "/start", organizer, null, session.path("version").asLong()), 200, "start").version();
            JsonNode attendance = expect(api.post(url + "/check-ins", organizer, body("participantIds", ids)), 200, "check in").body();
            out.println("     签到 present " + attendance.path("present").asInt() + " / 应到 needed " + attendance.path("needed").asInt()
                    + (attendance.path("quorumMet").asBoolean() ? "，达到法定人数 quorum met" : ""));
            speak(url, item, ids, round);
            if (round < 3) {
                expect(api.move("POST", url + "/conclude", organizer, null, v), 200, "conclude round " + round);
                out.println("     本轮未形成共识，议题待下一轮 no consensus yet: the topic waits for the next round");
                previous = sid;
                continue;
            }
            positions(url, item, ids);
            outcome = expect(api.create(url + "/agenda-items/" + item + "/outcomes", organizer, body(
                    "consensus", "在村委换届前完成第三轮协商；承包户与村民在政策范围内重新确认权属，确权面积经承包户签字确认后公示。",
                    "decisionRule", "CONSENSUS",
                    "recommendations", List.of(body("text", "核对二轮承包台账，组织承包户重新确认权属", "unitCode", "agri-rural", "dueDate", "2027-01-31")))),
                    201, "record the outcome").body();
            step("记录协商意见", "the agreed opinion is recorded", "版本 version " + outcome.path("version").asInt() + "，建议 "
                    + outcome.path("recommendations").size() + " 条 recommendation(s) → 县农业农村局");
            third = url;
            thirdItem = item;
        }

        // ⑦ 办理件 — followup-service opened the case for the agricultural department; the topic is in follow-up.
        JsonNode kase = awaitCase(topicId);
        String caseUrl = api.followup + "/api/v1/cases/" + kase.path("id").asText();
        step("生成办理件", "the case is opened", kase.path("number").asText() + " 主办 lead " + kase.path("leadUnit").asText() + "，时限 due " + kase.path("dueDate").asText());
        awaitTopicStatus(topicId, "IN_FOLLOW_UP");

        // ⑧ 更正 — the third round's record is corrected (never edited in place); the case follows the correction.
        JsonNode rec = outcome.path("recommendations").get(0);
        JsonNode corrected = expect(api.create(third + "/agenda-items/" + thirdItem + "/outcomes/corrections", organizer, body(
                "reason", "第三轮协商确认的办理时限有误，更正为春节前",
                "consensus", outcome.path("consensus").asText(), "decisionRule", "CONSENSUS",
                "recommendations", List.of(body("id", rec.path("id").asText(), "text", rec.path("text").asText(), "unitCode", "agri-rural", "dueDate", "2027-02-05")))),
                201, "correct the outcome").body();
        step("更正协商意见", "the record is corrected", "版本 version " + corrected.path("version").asInt() + "：办理时限 due 2027-02-05");
        expect(api.move("POST", third + "/conclude", organizer, null, api.get(third, organizer).version()), 200, "conclude round 3");

        long v = awaitVersion(caseUrl, "2027-02-05");
        out.println("     办理件时限随更正改为 the case's due date follows the correction: 2027-02-05");
        v = expect(api.move("POST", caseUrl + "/sign", clerk, null, v), 200, "sign").version();
        step("农业农村局签收", "the department signs for it", "SIGNED");
        v = expect(api.move("POST", caseUrl + "/progress", clerk, body("percent", 60, "text", "已完成二轮承包台账核对，张榜公示七天"), v), 200, "progress").version();
        step("办理进展", "progress report", "60%：已完成二轮承包台账核对，张榜公示七天");
        v = expect(api.move("POST", caseUrl + "/reply", clerk, body("text", "12户面积异议已全部更正，确权证书已发放。", "resolutionDegree", "A"), v), 200, "reply").version();
        step("办复", "the department replies", "A 类（已解决 solved）：12户面积异议已全部更正，确权证书已发放");
        v = expect(api.move("POST", caseUrl + "/reply/approval", staff, null, v), 200, "approve the reply").version();
        step("县政协答复审查通过", "the county office passes the reply", "REPLY_APPROVED");
        JsonNode closed = expect(api.move("POST", caseUrl + "/evaluations", villager,
                body("attitude", "SATISFIED", "result", "SATISFIED", "comment", "测绘及时，结果公开，满意"), v), 200, "evaluate").body();
        step("村民评价：满意", "the villager is satisfied", "办理件 case " + closed.path("status").asText());

        // ⑨ 议题办结 — the topic concludes when its cases are closed; its timeline shows the loop.
        String status = awaitTopicStatus(topicId, "CONCLUDED");
        step("议题办结", "the topic is concluded", status);
        JsonNode timeline = api.read(api.topics + "/api/v1/topics/" + topicId + "/timeline", villager);
        List<String> kinds = new ArrayList<>();
        out.println("     时间线 timeline:");
        for (JsonNode e : timeline) {
            kinds.add(e.path("kind").asText());
            out.println("       " + e.path("at").asText().replace('T', ' ').substring(0, 16) + "  " + e.path("kind").asText() + "  " + e.path("summary").asText());
        }
        return new Result(topicId, status, kinds, rounds, corrected.path("version").asInt(), closed.path("status").asText(), "SATISFIED");
    }

    private void step(String zh, String en, String what) {
        out.println(String.format("%2d. %s (%s): %s", ++step, zh, en, what));
    }

    private String memberId(String name) {
        for (JsonNode m : api.read(api.topics + "/api/v1/directory/members?limit=100", staff).path("items")) {
            if (name.equals(m.path("name").asText())) return m.path("id").asText();
        }
        return expect(api.create(api.topics + "/api/v1/directory/members", staff,
                body("name", name, "sector", "中共", "gridCode", VILLAGE + "001", "subject", "member-shen")), 201, "create member").id();
    }

    /** A round of the village hall; the topic is on its agenda once sessions-service has heard it is accepted (or back from the round before). */
    private JsonNode schedule(String topicId, int round, String previous) {
        Map<String, Object> request = body("title", "惠通村民生议事堂土地确权协商（第" + round + "轮）", "type", "VILLAGE_HALL", "mode", "IN_PERSON",
                "territoryCode", VILLAGE, "startsAt", "2026-1" + (round - 1) + "-0" + (round + 2) + "T06:30:00Z", "venue", "惠通村文化礼堂",
                "agenda", List.of(topicId), "previousRoundId", previous);
        Api.Answer a = Api.until(() -> api.create(api.sessions + "/api/v1/sessions", organizer, request), x -> x.status() == 201);
        return expect(a, 201, "schedule round " + round).body();
    }

    private List<String> invite(String url, String memberId, int round) {
        List<Map<String, Object>> people = new ArrayList<>(List.of(
                body("role", "MEMBER", "memberId", memberId, "name", "沈建明"),
                body("role", "VILLAGER_REPRESENTATIVE", "name", "承包户代表甲", "affiliation", "惠通村三组"),
                body("role", "VILLAGER_REPRESENTATIVE", "name", "承包户代表乙", "affiliation", "惠通村五组"),
                body("role", "NOTABLE", "name", "乡贤陆老师"),
                body("role", "DEPARTMENT_OFFICIAL", "name", "县农业农村局农经科科长", "unitCode", "agri-rural")));
        if (round == 3) people.add(body("role", "LEADER", "name", "县政协副主席"));
        // 422 until sessions-service's copy of the directory knows the member (a directory event away).
        Api.Answer a = Api.until(() -> {
            Api.Answer first = api.post(url + "/participants", organizer, body("participants", people));
            if (first.status() != 409) return first;
            // Someone is invited to another session at that time (an earlier run left one open): the organizer confirms.
            out.println("     " + first.body().path("detail").asText() + " → 仍邀请 invited anyway (confirmOverlap)");
            return api.post(url + "/participants", organizer, body("participants", people, "confirmOverlap", true));
        }, x -> x.status() != 422);
        List<String> ids = new ArrayList<>();
        expect(a, 201, "invite").body().forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }

    /** 发言 and 部门回应: the member, a contract farmer, the agricultural department. */
    private void speak(String url, String item, List<String> ids, int round) {
        String[][] lines = round < 3
                ? new String[][] {{"1", "SPEECH", "部分承包户的确权面积与实际耕种面积不符，希望重新测量。"},
                                  {"4", "DEPARTMENT_RESPONSE", "农业农村局：二轮承包台账已数字化，可先核对台账，再实地复测。"}}
                : new String[][] {{"0", "SPEECH", "建议在村委换届前完成确权，承包户和村民在政策范围内重新确认权属。"},
                                  {"2", "SPEECH", "同意复测结果，确权面积须经承包户签字确认后公示。"},
                                  {"4", "DEPARTMENT_RESPONSE", "农业农村局：两周内完成台账核对，确权面积以实测为准。"}};
        for (String[] l : lines) {
            expect(api.post(url + "/agenda-items/" + item + "/contributions", organizer,
                    body("participantId", ids.get(Integer.parseInt(l[0])), "kind", l[1], "summary", l[2])), 201, "contribution");
            out.println("     " + ("SPEECH".equals(l[1]) ? "发言 speech" : "部门回应 department response") + "：" + l[2]);
        }
    }

    /** 表态: everyone present states a position; one agrees with a reservation. */
    private void positions(String url, String item, List<String> ids) {
        int agree = 0;
        int reserved = 0;
        for (int i = 0; i < ids.size(); i++) {
            boolean reservation = i == 2;
            expect(api.put(url + "/agenda-items/" + item + "/positions/" + ids.get(i), organizer,
                    body("stance", reservation ? "AGREE_WITH_RESERVATIONS" : "AGREE", "note", reservation ? "同意，但确权面积须经承包户签字确认" : null)), 200, "position");
            if (reservation) reserved++;
            else agree++;
        }
        out.println("     表态 positions: 同意 agree " + agree + "，保留意见同意 agree with reservations " + reserved);
    }

    private JsonNode awaitCase(String topicId) {
        JsonNode items = Api.until(() -> api.read(api.followup + "/api/v1/cases?topicId=" + topicId, staff).path("items"), i -> !i.isEmpty());
        if (items.isEmpty()) throw new IllegalStateException("no case for the topic within " + Api.EVENT_WAIT_MS + " ms");
        return items.get(0);
    }

    /** The case's version once the correction has reached it (its due date as corrected). */
    private long awaitVersion(String caseUrl, String dueDate) {
        Api.Answer a = Api.until(() -> expect(api.get(caseUrl, staff), 200, "read the case"), x -> dueDate.equals(x.body().path("dueDate").asText()));
        if (!dueDate.equals(a.body().path("dueDate").asText())) throw new IllegalStateException("the correction did not reach the case");
        return a.version();
    }

    private String awaitTopicStatus(String topicId, String wanted) {
        return Api.until(() -> api.read(api.topics + "/api/v1/topics/" + topicId, villager).path("status").asText(), wanted::equals);
    }
}
