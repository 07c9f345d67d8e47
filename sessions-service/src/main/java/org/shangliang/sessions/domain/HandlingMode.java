package org.shangliang.sessions.domain;

/** HandlingMode — 办理方式 a recommendation asks for: 单办, 分办 or 会办. */
public enum HandlingMode {
    /** 单办: the lead unit alone (no co-handlers). */
    SOLE,
    /** 分办: each unit handles its own portion and answers for it. */
    SPLIT,
    /** 会办: the co-handlers give the lead unit their opinion; the lead unit answers. */
    JOINT
}
