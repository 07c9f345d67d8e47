package org.shangliang.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.shangliang.commons.testing.Api.as;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shangliang.demo.Api;
import org.shangliang.demo.Walkthrough;

/** The land-rights walkthrough runs against the three services, and what it prints holds as facts. */
class WalkthroughE2ETest extends OnRunningPlatform {

    @Test
    void the_land_rights_story_goes_through_three_rounds_a_correction_and_a_case_to_a_concluded_topic() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Walkthrough.Result r = new Walkthrough(new Api(Demo.TOPICS, Demo.SESSIONS, Demo.FOLLOWUP), Demo.TOKENS, out).run();
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text);

        assertEquals("CONCLUDED", r.topicStatus());
        assertEquals("CLOSED", r.caseStatus());
        assertEquals(2, r.outcomeVersion(), "the third round's record, corrected once");
        assertEquals(3, r.rounds().size());
        // The timeline in order: the two rounds without consensus give the topic back; the third deliberates it;
        // the correction comes after the case was opened, and the case follows it.
        assertEquals(List.of("SUBMITTED", "ACCEPTED",
                "SCHEDULED", "SESSION_CONCLUDED",
                "SCHEDULED", "SESSION_CONCLUDED",
                "SCHEDULED", "DELIBERATED", "CASE_OPENED", "OUTCOME_CORRECTED", "CASE_SIGNED", "CASE_REPLIED", "CASE_CLOSED", "CONCLUDED"), r.timeline());
        // The rounds are linked: the third session lists all three.
        String staff = Demo.TOKENS.token("cppcc_staff", "330421", null, "e2e-staff", "县政协机关");
        String third = as(staff).queryParam("topicId", r.topicId()).queryParam("limit", 10).get(Demo.SESSIONS + "/api/v1/sessions")
                .then().statusCode(200).extract().path("items.find { it.title.contains('第3轮') }.id");
        as(staff).get(Demo.SESSIONS + "/api/v1/sessions/{id}/rounds", third).then().statusCode(200)
                .body("size()", org.hamcrest.Matchers.equalTo(3));
        // What a person reads: every step numbered, in Chinese with the English gloss.
        assertTrue(text.contains("村民王建国提出议题 (a villager raises the topic)"), text);
        assertTrue(text.contains("议题办结 (the topic is concluded): CONCLUDED"), text);
        assertTrue(text.contains("表态 positions: 同意 agree 5，保留意见同意 agree with reservations 1"), text);
    }
}
