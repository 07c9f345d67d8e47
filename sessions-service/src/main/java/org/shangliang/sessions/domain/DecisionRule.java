package org.shangliang.sessions.domain;

/** How the outcome was agreed: 协商一致 or 多数同意. */
public enum DecisionRule { CONSENSUS, MAJORITY }
