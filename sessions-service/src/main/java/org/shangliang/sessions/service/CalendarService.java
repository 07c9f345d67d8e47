package org.shangliang.sessions.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Caller;
import org.shangliang.sessions.api.SessionViews.FeedTokenView;
import org.shangliang.sessions.domain.AgendaItem;
import org.shangliang.sessions.domain.CalendarFeed;
import org.shangliang.sessions.domain.CalendarFeedRepository;
import org.shangliang.sessions.domain.ConsultationSession;
import org.shangliang.sessions.domain.SessionStatus;

/**
 * 日程订阅: iCalendar (RFC 5545) feeds written with ical4j. Each session is one event whose UID never
 * changes; its SEQUENCE is the session's version, so a postponement, a new time or a cancellation
 * updates the same event in a subscriber's calendar (STATUS:TENTATIVE while postponed, CANCELLED
 * when cancelled).
 */
@ApplicationScoped
public class CalendarService {

    /** A feed shows what is coming and what recently was, not a county's whole history. */
    static final Duration PAST = Duration.ofDays(180);
    static final int MAX_EVENTS = 500;
    private static final SecureRandom TOKENS = new SecureRandom();

    @Inject CalendarFeedRepository feeds;
    @Inject Audit audit;

    /** The public feed: public sessions of a territory (the whole county when none is given). A read: no transaction. */
    public String publicFeed(String territory) {
        return write(feeds.publicSessions(territory == null ? "" : territory, Instant.now().minus(PAST), MAX_EVENTS), "商量·协商会");
    }

    /** A personal feed by its token: the sessions the person is invited to, internal ones included. */
    public String personalFeed(String token) {
        CalendarFeed feed = feeds.byTokenHash(hash(token)).orElseThrow(() -> ApiException.notFound(
                Text.of("没有这个日程订阅链接（可能已更换）", "No such calendar feed (the link may have been replaced)")));
        return write(feeds.sessionsOf(feed.subject(), Instant.now().minus(PAST), MAX_EVENTS), "商量·我的协商会");
    }

    /** A new feed token for the caller; the old link stops working. The token is shown once and stored only as a hash. */
    @Transactional
    public FeedTokenView rotate(Caller caller) {
        byte[] bytes = new byte[24];
        TOKENS.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        CalendarFeed feed = feeds.findById(caller.subject());
        if (feed == null) feeds.persist(new CalendarFeed(caller.subject(), hash(token)));
        else feed.rotate(hash(token));
        audit.record(caller, "calendar.feed-token", "CalendarFeed", java.util.UUID.nameUUIDFromBytes(caller.subject().getBytes(StandardCharsets.UTF_8)), caller.subject());
        return new FeedTokenView(token, "/api/v1/calendar/feeds/" + token + ".ics");
    }

    private static String write(List<ConsultationSession> sessions, String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Shangliang//Sessions 1.0//ZH"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", "Asia/Shanghai"));
        for (ConsultationSession s : sessions) calendar.add(event(s));
        return calendar.toString();
    }

    private static VEvent event(ConsultationSession s) {
        VEvent event = new VEvent(s.startsAt(), s.endsAt(), s.title());
        event.add(new Uid(s.id() + "@shangliang"));
        // The version rises with every change of the session: calendar apps replace the event they hold.
        event.add(new Sequence((int) Math.min(Integer.MAX_VALUE, s.version())));
        event.add(new DtStamp(s.updatedAt()));
        event.add(switch (s.status()) {
            case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
            case POSTPONED -> ImmutableStatus.VEVENT_TENTATIVE;
            default -> ImmutableStatus.VEVENT_CONFIRMED;
        });
        if (s.venue() != null) event.add(new Location(s.venue()));
        StringBuilder description = new StringBuilder("议程：");
        for (AgendaItem i : s.agenda()) description.append('\n').append(i.position()).append(". ").append(i.topicTitle());
        if (s.status() == SessionStatus.CANCELLED && s.cancelReason() != null) description.append("\n已取消：").append(s.cancelReason());
        if (s.status() == SessionStatus.POSTPONED && s.postponedReason() != null) description.append("\n已延期：").append(s.postponedReason());
        event.add(new Description(description.toString()));
        return event;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
