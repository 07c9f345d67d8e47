package org.shangliang.commons.problem;

import jakarta.ws.rs.core.EntityTag;

/**
 * ETag / If-Match for updates: the ETag is the object's version; an update must name the
 * version it was based on, so two clerks editing at once cannot overwrite each other.
 */
public final class Preconditions {

    private Preconditions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 428 when If-Match is missing, 412 when it names another version than {@code current}. */
    public static void requireIfMatch(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(428, "precondition-required", Titles.PRECONDITION_REQUIRED,
                    Text.of("更新须带 If-Match 请求头，值为读取时得到的 ETag", "Updates need an If-Match header with the ETag you read"));
        }
        if (anyTag(ifMatch, tag -> versionOf(tag).equals(Long.toString(current)))) return;
        throw new ApiException(412, "precondition-failed", Titles.PRECONDITION_FAILED,
                Text.of("对象已被他人修改（当前 ETag 为 \"" + current + "\"），请重新读取后再提交",
                        "The object has changed since you read it (current ETag \"" + current + "\"); read it again and retry"));
    }

    /**
     * Whether a header listing entity tags (If-Match, If-None-Match) names one that {@code test}
     * accepts, or {@code *}; compared weakly (RFC 9110 13.1.2): {@code W/} and the quotes are dropped.
     */
    public static boolean anyTag(String header, java.util.function.Predicate<String> test) {
        if (header == null || header.isBlank()) return false;
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*")) return true;
            if (tag.startsWith("W/")) tag = tag.substring(2);
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) tag = tag.substring(1, tag.length() - 1);
            if (test.test(tag)) return true;
        }
        return false;
    }

    /**
     * The version an ETag of this API names, quotes removed: {@code 7} for {@code 7} and for
     * {@code 7-9f2c…} (the version and a digest of the body, {@code ConditionalGet}).
     */
    public static String versionOf(String tag) {
        int dash = tag.indexOf('-');
        return dash < 0 ? tag : tag.substring(0, dash);
    }

    static ApiException changedMeanwhile() {
        return new ApiException(412, "precondition-failed", Titles.PRECONDITION_FAILED,
                Text.of("对象在处理期间被他人修改，请重新读取后再提交", "The object changed while your request ran; read it again and retry"));
    }
}
