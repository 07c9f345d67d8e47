package org.shangliang.demo;

import java.util.ArrayList;
import java.util.List;

/** What in the demo county is about people or internal: must never appear in what is published (open data). */
public final class DemoPersonalData {

    private DemoPersonalData() {
    }

    /**
     * Proposers' names and logins, the free text they wrote, the screeners' notes, members' names and
     * logins, the other people at sessions, the clerks' logins and what they and the proposers wrote on cases.
     */
    public static List<String> strings() {
        List<String> out = new ArrayList<>();
        List<JiashanCounty.Topic> topics = new ArrayList<>(JiashanCounty.VILLAGE_TOPICS);
        topics.addAll(JiashanCounty.COUNTY_PLAN_2020);
        for (JiashanCounty.Topic t : topics) {
            add(out, t.proposerName());
            add(out, t.proposerSubject());
            add(out, t.description());
            add(out, t.note());
        }
        for (JiashanCounty.Member m : JiashanCounty.MEMBERS) {
            add(out, m.name());
            add(out, m.subject());
        }
        out.addAll(Stories.PEOPLE);
        for (JiashanCounty.Unit u : JiashanCounty.UNITS) add(out, "clerk@" + u.code());
        out.addAll(List.of(Stories.RETURN_REASON, Stories.PROGRESS_TEXT, Stories.REPLY_TEXT, Stories.EVALUATION_COMMENT));
        return out;
    }

    /** The titles of the demo's sessions (all public). */
    public static List<String> sessionTitles() {
        return JiashanCounty.STORIES.stream().map(JiashanCounty.Story::sessionTitle).toList();
    }

    /** The titles of the demo's topics that are public (accepted, and every status after). */
    public static List<String> publicTitles() {
        return JiashanCounty.VILLAGE_TOPICS.stream().filter(t -> "ACCEPTED".equals(t.screening())).map(JiashanCounty.Topic::title).toList();
    }

    private static void add(List<String> out, String value) {
        if (value != null && !value.isBlank()) out.add(value);
    }
}
