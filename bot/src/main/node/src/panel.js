// BoardClerk's meeting side panel. It takes the meeting chat, the user and the theme from Teams (teams-js), shows
// the meeting's record (polled every 1.5 s with an ETag, so an unchanged record costs one 304), and sends what the
// user does to BoardClerk's API, which records it through the same clerk as the chat and confirms it there.
// Everything shown is put on the page as text, never as markup.
import { app, authentication } from '@microsoft/teams-js';

const POLL_MS = 1500;
const body = document.body;
const auth = body.dataset.auth; // "sso": Teams single sign-on; "local": local mode, the context's user is sent
// Empty in production: teams-js then accepts messages from Teams' own origins only. In local mode the browser tests
// name the loopback origin of the page that stands in for Teams (BOARDCLERK_PANEL_TEST_HOST_ORIGIN).
const testHostOrigin = body.dataset.testHostOrigin;
const $ = (id) => document.getElementById(id);

let context = null; // { conversation, userId, tenantId }
let etag = null;
let last = null;
let token = null;

function applyTheme(theme) {
  document.documentElement.dataset.theme = theme === 'dark' ? 'dark' : theme === 'contrast' ? 'contrast' : 'light';
}

/** The Teams context, from the host framing the panel: Teams, or in local-mode tests a page speaking its protocol. */
async function teamsContext() {
  await app.initialize(testHostOrigin ? [testHostOrigin] : undefined);
  const found = await app.getContext();
  app.registerOnThemeChangeHandler(applyTheme);
  app.notifySuccess();
  return found;
}

class SignInFailed extends Error {}

