package io.boardclerk.bot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.boardclerk.bot.support.FakeConnector;
import io.boardclerk.bot.support.FakeConnector.Member;
import io.boardclerk.bot.support.RunningBot;
import io.boardclerk.bot.support.TeamsChat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static io.boardclerk.bot.support.People.CHAIR;
import static io.boardclerk.bot.support.People.JON;
import static io.boardclerk.bot.support.People.NINA;
import static io.boardclerk.bot.support.People.SECRETARY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every refusal in docs/user-guide.md's table of who may do what, over HTTP: a member who is neither owner, chair nor
 * secretary is told who may, and the record (the whole export) is exactly as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RolesTest {

    @TempDir
    static Path dir;
    RunningBot bot;
    TeamsChat chat;

    @BeforeAll
    void start() throws Exception {
        bot = RunningBot.local(dir);
        chat = TeamsChat.groupChat(bot.connector.serviceUrl(), "19:roles@thread.v2", "tenant-cambs", "Roles Board");
        bot.connector.roster(chat.conversationId(), SECRETARY, CHAIR, JON, NINA);
        say(SECRETARY, "secretary @Claire Dunmore", SECRETARY);
        say(SECRETARY, "chair @Helen Marsh", CHAIR);
        say(SECRETARY, "start meeting 20/11/2026");
        say(SECRETARY, "action Bring the estates report owner: Jon Leigh due: 26/01/2027 item: 7");
        say(SECRETARY, "end meeting");
    }

    @AfterAll
    void stop() {
        bot.close();
    }

    String say(Member from, String text, Member... mentioned) throws Exception {
        ObjectNode activity = chat.message(from, text, mentioned);
        int before = bot.connector.sentTo(chat.conversationId()).size();
        HttpResponse<String> response = bot.client.post(activity);
        assertEquals(202, response.statusCode(), response.body());
        List<FakeConnector.Sent> sent = bot.connector.awaitSent(chat.conversationId(), before + 1, Duration.ofSeconds(5));
        return sent.size() > before ? sent.get(before).text() : "";
    }

    String record() throws Exception {
        return bot.client.get("/api/boards/1/export").body();
    }

    @ParameterizedTest(name = "{0} says \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            member | action Buy a new fleet owner: Jon Leigh due: 26/05/2027 | Only the chair or secretary can record actions
            member | action 1 owner Nina Hart                  | Only the chair or secretary can change an action's owner
            member | action 1 due 26/05/2027                   | Only the chair or secretary can change an action's target
            member | owner Constabulary = @Nina Hart           | Only the chair or secretary can say who answers for a body
            member | update 1 I think this is done             | Only the owner of action 1.0 (Jon Leigh), the chair or the secretary can post an update
            member | done 1                                    | Only the owner of action 1.0 (Jon Leigh), the chair or the secretary can report it done
            member | close 1                                   | Only the chair or secretary can close an action
            owner  | close 1                                   | Only the chair or secretary can close an action
            member | reopen 1                                  | Only the chair or secretary can reopen an action
            owner  | keep 1 open                               | Only the chair or secretary can record the board's decision
            member | apologies Jon Leigh                       | Only the chair or secretary can record apologies for other people
            member | There were no declarations of interest.   | Only the chair or secretary can record that there were no declarations
            member | Jon Leigh declared a personal interest in item 7 as a trustee | Only the chair or secretary can record a declaration for someone else
            member | item 5.7                                  | Only the chair or secretary can set the agenda item
            member | next meeting 26/05/2027                   | Only the chair or secretary can schedule meetings
            member | start meeting                             | Only the chair or secretary can start a meeting
            member | role Jon Leigh, Chief Finance Officer     | Only the chair or secretary can set role titles
            member | board name Somebody Else's Board          | Only the chair or secretary can rename the board
            member | chair @Nina Hart                          | Only the chair or secretary can appoint the chair
            member | marking PROTECT                           | Only the chair or secretary can set the board's protective marking
            member | draft minutes                             | Only the chair or secretary can draft the minutes
            member | export json                               | Only the chair or secretary can export the board's whole record
            owner  | post action log                           | Only the chair or secretary can post the action log summary
            member | post action log weekly monday             | Only the chair or secretary can set when the action log summary is posted
            member | post action log weekly off                | Only the chair or secretary can set when the action log summary is posted
            member | sharepoint folder https://fenshire.sharepoint.com/sites/Board/Docs | Only the chair or secretary can set the board's SharePoint folder
            owner  | sharepoint folder off                     | Only the chair or secretary can set the board's SharePoint folder
            member | upload minutes                            | Only the chair or secretary can upload the minutes
            owner  | upload action log                         | Only the chair or secretary can upload the action log
            member | calendar claire.dunmore@fenshire.example  | Only the chair or secretary can choose the calendar the board's meetings follow
            owner  | calendar sync                             | Only the chair or secretary can read the calendar
            member | calendar off                              | Only the chair or secretary can stop following the calendar
            member | approve minutes 20/11/2026                | Only the chair can approve the minutes
            secretary | approve minutes 20/11/2026             | Only the chair can approve the minutes
            """)
    void isRefusedAndNothingChanges(String who, String text, String refusal) throws Exception {
        Member from = switch (who) {
            case "owner" -> JON;
            case "secretary" -> SECRETARY;
            default -> NINA;
        };
        String before = record();
        String reply = say(from, text, text.contains("@Nina") ? new Member[]{NINA} : new Member[0]);
        assertTrue(reply.contains(refusal), reply);
        assertTrue(reply.contains("The chair is Helen Marsh; the secretary is Claire Dunmore."), reply);
        assertEquals(before, record(), "a refusal changes nothing");
    }
}
