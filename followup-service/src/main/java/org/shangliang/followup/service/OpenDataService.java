package org.shangliang.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.opendata.Csv;
import org.shangliang.commons.opendata.DatasetDictionary;
import org.shangliang.commons.opendata.DatasetField;
import org.shangliang.commons.opendata.OpenDataTerms;
import org.shangliang.commons.problem.Text;
import org.shangliang.followup.api.OpenData.OpenCase;
import org.shangliang.followup.api.OpenData.OpenCaseStatistics;
import org.shangliang.followup.api.OpenData.OpenCases;
import org.shangliang.followup.api.StatisticsViews.GroupBy;
import org.shangliang.followup.api.StatisticsViews.RowView;
import org.shangliang.followup.api.StatisticsViews.StatisticsView;
import org.shangliang.followup.config.CaseClock;
import org.shangliang.followup.config.FollowupConfig;
import org.shangliang.followup.domain.CaseRepository;
import org.shangliang.followup.domain.CaseStatus;
import org.shangliang.followup.domain.DeadlineState;
import org.shangliang.followup.domain.HandlingCase;
import org.shangliang.followup.domain.HandlingMode;
import org.shangliang.followup.domain.ResolutionDegree;
import org.shangliang.followup.domain.Satisfaction;

/**
 * 开放数据: a year's cases and the statistics of their follow-up, for the county's open-data portal.
 * Where each case stands, the department that handles it (a public body) and how it ended — never
 * the people: no reply or note text (they name people), clerks, evaluators, supervisors' notes.
 */
@ApplicationScoped
public class OpenDataService {

    public static final String DATASET = "shangliang.cases";
    public static final String STATISTICS = "shangliang.case-statistics";
    /** The statistics' columns: a row per group, then the total (code ALL). */
    private static final List<DatasetField> STATISTICS_FIELDS = List.of(
            new DatasetField("year", "integer", "年度 Year the cases were assigned in"),
            new DatasetField("groupBy", DatasetField.oneOf(GroupBy.class, ""), "分组 Per unit or per township"),
            new DatasetField("code", "string", "代码 The unit's code or the township's division code; ALL for the total"),
            new DatasetField("name", "string", "名称 The unit's or township's name; 合计 for the total"),
            new DatasetField("cases", "integer", "办理件数 Cases assigned"),
            new DatasetField("closed", "integer", "已办结 Closed"),
            new DatasetField("conversionRate", "number 0-1, may be empty", "成果转化率 Closed with resolution A or B over all closed"),
            new DatasetField("replied", "integer", "已办复 Replied at least once"),
            new DatasetField("onTimeRate", "number 0-1, may be empty", "按时办复率 First replies by the deadline over first replies with one"),
            new DatasetField("averageWorkingDaysToReply", "number, may be empty", "平均办复工作日 Working days from sign-for to the first reply"),
            new DatasetField("satisfied", "integer", "满意 Closed with the proposer satisfied"),
            new DatasetField("basicallySatisfied", "integer", "基本满意 Basically satisfied"),
            new DatasetField("dissatisfied", "integer", "不满意 Dissatisfied"),
            new DatasetField("redos", "integer", "重办次数 Redos in all"),
            new DatasetField("overdueNow", "integer", "当前逾期 Overdue today"));
    private static final List<DatasetField> FIELDS = List.of(
            new DatasetField("number", "string", "办理件编号 Case number, BJ-year-sequence"),
            new DatasetField("topicNumber", "string, may be empty", "议题编号 The topic it follows up (open data shangliang.topics)"),
            new DatasetField("territoryCode", "string", "所属区域代码 Division code of the topic's territory"),
            new DatasetField("leadUnit", "string", "主办单位 The department that leads it"),
            new DatasetField("handlingMode", DatasetField.oneOf(HandlingMode.class, ", may be empty"), "办理方式 Alone, jointly, or split among units"),
            new DatasetField("status", DatasetField.oneOf(CaseStatus.class, ""), "状态 Where it stands"),
            new DatasetField("openedOn", "date (YYYY-MM-DD, China time)", "交办日期 Day assigned"),
            new DatasetField("dueDate", "date, may be empty", "办理时限 Due date"),
            new DatasetField("deadline", DatasetField.oneOf(DeadlineState.class, ""), "时限状态 Against its deadline today"),
            new DatasetField("firstRepliedOn", "date, may be empty", "首次答复日期 Day of the first reply"),
            new DatasetField("repliedOnTime", "true | false, may be empty", "按时答复 Whether the first reply came by the deadline"),
            new DatasetField("resolutionDegree", DatasetField.oneOf(ResolutionDegree.class, ", may be empty"), "办理结果 A solved, B being solved, C planned, D explained"),
            new DatasetField("satisfaction", DatasetField.oneOf(Satisfaction.class, ", may be empty"), "满意度 The proposer's satisfaction when it closed"),
            new DatasetField("redoCount", "integer", "重办次数 Times sent back to be handled again"),
            new DatasetField("closedOn", "date, may be empty", "办结日期 Day closed"));

