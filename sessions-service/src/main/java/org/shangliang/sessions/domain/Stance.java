package org.shangliang.sessions.domain;

/** A participant's position (表态) on an agenda item. */
public enum Stance {
    /** 同意. */
    AGREE,
    /** 基本同意，有保留意见. */
    AGREE_WITH_RESERVATIONS,
    /** 反对. */
    OBJECT,
    /** 弃权. */
    ABSTAIN;

    public boolean inFavour() {
        return this == AGREE || this == AGREE_WITH_RESERVATIONS;
    }
}
