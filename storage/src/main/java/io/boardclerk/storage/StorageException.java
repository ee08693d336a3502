package io.boardclerk.storage;

/** The database failed: the transaction that met it was rolled back. */
public final class StorageException extends RuntimeException {

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
