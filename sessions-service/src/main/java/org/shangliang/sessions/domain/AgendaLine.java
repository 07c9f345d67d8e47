package org.shangliang.sessions.domain;

import java.util.UUID;

/**
 * One line of an edited agenda: an item kept ({@code keep}), a topic added ({@code topic}), or a
 * free item (议程: {@code freeTitle}, e.g. 情况通报), with its planned duration and rapporteur.
 */
public record AgendaLine(UUID keep, ConsultableTopic topic, String freeTitle, Integer plannedMinutes, String rapporteur) {
}
