package org.shangliang.sessions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.DomainEvent;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.events.ReferenceCopy;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.sessions.config.SessionsConfig;
import org.shangliang.sessions.domain.AgendaItem;
import org.shangliang.sessions.domain.ConsultableTopic;
import org.shangliang.sessions.domain.ConsultableTopicRepository;
import org.shangliang.sessions.domain.AgendaLine;
import org.shangliang.sessions.domain.ConsultationSession;
import org.shangliang.sessions.domain.ContributionRepository;
import org.shangliang.sessions.domain.ParticipantRepository;
import org.shangliang.sessions.domain.SessionAccess;
import org.shangliang.sessions.domain.SessionFilter;
import org.shangliang.sessions.domain.SessionStatistics;
import org.shangliang.sessions.domain.Visibility;
import org.shangliang.sessions.domain.Outcome;
import org.shangliang.sessions.domain.OutcomeRepository;
import org.shangliang.sessions.domain.SessionRepository;
import org.shangliang.sessions.domain.SessionStatus;
import org.shangliang.sessions.messaging.out.SessionCancelled;
import org.shangliang.sessions.messaging.out.SessionConcluded;
import org.shangliang.sessions.messaging.out.SessionPostponed;
import org.shangliang.sessions.messaging.out.SessionRescheduled;
import org.shangliang.sessions.messaging.out.SessionStarted;
import org.shangliang.sessions.messaging.out.SessionScheduled;
import org.shangliang.sessions.api.SessionRequests.AgendaLineRequest;
import org.shangliang.sessions.api.SessionRequests.CancelSession;
import org.shangliang.sessions.api.SessionRequests.EditAgenda;
import org.shangliang.sessions.api.SessionRequests.PostponeSession;
import org.shangliang.sessions.api.SessionRequests.RescheduleSession;
import org.shangliang.sessions.api.SessionRequests.ScheduleSession;
import org.shangliang.sessions.api.SessionViews;
import org.shangliang.sessions.api.SessionViews.OutcomeView;
import org.shangliang.sessions.api.SessionViews.RoundItemView;
import org.shangliang.sessions.api.SessionViews.RoundView;
import org.shangliang.sessions.api.SessionViews.SessionView;
import org.shangliang.sessions.api.SessionViews.StatisticsRow;
import org.shangliang.sessions.api.SessionViews.StatisticsView;
import org.shangliang.sessions.domain.CountyTime;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.HashSet;

/** Scheduling sessions and recording outcomes; each change and its event commit together. */
@ApplicationScoped
public class SessionService {

    /** The directory's stream, of which this service keeps a copy (territories and units). */
    static final String DIRECTORY = "directory";

    @Inject SessionRepository sessions;
    @Inject ReferenceCopy copy;
    @Inject ConsultableTopicRepository consultable;
    @Inject OutcomeRepository outcomes;
    @Inject Outbox outbox;
    @Inject Audit audit;
    @Inject SessionsConfig config;
    @Inject ParticipantRepository participants;
    @Inject ContributionRepository contributions;
    @Inject SessionStatistics statistics;

