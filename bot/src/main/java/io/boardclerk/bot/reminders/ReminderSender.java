package io.boardclerk.bot.reminders;

import io.boardclerk.core.reminder.Outgoing;

/** Delivers one claimed reminder into its recipient's personal chat, keeping within Teams' rate limits. */
public interface ReminderSender {

    SendResult send(Outgoing outgoing) throws InterruptedException;
}
