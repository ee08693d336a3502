package io.boardclerk.core.export;

import java.util.List;

/** The export document: every board with its meetings and action log, in the shape the README documents. */
public final class BoardExport {

    private BoardExport() {
    }

    public record Document(List<BoardDoc> boards) {
    }

    public record BoardDoc(long id, String name, String conversationId, List<MeetingDoc> meetings,
                           List<ActionDoc> actions) {
    }

    public record MeetingDoc(long id, String date, String title, List<ApologyDoc> apologies,
                             List<DeclarationDoc> declarations, boolean noDeclarations) {
    }

    public record ApologyDoc(String name, String role) {
    }

    public record DeclarationDoc(String member, String agendaItem, String kind, String interest) {
    }

    public record ActionDoc(String number, String raisedOn, String agendaItem, String text, String owner,
                            String targetDate, String targetText, String status, List<UpdateDoc> updates) {
    }

    public record UpdateDoc(String date, String text, String by) {
    }
}
