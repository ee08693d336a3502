package io.boardclerk.core.port;

/**
 * Someone in the organisation's directory (Microsoft Entra ID, through Microsoft Graph).
 *
 * @param displayName       the name the directory shows
 * @param mail              the primary e-mail address, null when the directory has none
 * @param userPrincipalName the sign-in name (UPN)
 * @param objectId          the Entra object id, which reaches the person later (reminders, mail)
 */
public record DirectoryPerson(String displayName, String mail, String userPrincipalName, String objectId) {

    /** The address to show beside the name: the mail, else the sign-in name. */
    public String address() {
        return mail == null || mail.isBlank() ? userPrincipalName : mail;
    }
}
