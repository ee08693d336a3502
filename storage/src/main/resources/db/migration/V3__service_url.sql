-- Where the Bot Connector of each board's conversation answers (the activity's serviceUrl, as last seen), so that
-- what is done in the meeting side panel can be confirmed in the board's chat as a proactive message.
ALTER TABLE boards ADD COLUMN service_url TEXT;
