package org.shangliang.commons.security;

/** The roles of the platform, as they arrive in the token's {@code groups} claim. */
public final class Roles {
    /** 村民/居民. */
    public static final String RESIDENT = "resident";
    /** 政协委员. */
    public static final String MEMBER = "member";
    /** 网格员. */
    public static final String GRID_WORKER = "grid_worker";
    /** 镇街联络室 / 村两委 organizer. */
    public static final String ORGANIZER = "organizer";
    /** 县政协机关. */
    public static final String CPPCC_STAFF = "cppcc_staff";
    /** 承办单位 clerk. */
    public static final String HANDLER = "handler";
    /** 县领导. */
    public static final String LEADER = "leader";
    /** A township system with client credentials. */
    public static final String INTEGRATION = "integration";

    public static final String[] ALL = {RESIDENT, MEMBER, GRID_WORKER, ORGANIZER, CPPCC_STAFF, HANDLER, LEADER, INTEGRATION};

    private Roles() {
    }
}
