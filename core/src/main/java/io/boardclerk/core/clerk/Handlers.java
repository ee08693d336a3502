package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The routing table from commands to their handlers: one handler for each kind of {@link Command}, each a method of
 * the area's handler class. A new command is added here, in its grammar and in its handler.
 */
final class Handlers {

    private final Map<Class<? extends Command>, Handler<? extends Command>> table = new HashMap<>();

    /** @param reminderMailOn whether reminders Teams cannot deliver are e-mailed (said in {@code reminders status}) */
    Handlers(BooleanSupplier reminderMailOn) {
        on(Command.Help.class, (desk, c) -> HelpText.BOARD);
        on(Command.Unknown.class, AskingHandler::unknown);
        on(Command.Unclear.class, AskingHandler::unclear);
        on(Command.Chatter.class, AskingHandler::chatter);
        on(Command.NothingToDeclare.class, DeclarationsHandler::nothing);
        on(Command.MyDeclarations.class, DeclarationsHandler::mine);
        on(Command.SetInterestKind.class, DeclarationsHandler::kind);
        on(Command.WhenNextMeeting.class, MeetingsHandler::whenNext);
        on(Command.MoreTime.class, ActionLife::moreTime);
        on(Command.DoneWithUpdate.class, ActionLife::doneWithUpdate);
        on(Command.AboutMyAction.class, MyActionByName::handle);
        on(Command.Invalid.class, (desk, c) -> {
            throw new Refusal(Md.esc(c.problem()) + " Say it like this: " + Md.code(c.howToSayIt()));
        });
        on(Command.RecordApologies.class, ApologiesHandler::record);
        on(Command.OwnApologies.class, ApologiesHandler::own);
        on(Command.ApologiesSentBy.class, ApologiesHandler::sentBy);
        on(Command.ListApologies.class, ApologiesHandler::list);
        on(Command.RemoveApology.class, ApologiesHandler::remove);
        on(Command.NoDeclarations.class, DeclarationsHandler::none);
        on(Command.Declare.class, DeclarationsHandler::declare);
        on(Command.ListDeclarations.class, DeclarationsHandler::list);
        on(Command.RecordAction.class, ActionsHandler::record);
        on(Command.AnswerOwner.class, ActionsHandler::answerOwner);
        on(Command.SetActionOwner.class, ActionsHandler::setOwner);
        on(Command.SetActionTarget.class, ActionsHandler::setTarget);
        on(Command.ActionLog.class, ActionLogs::log);
        on(Command.MyActions.class, ActionLogs::mine);
        on(Command.PostActionLog.class, ActionLogPosts::handle);
        on(Command.UpdateAction.class, ActionLife::update);
        on(Command.ReportDone.class, ActionLife::done);
        on(Command.CloseAction.class, ActionLife::close);
        on(Command.ReopenAction.class, ActionLife::reopen);
        on(Command.KeepOpen.class, ActionLife::keepOpen);
        on(Command.History.class, ActionLife::history);
        on(Command.MapBody.class, ActionLife::mapBody);
        on(Command.ReviewActions.class, ActionLife::reviewAll);
        on(Command.ReviewAction.class, ActionLife::reviewOne);
        on(Command.DraftMinutes.class, MinutesHandler::draft);
        on(Command.ApproveMinutes.class, MinutesHandler::approve);
        on(Command.SetMarking.class, MinutesHandler::marking);
        on(Command.Attendance.class, AttendanceHandler::attendance);
        on(Command.Quorum.class, AttendanceHandler::quorum);
        on(Command.Calendar.class, CalendarHandler::handle);
        on(Command.Export.class, MinutesHandler::export);
        on(Command.SharePointFolder.class, SharePointFiles::folder);
        on(Command.Upload.class, SharePointFiles::upload);
        on(Command.SetItem.class, MeetingsHandler::setItem);
        on(Command.MinutesOf.class, MinutesHandler::minutesOf);
        on(Command.NextMeeting.class, MeetingsHandler::nextMeeting);
        on(Command.StartMeeting.class, MeetingsHandler::start);
        on(Command.MoveMeeting.class, MeetingsHandler::move);
        on(Command.EndMeeting.class, MeetingsHandler::end);
        on(Command.BoardName.class, BoardHandler::rename);
        on(Command.AssignRole.class, BoardHandler::assign);
        on(Command.SetTitle.class, BoardHandler::title);
        on(Command.RosterTitles.class, BoardHandler::rosterTitles);
        on(Command.LinkPerson.class, PersonLinking::link);
        on(Command.Undo.class, BoardHandler::undo);
        on(Command.Reminders.class, RemindersHandler::policy);
        on(Command.RemindersStatus.class, (desk, command) -> RemindersHandler.status(desk, command, reminderMailOn.getAsBoolean()));
    }

    private <C extends Command> void on(Class<C> type, Handler<C> handler) {
        if (table.put(type, handler) != null) {
            throw new IllegalStateException("two handlers for " + type.getSimpleName());
        }
    }

    boolean handles(Class<? extends Command> type) {
        return table.containsKey(type);
    }

    @SuppressWarnings("unchecked")
    <C extends Command> String dispatch(Desk desk, C command) {
        Handler<C> handler = (Handler<C>) table.get(command.getClass());
        return handler.handle(desk, command);
    }
}
