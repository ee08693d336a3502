package io.boardclerk.storage;

import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test of something only SQLite has (its file, its pragmas, its older schemas migrated in place): it runs in the
 * SQLite run of the storage suite and not in the PostgreSQL one.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@DisabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "(?i)postgresql",
        disabledReason = "about SQLite only")
public @interface SqliteOnly {
}
