package org.shangliang.sessions.domain;

import java.util.Collection;

/**
 * Whether the decision rule was met, counted from the positions of those present.
 * 协商一致 (CONSENSUS): nobody present objects and at least one is in favour (reservations and
 * abstentions do not break a consensus). 多数同意 (MAJORITY, with a threshold such as 0.5 or 2/3): those
 * in favour are at least that share of those who took a side (abstentions and silence are not
 * counted) and more than those who object, so a tie is not a majority.
 * When nobody's position was taken (a hall that agreed by acclamation, 未逐人表态) nothing can be
 * counted: {@code met} is null and the record says so rather than claiming a count.
 */
public record Decision(DecisionRule rule, Double threshold, int present, int inFavour, int withReservations, int objecting,
                       int abstaining, int notStated, Boolean met) {

    public static Decision of(DecisionRule rule, Double threshold, int present, Collection<Stance> stances) {
        int inFavour = 0, reservations = 0, objecting = 0, abstaining = 0;
        for (Stance s : stances) {
            switch (s) {
                case AGREE -> inFavour++;
                case AGREE_WITH_RESERVATIONS -> { inFavour++; reservations++; }
                case OBJECT -> objecting++;
                case ABSTAIN -> abstaining++;
            }
        }
        int sided = inFavour + objecting;
        Boolean met = stances.isEmpty() ? null : switch (rule) {
            case CONSENSUS -> objecting == 0 && inFavour > 0;
            // Thresholds are read to three decimals, so 0.667 is two thirds: 2 of 3 meets it.
            case MAJORITY -> inFavour > objecting && inFavour >= (threshold - 0.0005) * sided;
        };
        return new Decision(rule, threshold, present, inFavour, reservations, objecting, abstaining,
                Math.max(0, present - stances.size()), met);
    }
}