    @Transactional
    public SessionView schedule(ScheduleSession request, Caller caller) {
        requireTerritory(request.territoryCode(), caller);
        copy.require(DIRECTORY, "territory:" + request.territoryCode(), "territoryCode",
                Text.of("区域代码 " + request.territoryCode(), "Territory code " + request.territoryCode()));
        List<UUID> ids = new ArrayList<>(new LinkedHashSet<>(request.agenda()));
        if (ids.size() != request.agenda().size()) {
            throw ApiException.badRequest("agenda", Text.of("议程中同一议题只能出现一次", "A topic may appear only once on an agenda"));
        }
        Map<UUID, ConsultableTopic> known = consultable.list("topicId in ?1", ids).stream()
                .collect(Collectors.toMap(ConsultableTopic::topicId, Function.identity()));
        List<ApiException.FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            ConsultableTopic t = known.get(ids.get(i));
            if (t == null) {
                unknown.add(new ApiException.FieldError("agenda[" + i + "]", Text.of(
                        "议题 " + ids.get(i) + " 不存在或尚未立项", "topic " + ids.get(i) + " is unknown or not accepted")));
            } else if (!t.territoryCode().startsWith(request.territoryCode())) {
                // A session consults its own territory's topics (a county session takes any; a village hall only its village's).
                unknown.add(new ApiException.FieldError("agenda[" + i + "]", Text.of(
                        "议题 " + t.number() + " 不属于本次协商会的区域 " + request.territoryCode(),
                        "topic " + t.number() + " lies outside the session's territory " + request.territoryCode())));
            }
        }
        if (!unknown.isEmpty()) {
            throw new ApiException(422, "unknown-topics", Text.of("议程中有不能协商的议题", "The agenda names topics that cannot be consulted"),
                    Text.of("只有已立项的议题才能列入议程；立项后几秒内即可使用", "Only accepted topics can go on an agenda; an accepted topic is usable within moments"),
                    unknown);
        }
        if (request.previousRoundId() != null && sessions.findById(request.previousRoundId()) == null) {
            throw ApiException.unprocessable(Text.of("上一轮协商会 " + request.previousRoundId() + " 不存在",
                    "previous round " + request.previousRoundId() + " does not exist"));
        }
        ConsultationSession session = ConsultationSession.schedule(request.title().strip(), request.type(), request.mode(),
                request.territoryCode(), request.startsAt(),
                request.endsAt() != null ? request.endsAt() : request.startsAt().plus(config.defaultLength()), request.venue(), request.host(), request.previousRoundId(),
                request.visibility() == null ? Visibility.PUBLIC : request.visibility(), ids.stream().map(known::get).toList(), caller.subject());
        sessions.persist(session);
        outbox.publish(SessionScheduled.of(session));
        audit.record(caller, "session.schedule", "Session", session.id(), session.title());
        return SessionView.of(session);
    }

    /** A read: no transaction (autocommit, one round trip; nothing is flushed). */
    public SessionView get(UUID id, Caller caller) {
        return SessionView.of(visible(id, caller));
    }

    /** A read: no transaction (autocommit, one round trip; nothing is flushed). */
    public PageView<SessionView> list(SessionFilter filter, String cursor, int limit, Caller caller) {
        if (filter.from() != null && filter.to() != null && !filter.from().isBefore(filter.to())) {
            throw ApiException.unprocessable("to", Text.of("结束时间须晚于开始时间", "to must be after from"));
        }
        List<ConsultationSession> rows = sessions.page(filter, Cursor.decode(cursor), limit, caller);
        return PageView.of(rows, limit, SessionView::of, s -> new Cursor(s.createdAt(), s.id()));
    }

    /** 开会: the organizer opens the session; SessionStarted. */
    @Transactional
    public SessionView start(UUID id, String ifMatch, Caller caller) {
        ConsultationSession session = changeable(id, ifMatch, caller, SessionStatus.Action.START);
        session.start();
        return moved(session, SessionStarted.of(session), caller, "session.start", null);
    }

    /** 延期 without a new time yet; SessionPostponed. */
    @Transactional
    public SessionView postpone(UUID id, String ifMatch, PostponeSession request, Caller caller) {
        ConsultationSession session = changeable(id, ifMatch, caller, SessionStatus.Action.POSTPONE);
        session.postpone(request.reason().strip());
        return moved(session, SessionPostponed.of(session), caller, "session.postpone", session.postponedReason());
    }

    /** 改期: a new start time; SessionRescheduled with the agenda, so the topics stay SCHEDULED. */
    @Transactional
    public SessionView reschedule(UUID id, String ifMatch, RescheduleSession request, Caller caller) {
        ConsultationSession session = changeable(id, ifMatch, caller, SessionStatus.Action.RESCHEDULE);
        Instant before = session.startsAt();
        session.reschedule(request.startsAt(), request.endsAt(), request.reason() == null || request.reason().isBlank() ? null : request.reason().strip());
        return moved(session, SessionRescheduled.of(session, before), caller, "session.reschedule", before + " → " + session.startsAt());
    }

    /** 结束; SessionConcluded, naming the topics left without an outcome. */
    @Transactional
    public SessionView conclude(UUID id, String ifMatch, Caller caller) {
        ConsultationSession session = changeable(id, ifMatch, caller, SessionStatus.Action.CONCLUDE);
        session.conclude();
        return moved(session, SessionConcluded.of(session), caller, "session.conclude", session.undeliberated().size() + " 项未形成协商成果");
    }

    @Transactional
    public SessionView cancel(UUID id, String ifMatch, CancelSession request, Caller caller) {
        ConsultationSession session = changeable(id, ifMatch, caller, SessionStatus.Action.CANCEL);
        session.cancel(request.reason().strip());
        return moved(session, SessionCancelled.of(session), caller, "session.cancel", session.cancelReason());
    }

    /**
     * 议程调整 while SCHEDULED or POSTPONED: the agenda becomes the lines given, in order. Publishes
     * SessionScheduled again with the new agenda, so topics-service schedules added topics and gives
     * removed ones back.
     */
    @Transactional
    public SessionView editAgenda(UUID id, String ifMatch, EditAgenda request, Caller caller) {
        ConsultationSession session = changeable(id, ifMatch, caller, SessionStatus.Action.EDIT_AGENDA);
        Map<UUID, AgendaItem> byId = session.agenda().stream().collect(Collectors.toMap(AgendaItem::id, Function.identity()));
        Map<UUID, AgendaItem> byTopic = session.agenda().stream().filter(AgendaItem::isTopic).collect(Collectors.toMap(AgendaItem::topicId, Function.identity()));
        List<ApiException.FieldError> invalid = new ArrayList<>();
        List<AgendaLine> lines = new ArrayList<>();
        Set<UUID> kept = new HashSet<>();
        for (int i = 0; i < request.items().size(); i++) {
            AgendaLineRequest r = request.items().get(i);
            String field = "items[" + i + "]";
            int given = (r.agendaItemId() != null ? 1 : 0) + (r.topicId() != null ? 1 : 0) + (r.title() != null && !r.title().isBlank() ? 1 : 0);
            String rapporteur = r.rapporteur() == null || r.rapporteur().isBlank() ? null : r.rapporteur().strip();
            AgendaItem existing = r.agendaItemId() != null ? byId.get(r.agendaItemId()) : r.topicId() != null ? byTopic.get(r.topicId()) : null;
            if (given != 1) {
                invalid.add(new ApiException.FieldError(field, Text.of("须且只须给出 agendaItemId、topicId 或 title 之一", "give exactly one of agendaItemId, topicId and title")));
            } else if (r.agendaItemId() != null && existing == null) {
                invalid.add(new ApiException.FieldError(field + ".agendaItemId", Text.of("不是本次协商会的议程项", "not an item of this session's agenda")));
            } else if (existing != null) {
                if (!kept.add(existing.id())) invalid.add(new ApiException.FieldError(field, Text.of("同一议程项出现了两次", "the same item appears twice")));
                else lines.add(new AgendaLine(existing.id(), null, null, r.plannedMinutes(), rapporteur));
            } else if (r.topicId() != null) {
                ConsultableTopic t = consultable.findById(r.topicId());
                if (t == null) {
                    invalid.add(new ApiException.FieldError(field + ".topicId", Text.of("议题 " + r.topicId() + " 未立项、已撤回或已并案", "topic " + r.topicId() + " is not accepted, or was withdrawn or merged")));
                } else if (!t.territoryCode().startsWith(session.territoryCode())) {
                    invalid.add(new ApiException.FieldError(field + ".topicId", Text.of("议题 " + t.number() + " 不属于本次协商会的区域", "topic " + t.number() + " lies outside the session's territory")));
                } else {
                    lines.add(new AgendaLine(null, t, null, r.plannedMinutes(), rapporteur));
                }
            } else {
                lines.add(new AgendaLine(null, null, r.title().strip(), r.plannedMinutes(), rapporteur));
            }
        }
        long distinctTopics = lines.stream().filter(l -> l.topic() != null).map(l -> l.topic().topicId()).distinct().count();
        if (distinctTopics != lines.stream().filter(l -> l.topic() != null).count()) {
            invalid.add(new ApiException.FieldError("items", Text.of("同一议题只能出现一次", "a topic may appear only once")));
        }
        if (!invalid.isEmpty()) {
            throw new ApiException(422, "invalid-agenda", Text.of("议程有误", "The agenda has errors"), Text.of("见 violations", "See violations"), invalid);
        }
        List<String> withWritings = session.agenda().stream().filter(i -> !kept.contains(i.id()) && contributions.countOn(i.id()) > 0)
                .map(AgendaItem::topicTitle).toList();
        if (!withWritings.isEmpty()) {
            throw ApiException.conflict(Text.of("议程项「" + String.join("、", withWritings) + "」已收到书面意见，不能移除",
                    "Items with written submissions cannot be removed: " + String.join(", ", withWritings)));
        }
        session.replaceAgenda(lines);
        return moved(session, SessionScheduled.of(session), caller, "session.agenda", session.agenda().size() + " 项议程");
    }

    /** 统计 for a year in the caller's territory (or a part of it). A read: no transaction. */
    public StatisticsView statistics(int year, String territory, Caller caller) {
        String scope = territory != null ? territory : caller.territory();
        if (scope == null || !caller.covers(scope)) {
            throw Access.forbidden(Text.of("只能统计本人所辖区域（" + caller.territory() + "）", "Statistics only for your own territory (" + caller.territory() + ")"));
        }
        ZoneId zone = CountyTime.ZONE;
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant();
        List<StatisticsRow> rows = statistics.of(scope, from, to).stream().map(r -> new StatisticsRow(r.township, r.type, r.scheduled, r.held, r.cancelled,
                r.expected, r.present, r.expected == 0 ? null : (double) r.present / r.expected, r.speeches, r.departmentResponses, r.writtenSubmissions,
                r.outcomes, r.consensus, r.outcomes == 0 ? null : (double) r.consensus / r.outcomes)).toList();
        return new StatisticsView(year, scope, rows);
    }

    /** How many rounds a chain may hold: a guard against a cycle written by hand into the database. */
    static final int MAX_ROUNDS = 50;

    /**
     * 轮次: the chain of rounds {@code id} belongs to, first round first — back along
     * previousRoundId to the first, then forward through the rounds that continue each — with each
     * round's outcomes in force. A read: no transaction.
     */
    public List<RoundView> rounds(UUID id, Caller caller) {
        ConsultationSession first = visible(id, caller);
        Set<UUID> seen = new HashSet<>(List.of(first.id()));
        while (first.previousRoundId() != null && seen.size() < MAX_ROUNDS) {
            ConsultationSession previous = sessions.findById(first.previousRoundId());
            if (previous == null || !seen.add(previous.id())) break;
            first = previous;
        }
        List<ConsultationSession> chain = new ArrayList<>(List.of(first));
        seen = new HashSet<>(List.of(first.id()));
        for (int i = 0; i < chain.size() && chain.size() < MAX_ROUNDS; i++) {
            for (ConsultationSession next : sessions.continuing(chain.get(i).id())) {
                if (seen.add(next.id())) chain.add(next);
            }
        }
        Map<UUID, Outcome> inForce = outcomes.inForce(chain.stream().flatMap(s -> s.agenda().stream()).map(AgendaItem::id).toList())
                .stream().collect(Collectors.toMap(o -> o.agendaItem().id(), Function.identity()));
        List<RoundView> rounds = new ArrayList<>();
        for (ConsultationSession s : chain) {
            if (!canSee(s, caller)) continue; // an internal round of someone else's is left out, not shown empty
            rounds.add(new RoundView(rounds.size() + 1, s.id(), s.title(), s.status(), s.startsAt(), SessionViews.local(s.startsAt()), s.previousRoundId(),
                    s.agenda().stream().map(i -> new RoundItemView(i.id(), i.topicId(), i.topicNumber(), i.topicTitle(),
                            inForce.containsKey(i.id()) ? OutcomeView.of(inForce.get(i.id()), outcomes.changesOf(inForce.get(i.id()))) : null)).toList()));
        }
        return rounds;
    }

    /** Visible and in the caller's territory? → allowed from its status (409)? → If-Match (412): what every move checks first. */
    private ConsultationSession changeable(UUID id, String ifMatch, Caller caller, SessionStatus.Action action) {
        ConsultationSession session = organizable(id, caller, action);
        Preconditions.requireIfMatch(ifMatch, session.version());
        return session;
    }

    /** Visible and in the caller's territory? → allowed from its status (409)? For what is done to a session without moving it. */
    ConsultationSession organizable(UUID id, Caller caller, SessionStatus.Action action) {
        ConsultationSession session = find(id);
        requireTerritory(session.territoryCode(), caller);
        session.status().check(action);
        return session;
    }

    /** After the move: its event and audit entry in the same transaction, then the new version. */
    private SessionView moved(ConsultationSession session, DomainEvent event, Caller caller, String action, String detail) {
        outbox.publish(event);
        audit.record(caller, action, "Session", session.id(), detail == null ? session.status().name() : detail);
        sessions.flush();
        return SessionView.of(session);
    }

    /** Organizers act in their own territory; the county office covers the whole county. */
    static void requireTerritory(String territoryCode, Caller caller) {
        if (!caller.covers(territoryCode)) {
            throw Access.forbidden(Text.of("只能组织本人所辖区域（" + caller.territory() + "）的协商会",
                    "You may organize sessions only inside your territory (" + caller.territory() + ")"));
        }
    }

    static AgendaItem item(ConsultationSession session, UUID itemId) {
        return session.item(itemId).orElseThrow(() -> ApiException.notFound(
                Text.of("协商会 " + session.id() + " 没有议程项 " + itemId, "Session " + session.id() + " has no agenda item " + itemId)));
    }

    /** For reads: the session if the caller may see it; an internal one is a 404 to everyone else. */
    ConsultationSession visible(UUID id, Caller caller) {
        ConsultationSession session = find(id);
        if (!canSee(session, caller)) throw notFound(id);
        return session;
    }

    boolean canSee(ConsultationSession session, Caller caller) {
        return session.visibility() != Visibility.INTERNAL || SessionAccess.isStaffOf(session.territoryCode(), caller)
                || participants.bySubject(session.id(), caller.subject()).isPresent();
    }

    ConsultationSession find(UUID id) {
        return sessions.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    static ApiException notFound(UUID id) {
        return ApiException.notFound(Text.of("没有编号为 " + id + " 的协商会", "No session with id " + id));
    }
}
