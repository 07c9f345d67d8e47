package org.shangliang.followup.domain;

/** HandlingMode — 办理方式: how the units share a case. */
public enum HandlingMode {
    /** 单办: the lead unit alone. */
    SOLE,
    /** 分办: each unit handles its own portion and reports it with its own resolution degree. */
    SPLIT,
    /** 会办: the co-handlers give the lead unit their opinion; the lead unit's reply cites them. */
    JOINT;

    /** The mode an outcome implies when it names none: joint when it names co-handlers. */
    public static HandlingMode implied(HandlingMode given, boolean hasCoHandlers) {
        if (given != null) return given;
        return hasCoHandlers ? JOINT : SOLE;
    }
}
