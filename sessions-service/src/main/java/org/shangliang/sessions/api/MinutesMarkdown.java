package org.shangliang.sessions.api;

import java.time.format.DateTimeFormatter;
import org.shangliang.sessions.api.SessionViews.ContributionView;
import org.shangliang.sessions.api.SessionViews.MinutesItem;
import org.shangliang.sessions.api.SessionViews.MinutesView;
import org.shangliang.sessions.api.SessionViews.OutcomeView;
import org.shangliang.sessions.api.SessionViews.ParticipantView;
import org.shangliang.sessions.api.SessionViews.RecommendationView;

/** 纪要 as Markdown, for printing and for the village notice board: the same content as the JSON, in Chinese. */
public final class MinutesMarkdown {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private MinutesMarkdown() {
    }

    public static String render(MinutesView m) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(m.title()).append(m.published() ? "" : "（草稿）").append(" 纪要\n\n");
        md.append("- 时间：").append(TIME.format(m.startsAtLocal())).append(" – ").append(TIME.format(m.endsAtLocal())).append("（北京时间）\n");
        if (m.venue() != null) md.append("- 地点：").append(m.venue()).append('\n');
        if (m.host() != null) md.append("- 主办：").append(m.host()).append('\n');
        md.append("- 应到 ").append(m.attendance().invited() - m.attendance().declined()).append(" 人，实到 ").append(m.attendance().present())
                .append(" 人，请假 ").append(m.attendance().declined()).append(" 人\n");
        md.append("- 到会人员：").append(names(m.attendance().presentParticipants())).append("\n\n");
        for (MinutesItem item : m.items()) {
            md.append("## 议题").append(item.position()).append("：").append(item.topicTitle()).append("（").append(item.topicNumber()).append("）\n\n");
            if (item.contributions().isEmpty()) md.append("（无发言记录）\n\n");
            for (ContributionView c : item.contributions()) {
                md.append(c.sequence()).append(". **").append(c.participantName()).append("**（").append(kind(c)).append("）：")
                        .append(oneLine(c.summary())).append('\n');
            }
            if (!item.contributions().isEmpty()) md.append('\n');
            OutcomeView o = item.outcome();
            if (o == null) {
                md.append("**协商意见**：未形成\n\n");
                continue;
            }
            md.append("**协商意见**（第").append(o.version()).append("版").append(o.late() ? "，补录" : "").append("）：").append(oneLine(o.consensus())).append("\n\n");
            md.append("表决规则：").append(o.decisionRule().name().equals("CONSENSUS") ? "协商一致" : "多数同意（" + o.majorityThreshold() + "）");
            if (o.decision().met() == null) md.append("，未逐人表态\n\n");
            else md.append("，").append(o.decision().met() ? "达成" : "未达成").append("：赞成 ").append(o.decision().inFavour())
                    .append("（其中保留意见 ").append(o.decision().withReservations()).append("），反对 ").append(o.decision().objecting())
                    .append("，弃权 ").append(o.decision().abstaining()).append("，未表态 ").append(o.decision().notStated()).append("\n\n");
            for (RecommendationView r : o.recommendations()) {
                md.append("- 建议").append(r.position()).append("：").append(oneLine(r.text())).append("——承办：").append(r.suggestedUnit());
                if (!r.coHandlerCodes().isEmpty()) md.append("，协办：").append(String.join("、", r.coHandlerCodes()));
                if (r.dueDate() != null) md.append("，时限：").append(r.dueDate());
                if (r.workingDays() != null) md.append("，时限：").append(r.workingDays()).append(" 个工作日");
                md.append('\n');
            }
            if (o.correctionReason() != null) md.append("\n更正说明：").append(oneLine(o.correctionReason())).append('\n');
            md.append('\n');
        }
        return md.toString();
    }

    private static String names(java.util.List<ParticipantView> people) {
        return people.isEmpty() ? "无" : String.join("、", people.stream().map(ParticipantView::name).toList());
    }

    private static String kind(ContributionView c) {
        return switch (c.kind()) {
            case SPEECH -> "发言";
            case DEPARTMENT_RESPONSE -> "部门回应" + (c.unitCode() == null ? "" : "，" + c.unitCode());
            case WRITTEN_SUBMISSION -> "书面意见";
        };
    }

    /** Markdown text on one line: no line breaks or leading markup can change the document's structure. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\r\\n]+", " ").replace("<", "&lt;").strip();
    }
}
