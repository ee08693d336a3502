package io.boardclerk.core.sharepoint;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SharePointAddressTest {

    static final String FOLDER = "https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/Minutes";

    @Test
    void an_address_as_typed_with_spaces_is_percent_encoded() {
        assertEquals(FOLDER, SharePointAddress.check("https://fenshire.sharepoint.com/sites/Board/Shared Documents/"
                + "Minutes").url());
        assertEquals(FOLDER, SharePointAddress.check(" <" + FOLDER + "/> ").url(), "as Teams wraps links, and a "
                + "trailing slash");
    }

    @Test
    void a_library_view_becomes_the_folders_own_address() {
        assertEquals(FOLDER, SharePointAddress.check("https://fenshire.sharepoint.com/sites/Board/Shared%20Documents/"
                + "Forms/AllItems.aspx?id=%2Fsites%2FBoard%2FShared%20Documents%2FMinutes&viewid=5b1c").url());
    }

    @Test
    void a_sharing_link_keeps_its_query() {
        String link = "https://fenshire.sharepoint.com/:f:/s/Board/EkQ1b2x?e=AbC123";
        assertEquals(link, SharePointAddress.check(link).url());
    }

    @Test
    void onedrive_for_work_and_national_clouds_are_sharepoint_hosts() {
        assertTrue(SharePointAddress.check("https://fenshire-my.sharepoint.com/personal/claire/Documents/Board").ok());
        assertTrue(SharePointAddress.check("https://fenshire.sharepoint.us/sites/Board/Docs").ok());
        assertTrue(SharePointAddress.check("HTTPS://Fenshire.SharePoint.com/sites/Board/Docs").ok());
    }

    @Test
    void anything_else_is_refused_with_a_reason() {
        assertEquals("A SharePoint folder's address starts with https://.",
                SharePointAddress.check("http://fenshire.sharepoint.com/sites/Board/Docs").problem());
        assertTrue(SharePointAddress.check("https://fenshire.sharepoint.com.evil.example/sites/x").problem()
                .contains("is not a SharePoint"));
        assertTrue(SharePointAddress.check("https://sharepoint.com/sites/x").problem().contains("is not a SharePoint"));
        assertTrue(SharePointAddress.check("https://user@fenshire.sharepoint.com/sites/x").problem()
                .contains("is not a SharePoint"));
        assertTrue(SharePointAddress.check("https://fenshire.sharepoint.com:8443/sites/x").problem()
                .contains("is not a SharePoint"));
        assertTrue(SharePointAddress.check("https://fenshire.sharepoint.com/").problem().contains("whole site"));
        assertTrue(SharePointAddress.check("https://fenshire.sharepoint.com/sites/Board/SitePages/Home.aspx?x=1")
                .problem().contains("a SharePoint page"));
        assertTrue(SharePointAddress.check("ftp://fenshire.sharepoint.com/x").problem().contains("https://"));
        assertFalse(SharePointAddress.check("").ok());
        assertNull(SharePointAddress.check("just words").url());
    }

    @Test
    void file_names_put_the_date_first_and_drop_what_sharepoint_refuses() {
        LocalDate date = LocalDate.of(2026, 11, 23);
        assertEquals("2026-11-23 Business Coordination Board - minutes (draft).docx",
                FileNames.minutes(date, "Business Coordination Board", false));
        assertEquals("2026-11-23 Business Coordination Board - minutes.docx",
                FileNames.minutes(date, "Business Coordination Board", true));
        assertEquals("2026-11-23 Audit Risk Board - action log.docx",
                FileNames.actionLog(date, "Audit: Risk / Board?"));
        assertEquals("2026-11-23 Board - action log.docx", FileNames.actionLog(date, " ..<>.. "));
    }

    @Test
    void links_escape_the_name_and_cannot_be_ended_early_by_the_address() {
        assertEquals("[Minutes &#91;draft&#93;](https://x.sharepoint.com/a%20b%29%28)",
                MarkdownLink.of("Minutes [draft]", "https://x.sharepoint.com/a b)("));
        assertEquals("**&lt;b&gt;**", MarkdownLink.of("<b>", "javascript:alert(1)"));
    }
}
