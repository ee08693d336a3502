package io.boardclerk.core.sharepoint;

import java.time.Instant;

/**
 * A board's SharePoint (or OneDrive) folder, where its minutes drafts and action logs are uploaded. Kept by Graph's
 * drive and item ids, which stay the same when the folder is renamed or its library moved; the address is kept to
 * show people what they set.
 *
 * @param url     the folder's address, as given (normalised: percent-encoded, without the browser's view parts)
 * @param driveId the document library (Graph drive) it is in
 * @param itemId  the folder's item id in that drive
 * @param name    the folder's name, as Graph gave it
 * @param webUrl  the folder's address as Graph gave it, for links
 */
public record SharePointFolder(String url, String driveId, String itemId, String name, String webUrl, String setBy,
                               Instant setAt) {
}
