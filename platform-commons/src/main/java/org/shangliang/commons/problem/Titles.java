package org.shangliang.commons.problem;

/** Stable problem titles, one per problem type. */
public final class Titles {
    public static final Text VALIDATION = Text.of("请求内容无效", "Invalid request");
    public static final Text MALFORMED = Text.of("请求内容无法解析", "Malformed request body");
    public static final Text NOT_FOUND = Text.of("未找到", "Not found");
    public static final Text ILLEGAL_TRANSITION = Text.of("当前状态不允许此操作", "Not allowed in the current state");
    public static final Text CONFLICT = Text.of("与现有数据冲突", "Conflict");
    public static final Text UNPROCESSABLE = Text.of("无法处理的请求", "Unprocessable request");
    public static final Text PRECONDITION_FAILED = Text.of("版本已过期", "Precondition failed");
    public static final Text PRECONDITION_REQUIRED = Text.of("缺少 If-Match 请求头", "If-Match required");
    public static final Text TOO_LARGE = Text.of("请求体过大", "Request body too large");
    public static final Text INTERNAL = Text.of("服务器内部错误", "Internal server error");

    private Titles() {
    }
}
