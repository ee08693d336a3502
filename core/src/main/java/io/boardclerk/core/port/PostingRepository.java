package io.boardclerk.core.port;

import io.boardclerk.core.posting.ChatAddress;
import io.boardclerk.core.posting.ClaimedPost;
import io.boardclerk.core.posting.PostingSchedule;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** Where a board's summaries are posted through Microsoft Graph, and their weekly schedule. */
public interface PostingRepository {

    /** The board's channel or chat as Graph names it, as last seen on an activity from it; empty until one arrives. */
    Optional<ChatAddress> chatAddress(long boardId);

    void setChatAddress(long boardId, ChatAddress address, Instant at);

    Optional<PostingSchedule> postingSchedule(long boardId);

    /** Sets (or replaces) the board's weekly posting of its action-log summary. */
    void setPostingSchedule(long boardId, DayOfWeek day, ZoneId zone, String setBy, Instant at);

    /** True when there was a schedule to remove. */
    boolean clearPostingSchedule(long boardId);

    List<PostingSchedule> postingSchedules();

    /**
     * Claims the board's weekly post for that date: true the first time, false for ever after (the key is the board
     * and the date), so a post is made at most once however often the scheduler runs or restarts.
     */
    boolean claimWeeklyPost(long boardId, LocalDate date, Instant at);

    /**
     * Notes how a claimed post went ("graph: 2 messages", "bot framework: ..."), for whoever looks later. False when
     * an outcome was noted already (by another instance that found it interrupted): the first outcome stands.
     */
    boolean recordWeeklyPost(long boardId, LocalDate date, String outcome);

    /** Claimed posts with no outcome yet: being posted now, or left when a process stopped while posting. */
    List<ClaimedPost> unfinishedWeeklyPosts();
}
