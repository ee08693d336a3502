package io.boardclerk.core.model;

import java.time.LocalDate;

/** One dated, signed update on an action. */
public record ActionUpdate(LocalDate date, String text, String by) {
}
