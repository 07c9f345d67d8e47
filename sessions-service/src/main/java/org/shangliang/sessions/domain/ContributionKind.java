package org.shangliang.sessions.domain;

/** What a contribution is. */
public enum ContributionKind {
    /** 发言: said in the hall by a participant present. */
    SPEECH,
    /** 部门回应: a department official "taking the microphone" for their unit. */
    DEPARTMENT_RESPONSE,
    /** 书面意见: handed in writing, before or during the session; the author need not be present. */
    WRITTEN_SUBMISSION
}
