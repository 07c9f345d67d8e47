package org.shangliang.sessions.domain;

import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/**
 * 法定人数: at least {@code minPresent} people checked in, and at least {@code share} of those
 * expected (invited, not declined). Configured per session type; checked before an outcome is recorded.
 */
public record QuorumRule(int minPresent, double share) {

    public int needed(Attendance a) {
        return Math.max(minPresent, (int) Math.ceil(share * a.expected() - 1e-9));
    }

    public boolean met(Attendance a) {
        return a.present() >= needed(a);
    }

    /** Refuses with a 409 naming how many are present and how many are needed. */
    public void check(Attendance a) {
        if (met(a)) return;
        int needed = needed(a);
        throw new ApiException(409, "quorum-not-met", Text.of("未达到法定人数", "Quorum not met"),
                Text.of("已签到 " + a.present() + " 人，需要 " + needed + " 人（受邀 " + a.invited() + " 人，请假 " + a.declined()
                                + " 人；本类协商会至少 " + minPresent + " 人且不少于应到人数的 " + Math.round(share * 100) + "%）",
                        a.present() + " present, " + needed + " needed (" + a.invited() + " invited, " + a.declined()
                                + " declined; this type of session needs at least " + minPresent + " and " + Math.round(share * 100) + "% of those expected)"));
    }
}
