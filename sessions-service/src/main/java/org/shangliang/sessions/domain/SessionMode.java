package org.shangliang.sessions.domain;

/** 线下 / 线上 / 线上线下结合. */
public enum SessionMode { IN_PERSON, ONLINE, HYBRID }
