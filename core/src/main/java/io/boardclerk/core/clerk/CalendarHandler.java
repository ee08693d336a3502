package io.boardclerk.core.clerk;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.model.CalendarFollow;
import io.boardclerk.core.parse.BritishDates;

/**
 * {@code calendar}: which Outlook calendar the board's schedule follows. Graph is never asked from here (this runs
 * inside the turn's transaction): naming a calendar asks the bot, through {@link Effect.FindCalendarSeries}, to find
 * the series exactly and show it with a card; only an officer's press of its "Follow this series" (the command
 * {@code calendar follow ...}, from the card) follows it, and that or {@code calendar sync} asks the bot, through
 * {@link Effect.SyncCalendar}, to read it once the turn is recorded.
 */
final class CalendarHandler {

    static final String HOW = "calendar claire.dunmore@fenshire.example series \"Fenshire Board\"";

    private CalendarHandler() {
    }

    static String handle(Desk desk, Command.Calendar command) {
        return switch (command.mode()) {
            case SHOW -> show(desk);
            case SET -> find(desk, command);
            case FOLLOW -> follow(desk, command);
            case OFF -> off(desk);
            case SYNC -> sync(desk);
        };
    }

    private static String find(Desk desk, Command.Calendar command) {
        desk.requireOfficer("choose the calendar the board's meetings follow");
        requireOn(desk);
        requireOwnOrOfficers(desk, command.organiser());
        desk.after(new Effect.FindCalendarSeries(desk.board().id(), command.organiser(), command.series()));
        return "Looking for the series " + series(command.series(), desk) + " in " + Md.esc(command.organiser())
                + "'s Outlook calendar…";
    }

    /** Follows the series an officer confirmed on the card BoardClerk showed; typed, it is refused. */
    private static String follow(Desk desk, Command.Calendar command) {
        desk.requireOfficer("choose the calendar the board's meetings follow");
        if (!Desk.VIA_CARD.equals(desk.via())) {
            throw new Refusal("A series is followed only from the card BoardClerk shows once it has found it: say "
                    + Md.code("calendar " + command.organiser() + " series \"" + command.series() + "\"")
                    + " and press Follow this series.");
        }
        requireOn(desk);
        requireOwnOrOfficers(desk, command.organiser());
        desk.ledger().followCalendar(desk.board().id(), command.organiser(), command.series(),
                desk.sender() == null ? null : desk.sender().name(), desk.now(), desk.now());
        desk.after(new Effect.SyncCalendar(desk.board().id()));
        return "The meetings of " + Md.esc(desk.board().name()) + " now follow the series "
                + series(command.series(), desk) + " in " + Md.esc(command.organiser()) + "'s Outlook calendar, read "
                + "every " + CalendarSync.EVERY.toHours() + " hours. Reading it now…";
    }

    /**
     * The app may read any calendar in the tenant; BoardClerk reads only the asker's own or one of the board's
     * officers': the organiser must be the address (or Entra object id) Teams lists for one of them.
     */
    private static void requireOwnOrOfficers(Desk desk, String organiser) {
        String wanted = organiser.strip().toLowerCase(java.util.Locale.ROOT);
        java.util.Map<Long, String> addresses = desk.ledger().personAddresses(desk.board().id());
        java.util.List<Long> allowed = new java.util.ArrayList<>();
        if (desk.sender() != null) {
            allowed.add(desk.sender().id());
        }
        desk.board().officer(io.boardclerk.core.model.BoardRole.CHAIR).ifPresent(allowed::add);
        desk.board().officer(io.boardclerk.core.model.BoardRole.SECRETARY).ifPresent(allowed::add);
        for (long id : allowed) {
            String address = addresses.get(id);
            String objectId = desk.ledger().person(id).map(io.boardclerk.core.model.Person::aadObjectId).orElse(null);
            if (address != null && address.toLowerCase(java.util.Locale.ROOT).equals(wanted)
                    || objectId != null && objectId.toLowerCase(java.util.Locale.ROOT).equals(wanted)) {
                return;
            }
        }
        throw new Refusal("BoardClerk follows only your own calendar or the chair's or secretary's, as Teams lists "
                + "their addresses; " + Md.esc(organiser) + " is none of them. " + desk.whoAreOfficers());
    }

    private static String off(Desk desk) {
        desk.requireOfficer("stop following the calendar");
        boolean had = desk.ledger().unfollowCalendar(desk.board().id());
        return had ? "The meetings of " + Md.esc(desk.board().name()) + " no longer follow an Outlook calendar. The "
                + "meetings already scheduled stay; " + Md.code("move meeting") + " and " + Md.code("next meeting")
                + " change them."
                : "The meetings of " + Md.esc(desk.board().name()) + " did not follow a calendar; nothing changed.";
    }

    private static String sync(Desk desk) {
        desk.requireOfficer("read the calendar");
        requireOn(desk);
        if (desk.ledger().calendarFollow(desk.board().id()).isEmpty()) {
            throw new Refusal("This board follows no calendar yet. Say " + Md.code(HOW) + " first.");
        }
        desk.after(new Effect.SyncCalendar(desk.board().id()));
        return "";
    }

    private static String show(Desk desk) {
        var follow = desk.ledger().calendarFollow(desk.board().id());
        if (follow.isEmpty()) {
            return "The meetings of " + Md.esc(desk.board().name()) + " follow no Outlook calendar."
                    + (desk.calendarOn() ? " The chair or secretary can say " + Md.code(HOW) + "." : " " + off());
        }
        CalendarFollow f = follow.get();
        return "The meetings of " + Md.esc(desk.board().name()) + " follow the series " + series(f.series(), desk)
                + " in " + Md.esc(f.organiser()) + "'s Outlook calendar"
                + (f.setBy() == null ? "" : ", as " + Md.esc(f.setBy()) + " set on "
                + BritishDates.format(f.setAt().atZone(desk.zone()).toLocalDate())) + "."
                + (f.lastSyncAt() == null ? "" : " Last read successfully on "
                + BritishDates.format(f.lastSyncAt().atZone(desk.zone()).toLocalDate()) + " at "
                + f.lastSyncAt().atZone(desk.zone()).toLocalTime().withSecond(0).withNano(0) + ".")
                + (f.problem() == null ? "" : " The last read failed: " + Md.esc(f.problem()))
                + (desk.calendarOn() ? "" : " " + off());
    }

    private static String series(String series, Desk desk) {
        return "\"" + Md.esc(series != null ? series : desk.board().name()) + "\"";
    }

    private static void requireOn(Desk desk) {
        if (!desk.calendarOn()) {
            throw new Refusal(off());
        }
    }

    /** What enabling the calendar takes. */
    static String off() {
        return "Following an Outlook calendar is off: BoardClerk reads calendars through Microsoft Graph, which is "
                + "not switched on here. Enabling it takes " + Md.code("BOARDCLERK_GRAPH=on") + " with MicrosoftAppId "
                + "set, and the application permission Calendars.Read with an administrator's consent (see the README, "
                + "Microsoft Graph, Calendar).";
    }
}
