package org.shangliang.followup.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.followup.domain.CaseStatistics;

/** The follow-up statistics (办理统计) as JSON and as CSV for Excel. */
public final class StatisticsViews {

    private StatisticsViews() {
    }

    /** How the rows are grouped. */
    public enum GroupBy { UNIT, TOWNSHIP }

    @Schema(name = "CaseStatisticsRow", description = "One unit's or township's figures; rates and averages are null when nothing counts towards them")
    public record RowView(@Schema(example = "agri-rural") String code, @Schema(example = "县农业农村局") String name,
                          @Schema(description = "Cases assigned in the year") int cases, @Schema(description = "Closed (办结)") int closed,
                          @Schema(description = "成果转化率: closed with A or B over all closed", example = "0.667", nullable = true) Double conversionRate,
                          @Schema(description = "Replied at least once") int replied,
                          @Schema(description = "按时办复率: first replies on or before the deadline then in force, over first replies with a deadline", nullable = true) Double onTimeRate,
                          @Schema(description = "平均办复工作日: working days from sign-for to the first reply", example = "3.5", nullable = true) Double averageWorkingDaysToReply,
                          @Schema(description = "Closed with the proposer 满意") int satisfied, @Schema(description = "基本满意") int basicallySatisfied,
                          @Schema(description = "不满意 (closed by staff after the redo limit)") int dissatisfied,
                          @Schema(description = "重办 in all") int redos, @Schema(description = "Overdue today") int overdueNow) {
        public static RowView of(CaseStatistics.Row r) {
            return new RowView(r.code(), r.name(), r.cases(), r.closed(), r.conversionRate(), r.replied(), r.onTimeRate(), r.averageWorkingDaysToReply(),
                    r.satisfied(), r.basicallySatisfied(), r.dissatisfied(), r.redos(), r.overdueNow());
        }
    }

    @Schema(name = "CaseStatistics", description = "办理统计 of a year, per unit or township, with the total")
    public record StatisticsView(@Schema(example = "2026") int year, GroupBy groupBy, @Schema(example = "330421") String territoryCode,
                                 List<RowView> rows, RowView total) {
    }

    /** UTF-8 with a byte-order mark, so that Excel reads the Chinese headers and names right. */
    public static String csv(StatisticsView v) {
        StringBuilder b = new StringBuilder("\uFEFF");
        b.append("年度 year,分组 group,代码 code,名称 name,办理件数 cases,已办结 closed,成果转化率 conversion rate,已办复 replied,按时办复率 on-time rate,"
                + "平均办复工作日 average working days to reply,满意 satisfied,基本满意 basically satisfied,不满意 dissatisfied,重办次数 redos,当前逾期 overdue now\r\n");
        for (RowView r : v.rows()) line(b, v, r);
        line(b, v, v.total());
        return b.toString();
    }

    private static void line(StringBuilder b, StatisticsView v, RowView r) {
        b.append(v.year()).append(',').append(v.groupBy()).append(',').append(cell(r.code())).append(',').append(cell(r.name())).append(',')
                .append(r.cases()).append(',').append(r.closed()).append(',').append(num(r.conversionRate())).append(',').append(r.replied()).append(',')
                .append(num(r.onTimeRate())).append(',').append(num(r.averageWorkingDaysToReply())).append(',').append(r.satisfied()).append(',')
                .append(r.basicallySatisfied()).append(',').append(r.dissatisfied()).append(',').append(r.redos()).append(',').append(r.overdueNow()).append("\r\n");
    }

    private static String num(Double d) {
        return d == null ? "" : String.valueOf(d);
    }

    /** RFC 4180 quoting; a leading =, +, - or @ is neutralised so a spreadsheet never runs a name as a formula. */
    static String cell(String s) {
        return org.shangliang.commons.opendata.Csv.cell(s);
    }
}
