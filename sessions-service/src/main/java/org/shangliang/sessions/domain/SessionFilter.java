package org.shangliang.sessions.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * What a list of sessions may be narrowed to; null fields do not narrow. {@code from}/{@code to} bound
 * the start time ({@code from} inclusive, {@code to} exclusive); {@code participant} is a person's login.
 */
public record SessionFilter(SessionStatus status, SessionType type, String territory, Instant from, Instant to, UUID topicId, String participant) {
}
