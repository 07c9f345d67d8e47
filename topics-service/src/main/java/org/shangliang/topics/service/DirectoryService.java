package org.shangliang.topics.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.shangliang.commons.audit.Audit;
import org.shangliang.commons.events.Outbox;
import org.shangliang.commons.http.CodeCursor;
import org.shangliang.commons.http.Cursor;
import org.shangliang.commons.http.PageView;
import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Preconditions;
import org.shangliang.commons.problem.Text;
import org.shangliang.commons.security.Access;
import org.shangliang.commons.security.Caller;
import org.shangliang.topics.api.DirectoryRequests.MemberData;
import org.shangliang.topics.api.DirectoryRequests.NewTerritory;
import org.shangliang.topics.api.DirectoryRequests.NewUnit;
import org.shangliang.topics.api.DirectoryRequests.ServiceTeamData;
import org.shangliang.topics.api.DirectoryRequests.TerritoryChange;
import org.shangliang.topics.api.DirectoryViews.MemberView;
import org.shangliang.topics.api.DirectoryViews.ServiceTeamView;
import org.shangliang.topics.api.DirectoryViews.TerritoryView;
import org.shangliang.topics.api.DirectoryViews.UnitView;
import org.shangliang.topics.domain.DirectoryAccess;
import org.shangliang.topics.domain.DirectoryRepository;
import org.shangliang.topics.domain.Member;
import org.shangliang.topics.domain.ServiceTeam;
import org.shangliang.topics.domain.Territory;
import org.shangliang.topics.domain.TerritoryKind;
import org.shangliang.topics.domain.Unit;
import org.shangliang.topics.messaging.out.MemberRecorded;
import org.shangliang.topics.messaging.out.ServiceTeamRecorded;
import org.shangliang.topics.messaging.out.TerritoryRecorded;
import org.shangliang.topics.messaging.out.UnitRecorded;

/**
 * The directory (名录): territories, units, CPPCC members and service teams. Each change commits
 * with its event on the compacted directory stream (the whole entry, so the latest event per key
 * is a full copy for the other services) and its audit record. Reads need no transaction.
 */
@ApplicationScoped
public class DirectoryService {

    @Inject DirectoryRepository directory;
    @Inject Outbox outbox;
    @Inject Audit audit;

    // ---- territories --------------------------------------------------------------------------

    public TerritoryView territory(String code) {
        return TerritoryView.of(findTerritory(code));
    }

    public PageView<TerritoryView> territories(String parent, TerritoryKind kind, boolean includeRetired, String cursor, int limit) {
        return PageView.byCode(directory.territories(parent, kind, includeRetired, CodeCursor.decode(cursor), limit), limit,
                TerritoryView::of, Territory::code);
    }

    @Transactional
    public TerritoryView createTerritory(NewTerritory request, Caller caller) {
        List<String> members = request.members() == null ? List.of() : request.members();
        maintainable(request.code(), members, caller);
        if (directory.territory(request.code()).isPresent()) {
            throw ApiException.conflict(Text.of("区域 " + request.code() + " 已存在", "Territory " + request.code() + " already exists"));
        }
        TerritoryKind kind = TerritoryKind.of(request.code());
        String parent = null;
        if (kind.parentKind() != null) {
            parent = request.code().substring(0, request.code().length() - 3);
            usableTerritory("code", parent);
        }
        if (kind == TerritoryKind.CROSS_REGION) requireCounties(members);
        else if (!members.isEmpty()) {
            throw ApiException.badRequest("members", Text.of("只有跨区域条目才有成员县", "Only a cross-region entry has member counties"));
        }
        Territory territory = Territory.create(request.code(), request.name().strip(), parent, members);
        directory.persist(territory);
        return recorded(territory, caller, "directory.territory.create");
    }

    @Transactional
    public TerritoryView changeTerritory(String code, String ifMatch, TerritoryChange request, Caller caller) {
        Territory territory = findTerritory(code);
        maintainable(code, territory.members(), caller);
        Preconditions.requireIfMatch(ifMatch, territory.version());
        if (territory.kind() == TerritoryKind.CROSS_REGION && request.members() != null) requireCounties(request.members());
        territory.rename(request.name().strip(), request.members());
        return recorded(territory, caller, "directory.territory.change");
    }

