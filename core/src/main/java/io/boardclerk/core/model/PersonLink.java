package io.boardclerk.core.model;

import java.util.List;

/**
 * What linking a person known only by name to a person Teams knows moved: how many of each record now name the Teams
 * person, and the actions among them (whose reminders are replanned).
 *
 * @param apologies        apologies recorded at meetings
 * @param sameApologies    apologies both had recorded for the same meeting: one apology, so the Teams person's is
 *                         kept and the other dropped
 * @param awaited          apologies for meetings not yet scheduled
 * @param declarations     declarations of interest
 * @param actionIds        the actions the name-only person owned, now owned by the Teams person
 * @param bodies           bodies the person answered for
 * @param deliveries       reminder deliveries (their history, and any still to be sent)
 */
public record PersonLink(int apologies, int sameApologies, int awaited, int declarations, List<Long> actionIds, int bodies,
                         int deliveries) {

    public PersonLink {
        actionIds = List.copyOf(actionIds);
    }
}
