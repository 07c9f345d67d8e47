package org.shangliang.demo;

import static org.shangliang.demo.Api.body;
import static org.shangliang.demo.Api.expect;
import static org.shangliang.demo.Api.q;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Loads the Jiashan demo county through the public API, each step with the token of the person
 * whose step it is. Safe to run again: every record is looked up by its natural key (a code, a
 * name, a title) before it is created, and every move is made only from the state before it, so a
 * second run creates nothing and a run stopped half-way is finished by the next.
 */
public final class DemoLoader {

    /** What a run did: records created and records found already there, by kind. */
    public static final class Report {
        final Map<String, int[]> counts = new java.util.TreeMap<>();

        public void made(String kind) {
            counts.computeIfAbsent(kind, k -> new int[2])[0]++;
        }

        public void seen(String kind) {
            counts.computeIfAbsent(kind, k -> new int[2])[1]++;
        }

        public int created() {
            return counts.values().stream().mapToInt(c -> c[0]).sum();
        }

        public int found() {
            return counts.values().stream().mapToInt(c -> c[1]).sum();
        }

        /** Records of this kind created by the run. */
        public int created(String kind) {
            return counts.getOrDefault(kind, new int[2])[0];
        }

        /** Records of this kind the run found already there. */
        public int found(String kind) {
            return counts.getOrDefault(kind, new int[2])[1];
        }
    }

    private final Api api;
    private final Tokens tokens;
    private final PrintStream out;
    private final Report report = new Report();
    private final String staff;
    private Map<String, String> memberIds = Map.of();

    public DemoLoader(Api api, Tokens tokens, PrintStream out) {
        this.api = api;
        this.tokens = tokens;
        this.out = out;
        this.staff = tokens.token("cppcc_staff", JiashanCounty.COUNTY, null, "demo-cppcc-office", "县政协机关");
    }

    public Report load() {
        say("名录 directory: territories, units, members, service teams");
        territories();
        units();
        members();
        serviceTeams();
        say("议题 topics: Huitong village's topics and the 2020 county plan's");
        Map<String, String> villageTopics = topics(JiashanCounty.VILLAGE_TOPICS);
        Map<String, String> planTopics = topics(JiashanCounty.COUNTY_PLAN_2020);
        say("年度协商计划 the 2020 county plan");
        plan2020(planTopics);
        say("协商会 sessions, 协商意见 outcomes and 办理件 cases: a year of the county's consultation");
        Map<String, String> topicIds = new HashMap<>(villageTopics);
        topicIds.putAll(planTopics);
        Map<String, JiashanCounty.Topic> topicsByTitle = new HashMap<>();
        for (JiashanCounty.Topic t : JiashanCounty.VILLAGE_TOPICS) topicsByTitle.put(t.title(), t);
        for (JiashanCounty.Topic t : JiashanCounty.COUNTY_PLAN_2020) topicsByTitle.put(t.title(), t);
        Stories stories = new Stories(api, tokens, report, staff, memberIds, this::say);
        for (JiashanCounty.Story story : JiashanCounty.STORIES) {
            stories.tell(story, topicIds.get(story.topicTitle()), topicsByTitle.get(story.topicTitle()));
        }
        say("done: " + report.created() + " records created, " + report.found() + " already there " + summary()
                + " (" + villageTopics.size() + " village topics, " + planTopics.size() + " in the 2020 plan)");
        return report;
    }

    // ---- 名录 the directory --------------------------------------------------------------------

    private void territories() {
        byCode("territory", "/api/v1/directory/territories", JiashanCounty.TERRITORIES, JiashanCounty.Territory::code,
                t -> body("code", t.code(), "name", t.name()));
    }

    private void units() {
        byCode("unit", "/api/v1/directory/units", JiashanCounty.UNITS, JiashanCounty.Unit::code,
                u -> body("code", u.code(), "name", u.name(), "territoryCode", u.territoryCode()));
    }

