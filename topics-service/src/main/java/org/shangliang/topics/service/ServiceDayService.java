package org.shangliang.topics.service;

import static org.shangliang.commons.security.Roles.CPPCC_STAFF;
import static org.shangliang.commons.security.Roles.LEADER;
import static org.shangliang.commons.security.Roles.MEMBER;
import static org.shangliang.commons.security.Roles.ORGANIZER;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.topics.api.ServiceDays.ActivityView;
import org.shangliang.topics.api.ServiceDays.MemberMonth;
import org.shangliang.topics.api.ServiceDays.NewActivity;
import org.shangliang.topics.api.ServiceDays.Report;
import org.shangliang.topics.api.ServiceDays.TownshipMonth;
import org.shangliang.topics.domain.DirectoryRepository;
import org.shangliang.topics.domain.Member;
import org.shangliang.topics.domain.MemberActivity;
import org.shangliang.topics.domain.MemberActivityRepository;
import org.shangliang.topics.domain.ServiceDayItem;

/**
 * 双联 / 五个一: members record what they did on the monthly grid service day; the CPPCC office
 * sees per member, per township and per month which of the five are done, and who has done none.
 */
@ApplicationScoped
public class ServiceDayService {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    /** How late a record may come: the month before last is closed. */
    static final int MONTHS_OPEN = 2;

    @Inject DirectoryRepository directory;
    @Inject MemberActivityRepository activities;
    @Inject Audit audit;

    /** A member records their own; the CPPCC office records for a member of its territory. */
    @Transactional
    public ActivityView record(UUID memberId, NewActivity request, Caller caller) {
        Member member = findMember(memberId, caller);
        boolean self = caller.is(MEMBER) && caller.subject().equals(member.subject());
        boolean office = caller.is(CPPCC_STAFF) && member.gridCode() != null && caller.covers(member.gridCode());
        if (!self && !office) {
            throw Access.forbidden(Text.of("委员本人或本级政协机关才能记录双联活动", "Only the member or the CPPCC office of their territory records their activities"));
        }
        if (member.retired()) {
            throw ApiException.unprocessable("memberId", Text.of("委员 " + member.name() + " 已停用", "Member " + member.name() + " is retired"));
        }
        LocalDate today = LocalDate.now(CHINA);
        if (request.occurredOn().isAfter(today)) {
            throw ApiException.unprocessable("occurredOn", Text.of("日期不能晚于今天（" + today + "）", "The day cannot be after today (" + today + ")"));
        }
        if (request.occurredOn().isBefore(today.withDayOfMonth(1).minusMonths(MONTHS_OPEN - 1))) {
            throw ApiException.unprocessable("occurredOn", Text.of("只能补记本月和上月的活动", "Only this month's and last month's activities are recorded"));
        }
        if ((request.kind() == ServiceDayItem.CONTACT_CARDS) != (request.quantity() != null)) {
            throw ApiException.badRequest("quantity", Text.of("发放联系卡须填数量，其他活动不填", "Contact cards need a quantity; the other activities have none"));
        }
        MemberActivity activity = new MemberActivity(member, request.kind(), request.occurredOn(), request.summary().strip(), request.quantity(), caller.subject());
        activities.persist(activity);
        audit.record(caller, "member.service-day", "Member", member.id(), activity.month() + " " + activity.kind());
        return ActivityView.of(activity);
    }

    /** One member's month: the member, the office and leaders of their territory. */
    public MemberMonth month(UUID memberId, String month, Caller caller) {
        Member member = findMember(memberId, caller);
        boolean self = caller.subject().equals(member.subject());
        boolean staff = caller.isAny(CPPCC_STAFF, LEADER, ORGANIZER) && member.gridCode() != null && caller.covers(member.gridCode());
        if (!self && !staff) {
            throw Access.forbidden(Text.of("只能查看本人或本辖区委员的双联记录", "Only the member's own record, or the record of members of one's territory"));
        }
        return MemberMonth.of(member, month, activities.of(memberId, month), true);
    }

    /** The territory's members in a month: each member's five, each township's totals, and who has done none. */
    public Report report(String territory, String month, Caller caller) {
        if (!caller.isAny(CPPCC_STAFF, LEADER, ORGANIZER) || !caller.covers(territory)) {
            throw Access.forbidden(Text.of("只能查看本辖区的双联报表", "Only the report of one's own territory"));
        }
        List<Member> members = directory.activeMembersWithin(territory);
        Map<UUID, List<MemberActivity>> byMember = activities.of(members.stream().map(Member::id).toList(), month).stream()
                .collect(Collectors.groupingBy(MemberActivity::memberId));
        List<MemberMonth> rows = members.stream().map(m -> MemberMonth.of(m, month, byMember.getOrDefault(m.id(), List.of()), false)).toList();
        Map<String, List<MemberMonth>> byTownship = new TreeMap<>();
        for (MemberMonth row : rows) byTownship.computeIfAbsent(township(row.gridCode()), k -> new ArrayList<>()).add(row);
        List<TownshipMonth> townships = byTownship.entrySet().stream().map(e -> new TownshipMonth(e.getKey(), e.getValue().size(),
                (int) e.getValue().stream().filter(r -> r.missing().isEmpty()).count(),
                (int) e.getValue().stream().filter(r -> r.done().isEmpty()).count(),
                java.util.Arrays.stream(ServiceDayItem.values()).map(k -> (int) e.getValue().stream().filter(r -> r.done().contains(k)).count()).toList()))
                .toList();
        return new Report(territory, month, rows.size(), townships, rows, rows.stream().filter(r -> r.done().isEmpty()).toList());
    }

    private static String township(String gridCode) {
        return gridCode == null || gridCode.length() < 9 ? String.valueOf(gridCode) : gridCode.substring(0, 9);
    }

    private Member findMember(UUID id, Caller caller) {
        return directory.member(id).orElseThrow(() -> ApiException.notFound(Text.of("没有编号为 " + id + " 的委员", "No member with id " + id)));
    }
}
