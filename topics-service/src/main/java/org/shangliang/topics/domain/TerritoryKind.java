package org.shangliang.topics.domain;

import org.shangliang.commons.security.Territories;

/**
 * TerritoryKind — 区域层级: what a directory territory is. A division code's length says its kind
 * (6 digits a county, 9 a township or street, 12 a village or community, 15 a grid); a cross-region
 * entry (三地政协联动) has a code of its own that no division code starts with.
 */
public enum TerritoryKind {
    /** 县（区）. */
    COUNTY,
    /** 镇/街道. */
    TOWNSHIP,
    /** 村/社区. */
    VILLAGE,
    /** 网格. */
    GRID,
    /** 跨区域联动: joins several counties for joint sessions; the prefix rule does not cover it. */
    CROSS_REGION;

    /** Cross-region codes: "X" and three digits, never a prefix of a division code. */
    public static final String CROSS_REGION_REGEX = "X[0-9]{3}";

    /** The kind a code denotes, or null when it is neither a division code nor a cross-region code. */
    public static TerritoryKind of(String code) {
        if (code == null) return null;
        if (code.matches(CROSS_REGION_REGEX)) return CROSS_REGION;
        if (!Territories.isDivisionCode(code)) return null;
        return switch (code.length()) {
            case 6 -> COUNTY;
            case 9 -> TOWNSHIP;
            case 12 -> VILLAGE;
            default -> GRID;
        };
    }

    /** The kind a parent of this kind must have, or null when it has none. */
    public TerritoryKind parentKind() {
        return switch (this) {
            case TOWNSHIP -> COUNTY;
            case VILLAGE -> TOWNSHIP;
            case GRID -> VILLAGE;
            default -> null;
        };
    }
}
