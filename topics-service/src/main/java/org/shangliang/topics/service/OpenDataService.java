package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.shangliang.commons.opendata.Csv;
import org.shangliang.commons.opendata.DatasetDictionary;
import org.shangliang.commons.opendata.DatasetField;
import org.shangliang.commons.opendata.OpenDataTerms;
import org.shangliang.topics.api.OpenData.OpenTopic;
import org.shangliang.topics.api.OpenData.OpenTopics;
import org.shangliang.topics.domain.Topic;
import org.shangliang.topics.domain.TopicRepository;

/**
 * 开放数据: a year's public topics for the county's open-data portal, as JSON or CSV. Only what
 * the platform already shows every signed-in user, minus anything about people: no proposer,
 * contact, filer or co-signers, and no free text but the title (a description or a screening note
 * may name people, so they stay inside).
 */
@ApplicationScoped
public class OpenDataService {

    public static final String DATASET = "shangliang.topics";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** The CSV columns and JSON fields, in order, with their meaning (the data dictionary). */
    private static final List<DatasetField> FIELDS = List.of(
            new DatasetField("number", "string", "议题编号 Topic number, YT-year-sequence"),
            new DatasetField("title", "string", "议题标题 Title"),
            new DatasetField("themes", "string list (CSV: separated by ;)", "主题 Themes"),
            new DatasetField("territoryCode", "string", "所属区域代码 Division code of the territory (6 digits county, 9 township, 12 village)"),
            new DatasetField("level", "VILLAGE | TOWNSHIP | COUNTY", "协商层级 Level that consults on it"),
            new DatasetField("status", "ACCEPTED | SCHEDULED | DELIBERATED | IN_FOLLOW_UP | CONCLUDED", "状态 Where it stands"),
            new DatasetField("supportCount", "integer", "附议数 Supports by residents"),
            new DatasetField("submittedOn", "date (YYYY-MM-DD, China time)", "提交日期 Day submitted"),
            new DatasetField("acceptedOn", "date (YYYY-MM-DD, China time), may be empty", "立项日期 Day accepted"),
            new DatasetField("handledLevel", "VILLAGE | TOWNSHIP | COUNTY, may be empty", "承办层级 Level that accepted it in the end"));

    @Inject TopicRepository topics;
    @Inject DirectoryService directory;

    @Inject OpenDataTerms terms;

    /** A read: no transaction. */
    public OpenTopics topics(int year, String territory) {
        if (territory != null) directory.knownTerritory("territory", territory);
        List<OpenTopic> items = topics.published(year, territory).stream().map(OpenDataService::open).toList();
        return new OpenTopics(DATASET, terms.licence(), terms.licenceUrl(), terms.publisher(), year, territory, "/api/v1/open-data/topics/dictionary", items);
    }

    public DatasetDictionary dictionary() {
        return DatasetDictionary.of(DATASET, terms, FIELDS);
    }

    /** The same rows as CSV, columns in the dictionary's order. */
    public String csv(OpenTopics data) {
        return Csv.write(FIELDS.stream().map(DatasetField::name).toList(), data.items().stream().map(t -> List.<Object>of(
                t.number(), t.title(), t.themes(), t.territoryCode(), t.level(), t.status(), t.supportCount(), t.submittedOn(),
                t.acceptedOn() == null ? "" : t.acceptedOn(), t.handledLevel() == null ? "" : t.handledLevel())).toList());
    }

    private static OpenTopic open(Topic t) {
        return new OpenTopic(t.number(), t.title(), t.themes(), t.territoryCode(), t.level(), t.status(), t.supportCount(),
                day(t.createdAt()), day(t.screenedAt()), t.handledLevel());
    }

    private static LocalDate day(Instant at) {
        return at == null ? null : at.atZone(CHINA).toLocalDate();
    }
}