    @Transactional
    public TerritoryView retireTerritory(String code, String ifMatch, Caller caller) {
        Territory territory = findTerritory(code);
        maintainable(code, territory.members(), caller);
        Preconditions.requireIfMatch(ifMatch, territory.version());
        long dependants = directory.activeDependants(code);
        if (dependants > 0) {
            throw ApiException.conflict(Text.of("区域 " + code + " 下还有 " + dependants + " 个在用的下级区域、承办单位、委员或服务组，先停用它们",
                    "Territory " + code + " still has " + dependants + " active sub-territories, units, members or service teams; retire them first"));
        }
        territory.retire(Territory.WHAT);
        return recorded(territory, caller, "directory.territory.retire");
    }

    /**
     * A territory that new records may refer to: in the directory and not retired. Anything else
     * is a 422 naming {@code field}.
     */
    public Territory usableTerritory(String field, String code) {
        Territory territory = directory.territory(code).orElseThrow(() -> ApiException.unprocessable(field,
                Text.of("区域代码 " + code + " 不在名录中", "Territory code " + code + " is not in the directory")));
        if (territory.retired()) {
            throw ApiException.unprocessable(field, Text.of("区域 " + code + "（" + territory.name() + "）已停用", "Territory " + code + " (" + territory.name() + ") is retired"));
        }
        return territory;
    }

    /** A territory a filter may name: in the directory, retired or not (old records stay findable). */
    public void knownTerritory(String field, String code) {
        if (directory.territory(code).isEmpty()) {
            throw ApiException.unprocessable(field, Text.of("区域代码 " + code + " 不在名录中", "Territory code " + code + " is not in the directory"));
        }
    }

    private TerritoryView recorded(Territory territory, Caller caller, String action) {
        directory.flush(); // the event and the view carry the version this change produced
        outbox.publish(TerritoryRecorded.of(territory));
        audit.record(caller, action, "Territory", territory.code(), territory.name());
        return TerritoryView.of(territory);
    }

    private void requireCounties(List<String> members) {
        if (members.size() < 2) {
            throw ApiException.badRequest("members", Text.of("跨区域条目至少联结两个县", "A cross-region entry joins at least two counties"));
        }
        for (String county : members) {
            Territory t = usableTerritory("members", county);
            if (t.kind() != TerritoryKind.COUNTY) {
                throw ApiException.unprocessable("members", Text.of(county + " 不是县级区域", county + " is not a county"));
            }
        }
    }

    private Territory findTerritory(String code) {
        return directory.territory(code).orElseThrow(() -> ApiException.notFound(Text.of("名录中没有区域 " + code, "No territory " + code + " in the directory")));
    }

    // ---- units --------------------------------------------------------------------------------

    public UnitView unit(String code) {
        return UnitView.of(findUnit(code));
    }

    public PageView<UnitView> units(String territory, boolean includeRetired, String cursor, int limit) {
        return PageView.byCode(directory.units(territory, includeRetired, CodeCursor.decode(cursor), limit), limit, UnitView::of, Unit::code);
    }

    @Transactional
    public UnitView createUnit(NewUnit request, Caller caller) {
        maintainable(request.territoryCode(), List.of(), caller);
        if (directory.unit(request.code()).isPresent()) {
            throw ApiException.conflict(Text.of("承办单位 " + request.code() + " 已存在", "Unit " + request.code() + " already exists"));
        }
        usableTerritory("territoryCode", request.territoryCode());
        Unit unit = Unit.create(request.code(), request.name().strip(), request.territoryCode());
        directory.persist(unit);
        return recorded(unit, caller, "directory.unit.create");
    }

    @Transactional
    public UnitView renameUnit(String code, String ifMatch, String name, Caller caller) {
        Unit unit = findUnit(code);
        maintainable(unit.territoryCode(), List.of(), caller);
        Preconditions.requireIfMatch(ifMatch, unit.version());
        unit.rename(name.strip());
        return recorded(unit, caller, "directory.unit.change");
    }

