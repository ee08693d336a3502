package io.boardclerk.bot.panel;

/**
 * Who is using the side panel: from a validated Teams single sign-on token, or in local mode from the Teams context
 * the page sends.
 *
 * @param tenantId    the Entra tenant ({@code tid}); matched to the board's tenant
 * @param aadObjectId the user's Entra object id ({@code oid}); matched to a person on the board's roster
 * @param name        the name the token or context gives, may be null (the roster's name is what is shown)
 */
public record PanelUser(String tenantId, String aadObjectId, String name) {
}
