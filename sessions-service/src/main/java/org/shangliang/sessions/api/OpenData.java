package org.shangliang.sessions.api;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.sessions.domain.DecisionRule;
import org.shangliang.sessions.domain.SessionMode;
import org.shangliang.sessions.domain.SessionStatus;
import org.shangliang.sessions.domain.SessionType;

/** 开放数据: public sessions, their outcomes and their minutes as figures — never who took part or what each person said. */
public final class OpenData {

    private OpenData() {
    }

    @Schema(name = "OpenSessionItem", description = "One agenda item of a public session, with its published outcome: "
            + "no participants, speakers, their words, hosts or rapporteurs")
    public record OpenSessionItem(
            @Schema(example = "惠通村民生议事堂2026年第8次协商") String sessionTitle,
            SessionType sessionType,
            SessionMode mode,
            @Schema(example = "330421003201") String territoryCode,
            SessionStatus status,
            @Schema(description = "Day it starts, China time") LocalDate startsOn,
            @Schema(example = "惠通村文化礼堂", nullable = true) String venue,
            @Schema(description = "People invited (minus those excused)") int expected,
            @Schema(description = "People present") int present,
            @Schema(description = "Place on the agenda, from 1") int position,
            @Schema(example = "YT-2026-0042", nullable = true) String topicNumber,
            @Schema(example = "第三轮土地确权") String title,
            @Schema(description = "Contributions recorded on it (speeches, department responses, written opinions)") int contributions,
            @Schema(description = "The consensus in force, once the session concluded (its minutes are published)", nullable = true) String consensus,
            @Schema(nullable = true) DecisionRule decisionRule,
            @Schema(description = "The recommendations (建议) of the consensus") List<String> recommendations,
            @Schema(description = "The units each recommendation is addressed to, in the same order") List<String> recommendationUnits) {
    }

    @Schema(name = "OpenSessions", description = "A year's public sessions of a territory, item by item, with the terms of their reuse")
    public record OpenSessions(
            @Schema(example = "shangliang.sessions") String dataset,
            @Schema(example = "CC BY 4.0") String licence,
            String licenceUrl,
            @Schema(example = "嘉善县政协办公室") String publisher,
            int year,
            @Schema(example = "330421003", nullable = true) String territory,
            @Schema(example = "/api/v1/open-data/sessions/dictionary") String dictionary,
            List<OpenSessionItem> items) {
    }
}
