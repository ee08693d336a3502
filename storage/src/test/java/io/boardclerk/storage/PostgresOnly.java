package io.boardclerk.storage;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test that needs PostgreSQL beside SQLite: it runs in the PostgreSQL run of the storage suite. */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfSystemProperty(named = TestDatabase.PROPERTY, matches = "(?i)postgresql",
        disabledReason = "runs in the PostgreSQL run")
public @interface PostgresOnly {
}
