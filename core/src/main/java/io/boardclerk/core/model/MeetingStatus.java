package io.boardclerk.core.model;

public enum MeetingStatus {
    SCHEDULED, OPEN, CLOSED
}
