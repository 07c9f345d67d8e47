package org.shangliang.sessions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.opendata.Csv;
import org.shangliang.commons.opendata.DatasetDictionary;
import org.shangliang.commons.opendata.DatasetField;
import org.shangliang.commons.opendata.OpenDataTerms;
import org.shangliang.commons.problem.Text;
import org.shangliang.sessions.api.OpenData.OpenSessionItem;
import org.shangliang.sessions.api.OpenData.OpenSessions;
import org.shangliang.sessions.domain.AgendaItem;
import org.shangliang.sessions.domain.Attendance;
import org.shangliang.sessions.domain.ConsultationSession;
import org.shangliang.sessions.domain.ContributionRepository;
import org.shangliang.sessions.domain.CountyTime;
import org.shangliang.sessions.domain.DecisionRule;
import org.shangliang.sessions.domain.Outcome;
import org.shangliang.sessions.domain.OutcomeRepository;
import org.shangliang.sessions.domain.Participant;
import org.shangliang.sessions.domain.ParticipantRepository;
import org.shangliang.sessions.domain.Recommendation;
import org.shangliang.sessions.domain.SessionMode;
import org.shangliang.sessions.domain.SessionRepository;
import org.shangliang.sessions.domain.SessionStatus;
import org.shangliang.sessions.domain.SessionType;

/**
 * 开放数据: a year's public sessions for the county's open-data portal — each agenda item with the
 * consensus and recommendations in force once the minutes are published (the session concluded),
 * and the minutes' figures (expected, present, contributions). Never people: no participants,
 * speakers or their words (a speech names people), hosts or rapporteurs; internal sessions not at all.
 */
@ApplicationScoped
public class OpenDataService {

    public static final String DATASET = "shangliang.sessions";
    private static final List<DatasetField> FIELDS = List.of(
            new DatasetField("sessionTitle", "string", "协商会名称 Session title"),
            new DatasetField("sessionType", DatasetField.oneOf(SessionType.class, ""), "协商形式 Kind of session"),
            new DatasetField("mode", DatasetField.oneOf(SessionMode.class, ""), "方式 In person or online"),
            new DatasetField("territoryCode", "string", "所属区域代码 Division code of the territory that holds it"),
            new DatasetField("status", DatasetField.oneOf(SessionStatus.class, ""), "状态 Where it stands"),
            new DatasetField("startsOn", "date (YYYY-MM-DD, China time)", "日期 Day it starts"),
            new DatasetField("venue", "string, may be empty", "地点 Venue"),
            new DatasetField("expected", "integer", "应到人数 People invited, minus those excused"),
            new DatasetField("present", "integer", "实到人数 People present"),
            new DatasetField("position", "integer", "议程序号 Place on the agenda"),
            new DatasetField("topicNumber", "string, may be empty", "议题编号 Number of the topic (open data shangliang.topics)"),
            new DatasetField("title", "string", "议题 Title of the agenda item"),
            new DatasetField("contributions", "integer", "发言及书面意见数 Contributions recorded"),
            new DatasetField("consensus", "string, may be empty", "协商意见 The consensus in force (published with the minutes)"),
            new DatasetField("decisionRule", DatasetField.oneOf(DecisionRule.class, ", may be empty"), "议决方式 How it was reached"),
            new DatasetField("recommendations", "string list (CSV: separated by ;)", "建议 Recommendations"),
            new DatasetField("recommendationUnits", "string list (CSV: separated by ;)", "承办单位 The unit of each recommendation"));

    @Inject SessionRepository sessions;
    @Inject ParticipantRepository participants;
    @Inject ContributionRepository contributions;
    @Inject OutcomeRepository outcomes;
    @Inject ReferenceCopy copy;
    @Inject OpenDataTerms terms;

    /** A read: no transaction; four statements whatever the number of sessions. */
    public OpenSessions sessions(int year, String territory) {
        if (territory != null) {
            copy.require(SessionService.DIRECTORY, "territory:" + territory, "territory", Text.of("区域代码 " + territory, "Territory code " + territory));
        }
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(CountyTime.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(CountyTime.ZONE).toInstant();
        List<ConsultationSession> found = sessions.published(from, to, territory);
        List<UUID> ids = found.stream().map(ConsultationSession::id).toList();
        Map<UUID, List<Participant>> people = participants.ofSessions(ids).stream().collect(Collectors.groupingBy(Participant::sessionId));
        Map<UUID, Long> said = contributions.countsByItem(ids);
        Map<UUID, Outcome> inForce = outcomes.inForce(found.stream().flatMap(s -> s.agenda().stream()).map(AgendaItem::id).toList()).stream()
                .collect(Collectors.toMap(o -> o.agendaItem().id(), Function.identity()));
        List<OpenSessionItem> items = new ArrayList<>();
        for (ConsultationSession s : found) {
            Attendance a = Attendance.of(people.getOrDefault(s.id(), List.of()));
            boolean published = s.status() == SessionStatus.CONCLUDED;
            for (AgendaItem i : s.agenda()) {
                Outcome o = published ? inForce.get(i.id()) : null;
                List<Recommendation> recs = o == null ? List.of() : o.recommendations();
                items.add(new OpenSessionItem(s.title(), s.type(), s.mode(), s.territoryCode(), s.status(), s.startsAt().atZone(CountyTime.ZONE).toLocalDate(),
                        s.venue(), a.invited() - a.declined(), a.present(), i.position(), i.topicNumber(), i.topicTitle(),
                        said.getOrDefault(i.id(), 0L).intValue(), o == null ? null : o.consensus(), o == null ? null : o.decisionRule(),
                        recs.stream().map(Recommendation::text).toList(),
                        recs.stream().map(r -> r.suggestedUnit() != null ? r.suggestedUnit() : r.unitCode()).toList()));
            }
        }
        return new OpenSessions(DATASET, terms.licence(), terms.licenceUrl(), terms.publisher(), year, territory,
                "/api/v1/open-data/sessions/dictionary", items);
    }

    public DatasetDictionary dictionary() {
        return DatasetDictionary.of(DATASET, terms, FIELDS);
    }

    /** The same rows as CSV, columns in the dictionary's order. */
    public String csv(OpenSessions data) {
        return Csv.write(FIELDS.stream().map(DatasetField::name).toList(), data.items().stream().map(i -> java.util.Arrays.<Object>asList(
                i.sessionTitle(), i.sessionType(), i.mode(), i.territoryCode(), i.status(), i.startsOn(), i.venue(), i.expected(), i.present(),
                i.position(), i.topicNumber(), i.title(), i.contributions(), i.consensus(), i.decisionRule(), i.recommendations(),
                i.recommendationUnits())).toList());
    }
}
