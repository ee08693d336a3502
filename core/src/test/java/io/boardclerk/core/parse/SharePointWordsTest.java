package io.boardclerk.core.parse;

import io.boardclerk.core.command.Command;
import io.boardclerk.core.command.Command.SharePointFolder.Mode;
import io.boardclerk.core.command.Command.Upload.What;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SharePointWordsTest {

    private static Command parse(String text) {
        List<Command> commands = CommandParser.parse(text, new ParseContext(LocalDate.of(2026, 11, 23), List.of(),
                List.of(), List.of()));
        assertEquals(1, commands.size(), commands.toString());
        return commands.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "sharepoint folder|SHOW|",
            "SharePoint folder|SHOW|",
            "share point folder off|OFF|",
            "sharepoint folder none.|OFF|",
            "sharepoint folder https://fenshire.sharepoint.com/sites/Board/Shared Documents/Minutes|SET|"
                    + "https://fenshire.sharepoint.com/sites/Board/Shared Documents/Minutes",
            "set the sharepoint folder: https://fenshire.sharepoint.com/sites/Board/Docs|SET|"
                    + "https://fenshire.sharepoint.com/sites/Board/Docs",
            "sharepoint library http://example.com|SET|http://example.com"})
    void the_forms_of_sharepoint_folder(String text, Mode mode, String url) {
        assertEquals(new Command.SharePointFolder(mode, url), parse(text));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "upload minutes|MINUTES",
            "Upload the minutes draft.|MINUTES",
            "upload draft minutes|MINUTES",
            "upload action log|ACTION_LOG",
            "upload the action log to SharePoint|ACTION_LOG"})
    void the_forms_of_upload(String text, What what) {
        assertEquals(new Command.Upload(what), parse(text));
    }

    @Test
    void other_uploads_are_not_commands_of_this_kind() {
        assertNotEquals(Command.Upload.class, parse("upload the agenda").getClass());
    }
}
