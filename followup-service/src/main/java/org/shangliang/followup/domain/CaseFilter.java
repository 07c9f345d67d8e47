package org.shangliang.followup.domain;

import java.util.UUID;

/** What a case list is narrowed to: each field optional. */
public record CaseFilter(UUID topicId, CaseStatus status, String unit, String township, CaseBox box) {
}
