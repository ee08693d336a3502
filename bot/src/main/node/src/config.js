// The tab's configuration page: Teams shows it when the BoardClerk tab is added to a meeting. There is nothing to
// choose, so it is valid at once, and saving points the tab (and the meeting's side panel) at /panel.
import { app, pages } from '@microsoft/teams-js';

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';
}

const status = document.getElementById('status');

app.initialize().then(async () => {
  const context = await app.getContext();
  applyTheme(context.app && context.app.theme);
  app.registerOnThemeChangeHandler(applyTheme);
  pages.config.registerOnSaveHandler((saveEvent) => {
    const contentUrl = window.location.origin + '/panel';
    pages.config.setConfig({
      entityId: 'boardclerk-panel',
      contentUrl,
      websiteUrl: contentUrl,
      suggestedDisplayName: 'BoardClerk',
    }).then(() => saveEvent.notifySuccess(), (error) => saveEvent.notifyFailure(String(error)));
  });
  pages.config.setValidityState(true);
  status.textContent = 'Select Save to add BoardClerk to this meeting.';
  app.notifySuccess();
}).catch(() => {
  status.textContent = 'This page is for Microsoft Teams: open it by adding the BoardClerk tab to a meeting.';
});
