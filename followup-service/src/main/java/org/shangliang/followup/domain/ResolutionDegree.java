package org.shangliang.followup.domain;

/** ResolutionDegree — 办理结果类别 of a reply. */
public enum ResolutionDegree {
    /** A 已解决或采纳. */
    A,
    /** B 正在解决或列入计划. */
    B,
    /** C 因条件限制暂不能解决. */
    C,
    /** D 留作参考. */
    D;

    /** Counted as converted (成果转化) in the statistics. */
    public boolean converted() {
        return this == A || this == B;
    }
}
