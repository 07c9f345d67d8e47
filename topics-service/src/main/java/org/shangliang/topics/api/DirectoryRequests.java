package org.shangliang.topics.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the directory API (名录). Versions and times are the server's. */
public final class DirectoryRequests {

    /** A division code (6, 9, 12 or 15 digits) or a cross-region code (X and three digits). */
    public static final String TERRITORY_CODE = "[0-9]{6}([0-9]{3}){0,3}|X[0-9]{3}";
    public static final String UNIT_CODE = "[a-z][a-z0-9-]{1,39}";
    public static final String PHONE = "\\+?[0-9 -]{5,20}";

    private DirectoryRequests() {
    }

    @Schema(name = "NewTerritory", description = "A new node of the territory tree, or a cross-region entry")
    public record NewTerritory(
            @NotNull @Pattern(regexp = TERRITORY_CODE, message = "{shangliang.territory-or-region}")
            @Schema(description = "Division code (its length is the kind: 6 county, 9 township or street, 12 village or community, 15 grid; "
                    + "a child extends its parent's code by 3 digits) or a cross-region code X001..X999", example = "330421003201")
            String code,
            @NotBlank @Size(max = 100) @Schema(example = "惠通村") String name,
            @Size(max = 10)
            @Schema(description = "Cross-region entries only: the county division codes it joins", example = "[\"330421\", \"310118\", \"320509\"]")
            List<@NotNull @Pattern(regexp = "[0-9]{6}", message = "{shangliang.county}") String> members) {
    }

    @Schema(name = "TerritoryChange", description = "A territory's new name (and, for a cross-region entry, its members)")
    public record TerritoryChange(
            @NotBlank @Size(max = 100) @Schema(example = "惠通村") String name,
            @Size(max = 10) @Schema(description = "Cross-region entries only", example = "[\"330421\", \"310118\", \"320509\"]")
            List<@NotNull @Pattern(regexp = "[0-9]{6}", message = "{shangliang.county}") String> members) {
    }

    @Schema(name = "NewUnit", description = "A unit (承办单位) that handles cases")
    public record NewUnit(
            @NotNull @Pattern(regexp = UNIT_CODE, message = "{shangliang.unit}")
            @Schema(description = "Stable code used everywhere (token `unit` claim, recommendations, cases)", example = "agri-rural")
            String code,
            @NotBlank @Size(max = 100) @Schema(example = "县农业农村局") String name,
            @NotNull @Pattern(regexp = TERRITORY_CODE, message = "{shangliang.territory-or-region}")
            @Schema(description = "The territory it serves (a county department: the county)", example = "330421")
            String territoryCode) {
    }

    @Schema(name = "UnitChange", description = "A unit's new name")
    public record UnitChange(@NotBlank @Size(max = 100) @Schema(example = "县农业农村局") String name) {
    }

    @Schema(name = "MemberData", description = "A CPPCC member (政协委员)")
    public record MemberData(
            @NotBlank @Size(max = 100) @Schema(example = "沈建明") String name,
            @NotBlank @Size(max = 60) @Schema(description = "界别", example = "中共") String sector,
            @Pattern(regexp = "[0-9]{15}", message = "{shangliang.grid}")
            @Schema(description = "The grid the member is linked to (委员联网格)", example = "330421003201001", nullable = true)
            String gridCode,
            @Pattern(regexp = PHONE, message = "{shangliang.phone}")
            @Schema(description = "Personal data: shown as a proposer's phone is (to staff of the member's territory)", example = "13800000001", nullable = true)
            String phone,
            @Size(max = 200)
            @Schema(description = "The member's login (token subject), when they have one", example = "member-shen", nullable = true)
            String subject) {
    }

    @Schema(name = "ServiceTeamData", description = "A sector service team (界别服务组) linked to a township (界别联镇街)")
    public record ServiceTeamData(
            @NotBlank @Size(max = 100) @Schema(example = "农业农村界别服务组") String name,
            @NotBlank @Size(max = 60) @Schema(description = "界别", example = "农业和农村") String sector,
            @NotNull @Pattern(regexp = "[0-9]{9}", message = "{shangliang.township}")
            @Schema(description = "The township or street it serves", example = "330421003")
            String townshipCode) {
    }
}