    @Transactional
    public UnitView retireUnit(String code, String ifMatch, Caller caller) {
        Unit unit = findUnit(code);
        maintainable(unit.territoryCode(), List.of(), caller);
        Preconditions.requireIfMatch(ifMatch, unit.version());
        unit.retire(Unit.WHAT);
        return recorded(unit, caller, "directory.unit.retire");
    }

    /** A unit new records may refer to; otherwise a 422 naming {@code field}. */
    public Unit usableUnit(String field, String code) {
        Unit unit = directory.unit(code).orElseThrow(() -> ApiException.unprocessable(field,
                Text.of("承办单位代码 " + code + " 不在名录中", "Unit code " + code + " is not in the directory")));
        if (unit.retired()) {
            throw ApiException.unprocessable(field, Text.of("承办单位 " + code + "（" + unit.name() + "）已停用", "Unit " + code + " (" + unit.name() + ") is retired"));
        }
        return unit;
    }

    private UnitView recorded(Unit unit, Caller caller, String action) {
        directory.flush();
        outbox.publish(UnitRecorded.of(unit));
        audit.record(caller, action, "Unit", unit.code(), unit.name());
        return UnitView.of(unit);
    }

    private Unit findUnit(String code) {
        return directory.unit(code).orElseThrow(() -> ApiException.notFound(Text.of("名录中没有承办单位 " + code, "No unit " + code + " in the directory")));
    }

    // ---- members ------------------------------------------------------------------------------

    public MemberView member(UUID id, Caller caller) {
        Member member = findMember(id);
        return MemberView.of(member, DirectoryAccess.canSeePhone(member, caller));
    }

    public PageView<MemberView> members(String territory, String sector, boolean includeRetired, String cursor, int limit, Caller caller) {
        return PageView.of(directory.members(territory, sector, includeRetired, Cursor.decode(cursor), limit), limit,
                m -> MemberView.of(m, DirectoryAccess.canSeePhone(m, caller)), m -> new Cursor(m.createdAt(), m.id()));
    }

    @Transactional
    public MemberView createMember(MemberData request, Caller caller) {
        checkMember(null, request, caller);
        Member member = Member.create(request.name().strip(), request.sector().strip(), request.gridCode(), request.phone(), blankToNull(request.subject()));
        directory.persist(member);
        return recorded(member, caller, "directory.member.create");
    }

    @Transactional
    public MemberView updateMember(UUID id, String ifMatch, MemberData request, Caller caller) {
        Member member = findMember(id);
        maintainableMember(member.gridCode(), caller);
        Preconditions.requireIfMatch(ifMatch, member.version());
        checkMember(member, request, caller);
        member.update(request.name().strip(), request.sector().strip(), request.gridCode(), request.phone(), blankToNull(request.subject()));
        return recorded(member, caller, "directory.member.change");
    }

    @Transactional
    public MemberView retireMember(UUID id, String ifMatch, Caller caller) {
        Member member = findMember(id);
        maintainableMember(member.gridCode(), caller);
        Preconditions.requireIfMatch(ifMatch, member.version());
        member.retire(Member.WHAT);
        return recorded(member, caller, "directory.member.retire");
    }

    private void checkMember(Member current, MemberData request, Caller caller) {
        maintainableMember(request.gridCode(), caller);
        if (request.gridCode() != null) usableTerritory("gridCode", request.gridCode());
        String subject = blankToNull(request.subject());
        if (subject != null) {
            directory.memberBySubject(subject).filter(other -> current == null || !other.id().equals(current.id())).ifPresent(other -> {
                throw ApiException.conflict(Text.of("登录账号 " + subject + " 已属于委员 " + other.name(), "Login " + subject + " already belongs to member " + other.name()));
            });
        }
    }

    private static void maintainableMember(String gridCode, Caller caller) {
        if (!DirectoryAccess.canMaintainMember(gridCode, caller)) throw notMaintainer(caller);
    }

    private MemberView recorded(Member member, Caller caller, String action) {
        directory.flush();
        outbox.publish(MemberRecorded.of(member));
        audit.record(caller, action, "Member", member.id(), member.name());
        return MemberView.of(member, true);
    }