function tokenExpiry(jwt) {
  try {
    const payload = JSON.parse(atob(jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    return (payload.exp || 0) * 1000;
  } catch (e) {
    return 0;
  }
}

async function headers(extra) {
  const h = Object.assign({ Accept: 'application/json' }, extra || {});
  if (auth === 'sso') {
    if (!token || tokenExpiry(token) - Date.now() < 120000) {
      try {
        token = await authentication.getAuthToken();
      } catch (e) {
        throw new SignInFailed('Teams could not sign you in to BoardClerk (' + (e && e.message ? e.message : e)
          + '). Close and reopen the panel; if it persists, ask your administrator to consent to the app.');
      }
    }
    h.Authorization = 'Bearer ' + token;
  } else {
    h['X-Teams-User-Id'] = context.userId;
    h['X-Teams-Tenant-Id'] = context.tenantId;
  }
  return h;
}

/** The clerk's Teams markdown as plain words for the page. */
function plain(markdown) {
  return markdown.replace(/\*\*/g, '').replace(/\\([\\*_`[\]#|~])/g, '$1').replace(/`/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) {
    node.textContent = text;
  }
  if (className) {
    node.className = className;
  }
  return node;
}

function fill(list, items, render, none) {
  const ul = $(list);
  ul.replaceChildren();
  if (items.length === 0) {
    ul.append(el('li', none, 'empty'));
    return;
  }
  for (const item of items) {
    ul.append(render(item));
  }
}

function actionItem(a) {
  const li = el('li');
  const head = el('p');
  head.append(el('span', 'Action ' + a.display, 'num'));
  if (a.item) {
    head.append(document.createTextNode(', item ' + a.item));
  }
  li.append(head, el('p', a.text));
  li.append(el('p', 'Owner: ' + a.owners + '. Target: ' + a.target + '.', 'meta'));
  const status = el('p', 'Status: ' + a.status + (a.overdue ? ' (overdue)' : ''), a.overdue ? 'overdue' : 'meta');
  li.append(status);
  if (a.latestUpdate) {
    li.append(el('p', 'Latest update, ' + a.latestUpdate.date + ' by ' + a.latestUpdate.by + ': '
      + a.latestUpdate.text, 'meta'));
  }
  return li;
}

function render(record) {
  $('board').textContent = record.board;
  const m = record.meeting;
  $('meeting').textContent = m ? (m.title ? m.title + ', ' : '') + m.date + ' (' + m.status + ')'
    : 'No meeting is open or scheduled yet.';
  fill('apologies', record.apologies, (a) => el('li', a.role ? a.name + ', ' + a.role : a.name),
    'No apologies recorded.');
  fill('declarations', record.declarations, (d) => el('li', d.member + ': ' + d.kind + ' interest in item '
    + d.item + ', ' + d.interest), record.noDeclarations ? 'There were no declarations of interest.'
    : 'No declarations recorded.');
  fill('raised', record.raised, actionItem, 'No actions raised yet.');
  fill('due', record.due, actionItem, 'No actions due.');

  $('you').hidden = false;
  const officer = record.you.role === 'chair' || record.you.role === 'secretary';
  $('say').hidden = !officer;
  $('post-log-part').hidden = !officer;
  const updatable = new Map();
  for (const a of record.raised.concat(record.due)) {
    if (a.canUpdate) {
      updatable.set(a.number, a);
    }
  }
  const select = $('update-action');
  const chosen = select.value;
  select.replaceChildren();
  for (const a of updatable.values()) {
    const option = el('option', a.display + ': ' + a.text.slice(0, 60));
    option.value = String(a.number);
    select.append(option);
  }
  if (chosen && updatable.has(Number(chosen))) {
    select.value = chosen;
  }
  $('update').hidden = updatable.size === 0;

  if (last) {
    const changes = [];
    const counts = [['apologies', 'apologies'], ['declarations', 'declarations'], ['raised', 'actions raised'],
      ['due', 'actions due']];
    for (const [key, words] of counts) {
      if (record[key].length !== last[key].length) {
        changes.push(words + ' ' + record[key].length);
      }
    }
    $('announce').textContent = changes.length ? 'The record changed: ' + changes.join(', ') + '.'
      : 'The record changed.';
  }
  last = record;
}

function problem(text) {
  const p = $('problem');
  p.hidden = !text;
  p.textContent = text || '';
}

async function poll() {
  try {
    const h = await headers(etag ? { 'If-None-Match': etag } : {});
    const response = await fetch('/api/panel/record?conversation=' + encodeURIComponent(context.conversation),
      { headers: h, cache: 'no-store' });
    if (response.status === 304) {
      problem(null);
    } else if (response.ok) {
      etag = response.headers.get('ETag');
      const record = await response.json();
      if (!last || JSON.stringify(record) !== JSON.stringify(last)) {
        render(record);
      }
      problem(null);
    } else {
      const answer = await response.json().catch(() => ({}));
      problem(answer.error || 'BoardClerk answered ' + response.status + '.');
    }
  } catch (e) {
    problem(e instanceof SignInFailed ? e.message : 'BoardClerk cannot be reached just now; trying again.');
  } finally {
    setTimeout(poll, POLL_MS);
  }
}

async function send(path, payload, button) {
  button.disabled = true;
  $('result').textContent = 'Sending…';
  try {
    const response = await fetch(path, {
      method: 'POST',
      headers: await headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(Object.assign({ conversation: context.conversation }, payload)),
    });
    const answer = await response.json().catch(() => ({}));
    if (!response.ok) {
      $('result').textContent = answer.error || 'BoardClerk answered ' + response.status + '.';
      return false;
    }
    if (typeof answer.line === 'string') {
      // "Post the action log as me": one plain line saying what happened.
      $('result').textContent = answer.line
        + (answer.chatProblem ? '\n(Not announced in the chat: ' + answer.chatProblem + ')' : '');
      return answer.posted === true;
    }
    $('result').textContent = plain(answer.reply || 'Done.')
      + (answer.postedInChat ? '' : '\n(Not posted in the chat: ' + (answer.chatProblem || 'unknown reason') + ')');
    etag = null;
    return true;
  } catch (e) {
    $('result').textContent = e instanceof SignInFailed ? e.message
      : 'BoardClerk cannot be reached just now; nothing was sent.';
    return false;
  } finally {
    button.disabled = false;
  }
}

/** Marks empty required fields, moves focus to the first, and says so; true when all are filled. */
function filled(fields) {
  let first = null;
  for (const field of fields) {
    const empty = field.value.trim() === '';
    field.setAttribute('aria-invalid', String(empty));
    if (empty && !first) {
      first = field;
    }
  }
  if (first) {
    $('result').textContent = 'Please fill in: ' + $(first.id).labels[0].textContent + '.';
    first.focus();
    return false;
  }
  return true;
}

function wire() {
  $('apologise').addEventListener('click', (event) => send('/api/panel/apologies', {}, event.currentTarget));
  $('declare').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!filled([$('declare-item'), $('declare-interest')])) {
      return;
    }
    if (await send('/api/panel/declarations', { item: $('declare-item').value, kind: $('declare-kind').value,
      interest: $('declare-interest').value }, event.submitter || $('declare').querySelector('button'))) {
      $('declare').reset();
    }
  });
  $('update').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!filled([$('update-text')])) {
      return;
    }
    if (await send('/api/panel/updates', { action: Number($('update-action').value), text: $('update-text').value },
      event.submitter || $('update').querySelector('button'))) {
      $('update-text').value = '';
    }
  });
  $('post-log').addEventListener('click', (event) => send('/api/panel/post-action-log', {}, event.currentTarget));
  $('say').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!filled([$('say-text')])) {
      return;
    }
    if (await send('/api/panel/say', { text: $('say-text').value },
      event.submitter || $('say').querySelector('button'))) {
      $('say-text').value = '';
    }
  });
}

async function start() {
  let found;
  try {
    found = await teamsContext();
  } catch (e) {
    $('meeting').textContent = 'Open this panel in a Teams meeting.';
    return;
  }
  applyTheme(found.app && found.app.theme);
  const conversation = (found.chat && found.chat.id) || (found.channel && found.channel.id);
  if (!conversation) {
    $('meeting').textContent = 'Open this panel in a meeting, chat or channel where BoardClerk is added.';
    return;
  }
  context = {
    conversation,
    userId: found.user && found.user.id,
    tenantId: found.user && found.user.tenant && found.user.tenant.id,
  };
  $('meeting').textContent = 'Loading the record…';
  wire();
  poll();
}

start();