    private void members() {
        memberIds = byName("member", "/api/v1/directory/members", JiashanCounty.MEMBERS, JiashanCounty.Member::name,
                m -> body("name", m.name(), "sector", m.sector(), "gridCode", m.gridCode(), "subject", m.subject()));
    }

    private void serviceTeams() {
        byName("service team", "/api/v1/directory/service-teams", JiashanCounty.SERVICE_TEAMS, JiashanCounty.ServiceTeam::name,
                t -> body("name", t.name(), "sector", t.sector(), "townshipCode", t.townshipCode()));
    }

    /** Entries with a code (territories, units): read by code, created when it answers 404. */
    private <T> void byCode(String kind, String path, List<T> entries, Function<T, String> code, Function<T, Object> body) {
        for (T e : entries) {
            if (api.get(api.topics + path + "/" + code.apply(e), staff).status() == 200) {
                report.seen(kind);
                continue;
            }
            expect(api.create(api.topics + path, staff, body.apply(e)), 201, "create " + kind + " " + code.apply(e));
            report.made(kind);
        }
    }

    /**
     * Entries without a code of ours (members, service teams: ids are the service's): found by name in the whole list.
     *
     * @return id by name
     */
    private <T> Map<String, String> byName(String kind, String path, List<T> entries, Function<T, String> name, Function<T, Object> body) {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode n : all(api.topics + path, staff)) ids.put(n.path("name").asText(), n.path("id").asText());
        for (T e : entries) {
            if (ids.containsKey(name.apply(e))) {
                report.seen(kind);
                continue;
            }
            ids.put(name.apply(e), expect(api.create(api.topics + path, staff, body.apply(e)), 201, "create " + kind + " " + name.apply(e)).id());
            report.made(kind);
        }
        return ids;
    }

    // ---- 议题 topics -----------------------------------------------------------------------------

    /** @return topic id by title */
    private Map<String, String> topics(List<JiashanCounty.Topic> list) {
        Map<String, String> ids = new java.util.LinkedHashMap<>();
        for (JiashanCounty.Topic t : list) {
            JsonNode topic = findTopic(t);
            if (topic == null) {
                String proposer = tokens.token(t.proposerRole(), t.territoryCode(), null, t.proposerSubject(), t.proposerName());
                topic = expect(api.create(api.topics + "/api/v1/topics", proposer, body("title", t.title(), "description", t.description(),
                        "themes", t.themes(), "territoryCode", t.territoryCode(), "level", t.level())), 201, "submit topic " + t.title()).body();
                report.made("topic");
                supports(topic.path("id").asText(), t);
            } else {
                report.seen("topic");
            }
            ids.put(t.title(), topic.path("id").asText());
            screen(topic, t);
        }
        return ids;
    }

    /** The topic of this title in its territory, or null: a search by the title, then the exact title. */
    private JsonNode findTopic(JiashanCounty.Topic t) {
        String query = t.title().length() > 50 ? t.title().substring(0, 50) : t.title();
        JsonNode page = api.read(api.topics + "/api/v1/topics?limit=100&territory=" + t.territoryCode() + "&q=" + q(query), staff);
        for (JsonNode item : page.path("items")) {
            if (item.path("title").asText().equals(t.title()) && item.path("territoryCode").asText().equals(t.territoryCode())) return item;
        }
        return null;
    }

    /** 附议: villagers of the topic's village, one each; one already counted answers 409 and is skipped. */
    private void supports(String topicId, JiashanCounty.Topic t) {
        for (int i = 1; i <= t.supports(); i++) {
            String villager = tokens.token("resident", t.territoryCode(), null, "villager-" + i + "@" + t.territoryCode(), "村民" + i);
            int status = api.post(api.topics + "/api/v1/topics/" + topicId + "/supports", villager, null).status();
            if (status != 201 && status != 200 && status != 409) throw new IllegalStateException("support of " + t.title() + " answered " + status);
        }
    }

    /** Screening (审核), only from SUBMITTED: the township's organizer for village topics, the county office for county ones. */
    private void screen(JsonNode topic, JiashanCounty.Topic t) {
        if (!"SUBMITTED".equals(topic.path("status").asText()) || "SUBMITTED".equals(t.screening())) return;
        String who = "COUNTY".equals(t.level()) ? staff : screener(tokens, t);
        String id = topic.path("id").asText();
        long version = topic.path("version").asLong();
        String url = api.topics + "/api/v1/topics/" + id;
        switch (t.screening()) {
            case "ACCEPTED" -> expect(api.move("POST", url + "/accept", who, body("note", t.note()), version), 200, "accept " + t.title());
            case "REJECTED" -> expect(api.move("POST", url + "/reject", who, body("reason", t.note()), version), 200, "reject " + t.title());
            case "CONVERTED" -> expect(api.move("POST", url + "/convert", who, body("note", t.note()), version), 200, "convert " + t.title());
            default -> throw new IllegalArgumentException(t.screening());
        }
        report.made("screening");
    }

    /** Who screens and hosts a village or township topic: the liaison office of its township (政协联络室). */
    static String screener(Tokens tokens, JiashanCounty.Topic t) {
        String township = t.territoryCode().substring(0, 9);
        return tokens.token("organizer", township, null, "demo-organizer@" + township, "惠民街道政协联络室");
    }

    // ---- 年度协商计划 the plan -------------------------------------------------------------------

    private void plan2020(Map<String, String> topicIds) {
        JsonNode plans = api.read(api.topics + "/api/v1/plans?year=2020&territory=" + JiashanCounty.COUNTY, staff).path("items");
        JsonNode plan = plans.isEmpty() ? null : plans.get(0);
        if (plan == null) {
            plan = expect(api.create(api.topics + "/api/v1/plans", staff,
                    body("year", 2020, "territoryCode", JiashanCounty.COUNTY, "title", "嘉善县政协2020年度协商计划")), 201, "create the 2020 plan").body();
            report.made("plan");
        } else {
            report.seen("plan");
        }
        String url = api.topics + "/api/v1/plans/" + plan.path("id").asText();
        if ("DRAFT".equals(plan.path("status").asText())) {
            List<Map<String, Object>> items = new ArrayList<>();
            int i = 0;
            for (String id : topicIds.values()) {
                items.add(body("topicId", id, "quarter", 1 + (i++ * 4) / topicIds.size(), "form", i <= 5 ? "SPECIAL_TOPIC" : null));
            }
            long version = expect(api.move("PUT", url + "/items", staff, body("items", items), plan.path("version").asLong()), 200, "set the plan's topics").version();
            String leader = tokens.token("leader", JiashanCounty.COUNTY, null, "demo-leader", "县政协主席");
            version = expect(api.move("POST", url + "/approve", leader, null, version), 200, "approve the plan").version();
            expect(api.move("POST", url + "/publish", staff, null, version), 200, "publish the plan");
            report.made("plan publication");
        }
        JsonNode stats = api.read(url + "/statistics?theme=" + q(JiashanCounty.DEMONSTRATION_ZONE), staff);
        say("  2020 plan: " + stats.path("topics").asInt() + " topics, " + stats.path("chosenTheme").path("count").asInt() + " on the "
                + "demonstration zone (示范区) = " + stats.path("chosenTheme").path("percent").asInt() + "%");
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Every item of a keyset-paginated list. */
    private List<JsonNode> all(String url, String token) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.read(url + (url.contains("?") ? "&" : "?") + "limit=100" + (cursor == null ? "" : "&cursor=" + q(cursor)), token);
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    private String summary() {
        StringBuilder s = new StringBuilder("(created+found: ");
        report.counts.forEach((kind, c) -> s.append(kind).append(" ").append(c[0]).append("+").append(c[1]).append("; "));
        return s.append(")").toString().replace("; )", ")");
    }

    private void say(String line) {
        out.println(line);
    }
}