    @Inject CaseRepository cases;
    @Inject StatisticsService statistics;
    @Inject ReferenceCopy copy;
    @Inject CaseClock clock;
    @Inject FollowupConfig config;
    @Inject OpenDataTerms terms;

    /** A read: no transaction. */
    public OpenCases cases(int year, String territory) {
        known(territory);
        LocalDate today = clock.today();
        List<OpenCase> items = cases.openedBetween(StatisticsService.yearStart(year), StatisticsService.yearStart(year + 1), territory).stream()
                .map(c -> open(c, today)).toList();
        return new OpenCases(DATASET, terms.licence(), terms.licenceUrl(), terms.publisher(), year, territory, "/api/v1/open-data/cases/dictionary", items);
    }

    public OpenCaseStatistics statistics(int year, GroupBy groupBy, String territory) {
        known(territory);
        StatisticsView v = statistics.published(year, groupBy, territory);
        return new OpenCaseStatistics(STATISTICS, terms.licence(), terms.licenceUrl(), terms.publisher(), year, territory, groupBy,
                "/api/v1/open-data/cases/statistics/dictionary", v.rows(), v.total());
    }

    public DatasetDictionary statisticsDictionary() {
        return DatasetDictionary.of(STATISTICS, terms, STATISTICS_FIELDS);
    }

    /** The groups, then the total, columns in the dictionary's order. */
    public String csv(OpenCaseStatistics data) {
        List<RowView> rows = new java.util.ArrayList<>(data.rows());
        rows.add(data.total());
        return Csv.write(STATISTICS_FIELDS.stream().map(DatasetField::name).toList(), rows.stream().map(r -> java.util.Arrays.<Object>asList(
                data.year(), data.groupBy(), r.code(), r.name(), r.cases(), r.closed(), r.conversionRate(), r.replied(), r.onTimeRate(),
                r.averageWorkingDaysToReply(), r.satisfied(), r.basicallySatisfied(), r.dissatisfied(), r.redos(), r.overdueNow())).toList());
    }

    public DatasetDictionary dictionary() {
        return DatasetDictionary.of(DATASET, terms, FIELDS);
    }

    public String csv(OpenCases data) {
        return Csv.write(FIELDS.stream().map(DatasetField::name).toList(), data.items().stream().map(c -> java.util.Arrays.<Object>asList(
                c.number(), c.topicNumber(), c.territoryCode(), c.leadUnit(), c.handlingMode(), c.status(), c.openedOn(), c.dueDate(), c.deadline(),
                c.firstRepliedOn(), c.repliedOnTime(), c.resolutionDegree(), c.satisfaction(), c.redoCount(), c.closedOn())).toList());
    }

    private void known(String territory) {
        if (territory != null) copy.require(CaseService.DIRECTORY, "territory:" + territory, "territory", Text.of("区域代码 " + territory, "Territory code " + territory));
    }

    private OpenCase open(HandlingCase c, LocalDate today) {
        return new OpenCase(c.number(), c.topicNumber(), c.territoryCode(), c.leadUnit(), c.handlingMode(), c.status(), day(c.createdAt()), c.dueDate(),
                c.deadlineState(today, config.dueSoonDays()), day(c.firstRepliedAt()), c.repliedOnTime(), c.resolutionDegree(),
                c.status() == CaseStatus.CLOSED ? c.satisfaction() : null, c.redoCount(), day(c.closedAt()));
    }

    private static LocalDate day(Instant at) {
        return at == null ? null : at.atZone(CaseClock.COUNTY_ZONE).toLocalDate();
    }
}