    private Member findMember(UUID id) {
        return directory.member(id).orElseThrow(() -> ApiException.notFound(Text.of("名录中没有委员 " + id, "No member " + id + " in the directory")));
    }

    // ---- service teams ------------------------------------------------------------------------

    public ServiceTeamView serviceTeam(UUID id) {
        return ServiceTeamView.of(findTeam(id));
    }

    public PageView<ServiceTeamView> serviceTeams(String territory, String sector, boolean includeRetired, String cursor, int limit) {
        return PageView.of(directory.serviceTeams(territory, sector, includeRetired, Cursor.decode(cursor), limit), limit,
                ServiceTeamView::of, t -> new Cursor(t.createdAt(), t.id()));
    }

    @Transactional
    public ServiceTeamView createServiceTeam(ServiceTeamData request, Caller caller) {
        maintainable(request.townshipCode(), List.of(), caller);
        usableTerritory("townshipCode", request.townshipCode());
        ServiceTeam team = ServiceTeam.create(request.name().strip(), request.sector().strip(), request.townshipCode());
        directory.persist(team);
        return recorded(team, caller, "directory.service-team.create");
    }

    @Transactional
    public ServiceTeamView updateServiceTeam(UUID id, String ifMatch, ServiceTeamData request, Caller caller) {
        ServiceTeam team = findTeam(id);
        maintainable(team.townshipCode(), List.of(), caller);
        maintainable(request.townshipCode(), List.of(), caller);
        Preconditions.requireIfMatch(ifMatch, team.version());
        usableTerritory("townshipCode", request.townshipCode());
        team.update(request.name().strip(), request.sector().strip(), request.townshipCode());
        return recorded(team, caller, "directory.service-team.change");
    }

    @Transactional
    public ServiceTeamView retireServiceTeam(UUID id, String ifMatch, Caller caller) {
        ServiceTeam team = findTeam(id);
        maintainable(team.townshipCode(), List.of(), caller);
        Preconditions.requireIfMatch(ifMatch, team.version());
        team.retire(ServiceTeam.WHAT);
        return recorded(team, caller, "directory.service-team.retire");
    }

    private ServiceTeamView recorded(ServiceTeam team, Caller caller, String action) {
        directory.flush();
        outbox.publish(ServiceTeamRecorded.of(team));
        audit.record(caller, action, "ServiceTeam", team.id(), team.name());
        return ServiceTeamView.of(team);
    }

    private ServiceTeam findTeam(UUID id) {
        return directory.serviceTeam(id).orElseThrow(() -> ApiException.notFound(Text.of("名录中没有界别服务组 " + id, "No service team " + id + " in the directory")));
    }

    // ---- shared -------------------------------------------------------------------------------

    /** Publishes every entry's current state again (the directory topic was lost); @return how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int republishAll(Caller caller) {
        int n = 0;
        for (Territory t : directory.all(Territory.class, "length(code), code")) {
            outbox.publish(TerritoryRecorded.of(t));
            n++;
        }
        for (Unit u : directory.all(Unit.class, "code")) {
            outbox.publish(UnitRecorded.of(u));
            n++;
        }
        for (Member m : directory.all(Member.class, "createdAt")) {
            outbox.publish(MemberRecorded.of(m));
            n++;
        }
        for (ServiceTeam t : directory.all(ServiceTeam.class, "createdAt")) {
            outbox.publish(ServiceTeamRecorded.of(t));
            n++;
        }
        if (n > 0) audit.record(caller, "directory.republish", "Directory", "all", n + " entries");
        return n;
    }

    private static void maintainable(String code, List<String> members, Caller caller) {
        if (!DirectoryAccess.canMaintain(code, members, caller)) throw notMaintainer(caller);
    }

    private static ApiException notMaintainer(Caller caller) {
        return Access.forbidden(Text.of("名录由县政协机关维护，且只能维护本人所辖区域（" + caller.territory() + "）内的条目",
                "The directory is kept by CPPCC staff, each for entries inside their own territory (" + caller.territory() + ")"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
