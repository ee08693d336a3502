package io.boardclerk.core.port;

import io.boardclerk.core.model.Apology;
import io.boardclerk.core.model.Declaration;
import io.boardclerk.core.model.InterestKind;
import io.boardclerk.core.model.MinutesApproval;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The standing sections of a meeting's minutes: apologies and declarations, and their approval. */
public interface MinutesRepository {

    Apology addApology(long meetingId, Long personId, String name, String role, long recordingId);

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
