package io.boardclerk.core.port;

/**
 * The organisation's directory of people, searched when a name matches nobody on a board's roster. Implementations
 * answer every failure with {@link DirectoryLookup.Failed} rather than throwing: a lookup never breaks a recording.
 */
public interface Directory {

    /** No directory: every lookup answers {@link DirectoryLookup.Off}. */
    Directory OFF = (tenantId, words) -> new DirectoryLookup.Off();

    /**
     * @param tenantId the organisation (Entra tenant) whose directory to search; may be null or empty when unknown
     * @param words    an e-mail address or user principal name (matched exactly), or a display name
     */
    DirectoryLookup find(String tenantId, String words);
}
