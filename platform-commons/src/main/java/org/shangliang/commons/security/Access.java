package org.shangliang.commons.security;

import org.shangliang.commons.problem.ApiException;
import org.shangliang.commons.problem.Text;

/** Refusals for object-level rules: 403 for what the caller may see but not touch. */
public final class Access {

    private Access() {
    }

    public static ApiException forbidden(Text why) {
        return new ApiException(403, "forbidden", Text.of("无权执行此操作", "Forbidden"), why);
    }
}
