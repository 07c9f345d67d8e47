package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.shangliang.topics.api.OpenData.Dictionary;
import org.shangliang.topics.api.OpenData.Field;
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
    private static final List<Field> FIELDS = List.of(
            new Field("number", "string", "议题编号 Topic number, YT-year-sequence"),
            new Field("title", "string", "议题标题 Title"),
            new Field("themes", "string list (CSV: separated by ;)", "主题 Themes"),
            new Field("territoryCode", "string", "所属区域代码 Division code of the territory (6 digits county, 9 township, 12 village)"),
            new Field("level", "VILLAGE | TOWNSHIP | COUNTY", "协商层级 Level that consults on it"),
            new Field("status", "ACCEPTED | SCHEDULED | DELIBERATED | IN_FOLLOW_UP | CONCLUDED", "状态 Where it stands"),
            new Field("supportCount", "integer", "附议数 Supports by residents"),
            new Field("submittedOn", "date (YYYY-MM-DD, China time)", "提交日期 Day submitted"),
            new Field("acceptedOn", "date (YYYY-MM-DD, China time), may be empty", "立项日期 Day accepted"),
            new Field("handledLevel", "VILLAGE | TOWNSHIP | COUNTY, may be empty", "承办层级 Level that accepted it in the end"));

    @Inject TopicRepository topics;
    @Inject DirectoryService directory;

    @ConfigProperty(name = "shangliang.open-data.licence", defaultValue = "CC BY 4.0") String licence;
    @ConfigProperty(name = "shangliang.open-data.licence-url", defaultValue = "https://creativecommons.org/licenses/by/4.0/") String licenceUrl;
    @ConfigProperty(name = "shangliang.open-data.publisher", defaultValue = "县政协办公室") String publisher;

    /** A read: no transaction. */
    public OpenTopics topics(int year, String territory) {
        if (territory != null) directory.knownTerritory("territory", territory);
        List<OpenTopic> items = topics.published(year, territory).stream().map(OpenDataService::open).toList();
        return new OpenTopics(DATASET, licence, licenceUrl, publisher, year, territory, "/api/v1/open-data/topics/dictionary", items);
    }

    public Dictionary dictionary() {
        return new Dictionary(DATASET, licence, licenceUrl, FIELDS);
    }

    /** The same rows as CSV: UTF-8 with a byte order mark (so spreadsheet programs read the Chinese right), a header line, RFC 4180 quoting. */
    public String csv(OpenTopics data) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(",", FIELDS.stream().map(Field::name).toList())).append("\r\n");
        for (OpenTopic t : data.items()) {
            List<Object> cells = List.of(t.number(), t.title(), String.join(";", t.themes()), t.territoryCode(), t.level(), t.status(),
                    t.supportCount(), t.submittedOn(), t.acceptedOn() == null ? "" : t.acceptedOn(), t.handledLevel() == null ? "" : t.handledLevel());
            out.append(String.join(",", cells.stream().map(c -> cell(String.valueOf(c))).toList())).append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String value) {
        // A leading = + - @ would be run as a formula by spreadsheet programs: quoted and prefixed with ' (CSV injection).
        String v = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || !v.equals(value)) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }

    private static OpenTopic open(Topic t) {
        return new OpenTopic(t.number(), t.title(), t.themes(), t.territoryCode(), t.level(), t.status(), t.supportCount(),
                day(t.createdAt()), day(t.screenedAt()), t.handledLevel());
    }

    private static LocalDate day(Instant at) {
        return at == null ? null : at.atZone(CHINA).toLocalDate();
    }
}
