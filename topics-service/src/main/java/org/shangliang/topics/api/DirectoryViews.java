package org.shangliang.topics.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.shangliang.topics.domain.Member;
import org.shangliang.topics.domain.ServiceTeam;
import org.shangliang.topics.domain.Territory;
import org.shangliang.topics.domain.TerritoryKind;
import org.shangliang.topics.domain.Unit;

/** What the directory API returns. */
public final class DirectoryViews {

    private DirectoryViews() {
    }

    @Schema(name = "Territory", description = "A territory (区域) of the directory")
    public record TerritoryView(
            @Schema(example = "330421003201") String code,
            @Schema(example = "惠通村") String name,
            TerritoryKind kind,
            @Schema(description = "The parent's code; absent for a county or a cross-region entry", example = "330421003", nullable = true) String parentCode,
            @Schema(description = "Cross-region entries: the counties they join") List<String> members,
            @Schema(description = "Retired entries are kept for what refers to them; nothing new may use them") boolean retired,
            @Schema(description = "Also sent as the ETag header") long version,
            Instant createdAt,
            Instant updatedAt) {

        public static TerritoryView of(Territory t) {
            return new TerritoryView(t.code(), t.name(), t.kind(), t.parentCode(), t.members(), t.retired(), t.version(), t.createdAt(), t.updatedAt());
        }
    }

    @Schema(name = "Unit", description = "A unit (承办单位) that handles cases")
    public record UnitView(
            @Schema(example = "agri-rural") String code,
            @Schema(example = "县农业农村局") String name,
            @Schema(example = "330421") String territoryCode,
            boolean retired,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        public static UnitView of(Unit u) {
            return new UnitView(u.code(), u.name(), u.territoryCode(), u.retired(), u.version(), u.createdAt(), u.updatedAt());
        }
    }

    @Schema(name = "Member", description = "A CPPCC member (政协委员)")
    public record MemberView(
            UUID id,
            @Schema(example = "沈建明") String name,
            @Schema(example = "中共") String sector,
            @Schema(example = "330421003201001", nullable = true) String gridCode,
            @Schema(description = "Absent for callers who may not see personal data", nullable = true) String phone,
            @Schema(nullable = true) String subject,
            boolean retired,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        public static MemberView of(Member m, boolean withPhone) {
            return new MemberView(m.id(), m.name(), m.sector(), m.gridCode(), withPhone ? m.phone() : null, m.subject(),
                    m.retired(), m.version(), m.createdAt(), m.updatedAt());
        }
    }

    @Schema(name = "ServiceTeam", description = "A sector service team (界别服务组)")
    public record ServiceTeamView(
            UUID id,
            @Schema(example = "农业农村界别服务组") String name,
            @Schema(example = "农业和农村") String sector,
            @Schema(example = "330421003") String townshipCode,
            boolean retired,
            long version,
            Instant createdAt,
            Instant updatedAt) {

        public static ServiceTeamView of(ServiceTeam t) {
            return new ServiceTeamView(t.id(), t.name(), t.sector(), t.townshipCode(), t.retired(), t.version(), t.createdAt(), t.updatedAt());
        }
    }
}
