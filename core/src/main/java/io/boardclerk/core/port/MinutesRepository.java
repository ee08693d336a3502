package io.boardclerk.core.port;

import io.boardclerk.core.model.Apology;
import io.boardclerk.core.model.AwaitedApology;
import io.boardclerk.core.model.Declaration;
import io.boardclerk.core.model.InterestKind;
import io.boardclerk.core.model.MinutesApproval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/** The standing sections of a meeting's minutes: apologies and declarations, and their approval. */
public interface MinutesRepository {

    Apology addApology(long meetingId, Long personId, String name, String role, long recordingId);

    /** An apology with the member's reason in their own words ({@code note}, may be null). */
    Apology addApology(long meetingId, Long personId, String name, String role, String note, long recordingId);

    /** Keeps an apology for a meeting not yet scheduled: a day ({@code onDate}) or a month ({@code inMonth}). */
    AwaitedApology awaitApology(long boardId, Long personId, String name, String role, String note,
                                String meetingWords, LocalDate onDate, YearMonth inMonth, long recordingId);

    /** The board's apologies still waiting for their meeting to be scheduled, oldest first. */
    List<AwaitedApology> awaitedApologies(long boardId);

    /** Marks an awaited apology as made into {@code apologyId} on its meeting. */
    void attachAwaitedApology(long awaitedId, long apologyId);

    /** Sets the kind of a declaration recorded as {@link InterestKind#NOT_STATED}, once the member says it. */
    void setDeclarationKind(long declarationId, InterestKind kind);

    Optional<Declaration> declaration(long declarationId);

    List<Apology> apologies(long meetingId);

    void removeApology(long apologyId);

    Declaration addDeclaration(long meetingId, Long personId, String member, String agendaItem, InterestKind kind,
                               String interest, long recordingId);

    List<Declaration> declarations(long meetingId);

    /** Records (or clears) the explicit "There were no declarations of interest." */
    void setNoDeclarations(long meetingId, Long recordingId);

    boolean noDeclarations(long meetingId);

    void approveMinutes(long meetingId, String approvedBy, Instant at, long recordingId);

    Optional<MinutesApproval> approval(long meetingId);
}
