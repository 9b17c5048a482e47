/*
 * The help page's chat widget: a modal dialog (WAI-ARIA dialog pattern) in a
 * corner on a large screen, full screen when the viewport is small in either
 * direction (phones, zoom). Talks to the bot through its built-in Direct
 * Line. To answer fast, the Web Chat bundle is fetched when the page is idle
 * and started when the person heads for the launcher, and the conversation is
 * opened while the bundle loads. The conversation id and token are kept in
 * sessionStorage, so a reload (or the language switch) resumes the same
 * conversation: Web Chat reconnects with GET conversations/{id}, which
 * replays the stored history.
 */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var STORAGE_KEY = 'billingContactAssistant.chat';
  var ONLINE = 2;
  var FAILED_TO_CONNECT = 4;
  var LOCALES = { de: 'de-DE', en: 'en-US' };
  var FONT = getComputedStyle(document.documentElement).fontFamily;
  var STYLE = {
    accent: '#0b5cab',
    primaryFont: FONT,
    backgroundColor: '#ffffff',
    bubbleBorderRadius: 12,
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserBackground: '#e7f0fb',
    bubbleBackground: '#f3f4f6',
    bubbleBorderWidth: 0,
    bubbleFromUserBorderWidth: 0,
    bubbleMaxWidth: 600,
    hideUploadButton: true,
    // Long menus as a list of whole labels (never cut off), in a box of their own that scrolls, so the answer above stays in view.
    suggestedActionLayout: 'stacked',
    suggestedActionsStackedLayoutButtonTextWrap: true,
    suggestedActionsStackedOverflow: 'auto',
    suggestedActionBorderRadius: 8,
    suggestedActionKeyboardFocusIndicatorBorderColor: '#1f2328',
    suggestedActionKeyboardFocusIndicatorBorderWidth: 2,
    sendBoxBackground: '#ffffff',
    sendBoxButtonKeyboardFocusIndicatorBorderColor: '#1f2328',
    sendBoxButtonKeyboardFocusIndicatorBorderWidth: 2,
    sendBoxButtonKeyboardFocusIndicatorBorderRadius: 4,
    transcriptVisualKeyboardIndicatorColor: '#1f2328',
    transcriptVisualKeyboardIndicatorWidth: 2,
    transcriptActivityVisualKeyboardIndicatorColor: '#1f2328',
    // A new answer is shown from its first line, not scrolled past to its buttons.
    autoScrollSnapOnActivity: true,
    autoScrollSnapOnActivityOffset: 8,
    rootHeight: '100%',
    rootWidth: '100%'
  };

  var chat = document.getElementById('chat');
  var panel = document.getElementById('chat-panel');
  var launcher = document.getElementById('chat-launcher');
  var badge = document.getElementById('chat-badge');
  var status = document.getElementById('chat-status');
  var host = document.getElementById('webchat');
  var languageButton = document.getElementById('chat-language');

  var lang = config.lang;
  var directLine = null;
  var store = null;
  var root = null;
  var connecting = null;
  var online = null;
  var bundle = null;
  var lastFocus = null;
  var botLang = null;
  var botLangAt = 0;

  function text(key) {
    return config.text[lang][key];
  }

  function saved() {
    try {
      return JSON.parse(sessionStorage.getItem(STORAGE_KEY)) || {};
    } catch (e) {
      return {};
    }
  }

  function remember(patch) {
    var state = saved();
    Object.keys(patch).forEach(function (key) {
      state[key] = patch[key];
    });
    try {
      sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    } catch (e) {
      /* Private mode without storage: the chat still works, it just does not survive a reload. */
    }
  }

  function setStatus(key) {
    status.textContent = key ? text(key) : '';
    status.hidden = !key;
    status.setAttribute('data-key', key || '');
  }

  /*
   * ---- The bot's markdown (the minimal Web Chat bundle has no renderer): paragraphs, "- " and "1. " lists, **bold**,
   * [links](https://…) and bare links. Everything else, HTML included, shows as the text it is (agents' lines too).
   */

  function escapeHtml(value) {
    return value.replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  var LINK = /\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^\s()<>"']+)\)|\bhttps?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\u201c\u201d]/g;

  function inline(line) {
    return escapeHtml(line)
      .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
      .replace(LINK, function (match, label, href) {
        return '<a href="' + (href || match) + '" target="_blank" rel="noopener noreferrer">' + (label || match) + '</a>';
      });
  }

  var LISTS = [{ tag: 'ul', item: /^\s*[-*\u2022] / }, { tag: 'ol', item: /^\s*\d+[.)] / }];

  function renderMarkdown(markdown) {
    return String(markdown || '')
      .replace(/\r\n?/g, '\n')
      .split(/\n{2,}/)
      .map(function (block) {
        var lines = block.split('\n');
        var list = LISTS.filter(function (kind) { return lines.every(function (line) { return kind.item.test(line); }); })[0];
        if (list) {
          return '<' + list.tag + '>' + lines.map(function (line) { return '<li>' + inline(line.replace(list.item, '')) + '</li>'; }).join('') + '</' + list.tag + '>';
        }
        return '<p>' + lines.map(inline).join('<br>') + '</p>';
      })
      .join('');
  }

  /*
   * Web Chat formats the time of a message with a 12-hour pattern in every language ("um 1:26 PM"); in
   * German the time is written 13:26. Only the activity status (time and send state) is touched.
   */
  var CLOCK_12 = /\b(\d{1,2}):(\d{2})\s?([AP])M\b/g;

  function clock24(node) {
    if (lang !== 'de') {
      return;
    }
    var element = node.nodeType === 3 ? node.parentElement : node;
    if (!element || !element.closest) {
      return;
    }
    var STATUS = '.webchat__stacked-layout__status, .webchat__activity-status';
    var statuses = element.closest(STATUS) ? [element] : Array.prototype.slice.call(element.querySelectorAll(STATUS));
    statuses.forEach(function (status) {
      var walker = document.createTreeWalker(status, NodeFilter.SHOW_TEXT);
      for (var text = node.nodeType === 3 ? node : walker.nextNode(); text; text = node.nodeType === 3 ? null : walker.nextNode()) {
        var fixed = text.data.replace(CLOCK_12, function (match, hour, minute, half) {
          var h = (Number(hour) % 12) + (half === 'P' ? 12 : 0);
          return (h < 10 ? '0' : '') + h + ':' + minute;
        });
        if (fixed !== text.data) {
          text.data = fixed;
        }
      }
    });
  }

  new MutationObserver(function (records) {
    records.forEach(function (record) {
      if (record.type === 'characterData') {
        clock24(record.target);
      } else {
        Array.prototype.forEach.call(record.addedNodes, clock24);
      }
    });
  }).observe(host, { childList: true, subtree: true, characterData: true });

  /* ---- Loading: fetch when idle, start on the way to the launcher. ---- */

  /*
   * Fetched into the cache when the page is idle. On a desktop (a mouse, a big screen) it is also started
   * then, in the next idle moment: its one long task falls while the person reads, not when they open the
   * chat. A phone only starts it on the way to the launcher, so readers who never chat pay nothing for it.
   */
  function prefetch() {
    if (window.WebChat || !window.fetch) {
      return;
    }
    fetch(config.webChatUrl, { credentials: 'same-origin' }).then(function (response) {
      return response.arrayBuffer();
    }).then(function () {
      if (window.matchMedia('(hover: hover) and (pointer: fine) and (min-width: 640px)').matches) {
        whenIdle(function () {
          loadWebChat().catch(function () {});
        }, 5000);
      }
    }).catch(function () {
      /* Tried again when the chat opens. */
    });
  }

  function loadWebChat() {
    if (window.WebChat) {
      return Promise.resolve();
    }
    bundle = bundle || new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = config.webChatUrl;
      script.onload = resolve;
      script.onerror = function (error) {
        bundle = null;
        script.remove();
        reject(error);
      };
      document.head.appendChild(script);
    });
    return bundle;
  }

  function whenIdle(callback, timeout) {
    if (window.requestIdleCallback) {
      window.requestIdleCallback(callback, { timeout: timeout });
    } else {
      setTimeout(callback, 200);
    }
  }

  /* ---- The conversation. ---- */

  function post(url, token, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (token) {
      headers.Authorization = 'Bearer ' + token;
    }
    return fetch(url, { method: 'POST', credentials: 'same-origin', headers: headers, body: body ? JSON.stringify(body) : undefined }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  /* A new conversation, started here while Web Chat loads (the bot greets at once); Web Chat then joins it. */
  function newConversation() {
    return post(config.tokenUrl).then(function (body) {
      return post(config.directLinePath + '/conversations', body.token, { locale: LOCALES[lang] }).then(function () {
        return { token: body.token, conversationId: body.conversationId, resumed: false };
      });
    });
  }

  /* The saved conversation with a fresh token, or a new conversation when there is none (or it expired). */
  function credentials() {
    var state = saved();
    if (!state.conversationId || !state.token) {
      return newConversation();
    }
    return post(config.directLinePath + '/tokens/refresh', state.token).then(
      function (body) {
        return { token: body.token, conversationId: state.conversationId, resumed: true };
      },
      function () {
        return newConversation();
      }
    );
  }

  function userOf(token) {
    return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).user;
  }

  /*
   * A long menu shows its first options and "Show all options" (the bot's order puts the likely ones first),
   * so the answer above it stays in view; the button shows the rest and moves the focus to the first of them.
   */
  var SHOWN = 4;
  var ALL_OPTIONS = 'x-all-options';
  var allOptions = null;

  function collapse(action) {
    var actions = action.type === 'WEB_CHAT/SET_SUGGESTED_ACTIONS' && action.payload && action.payload.suggestedActions;
    if (!actions || actions.length <= SHOWN + 1 || action.meta === ALL_OPTIONS) {
      return action;
    }
    allOptions = actions;
    return {
      type: action.type,
      payload: { suggestedActions: actions.slice(0, SHOWN).concat([{ type: ALL_OPTIONS, title: text('allOptions'), value: ALL_OPTIONS }]) }
    };
  }

  function showAllOptions() {
    if (!allOptions) {
      return;
    }
    store.dispatch({ type: 'WEB_CHAT/SET_SUGGESTED_ACTIONS', payload: { suggestedActions: allOptions }, meta: ALL_OPTIONS });
    var tries = 0;
    (function focusFirstNew() {
      var buttons = host.querySelectorAll('.webchat__suggested-action');
      if (buttons.length > SHOWN + 1) {
        buttons[SHOWN].focus();
      } else if (tries++ < 40) {
        setTimeout(focusFirstNew, 25);
      }
    })();
  }

  function cardActionMiddleware() {
    return function (next) {
      return function (card) {
        if (card.cardAction && card.cardAction.type === ALL_OPTIONS) {
          showAllOptions();
          return undefined;
        }
        return next(card);
      };
    };
  }

  /* The corner panel (as in help.css); smaller in either direction the chat fills the screen. */
  var PANEL = window.matchMedia('(min-width: 640px) and (min-height: 600px)');

  /*
   * In the corner panel a new answer is shown from its first line; on a small screen or zoomed in, where the
   * transcript is only a few lines high, the chat follows the newest line, so the question to answer is never
   * left under the send box.
   */
  function styleOptions() {
    return PANEL.matches ? STYLE : Object.assign({}, STYLE, { autoScrollSnapOnActivity: false });
  }

  function renderChat() {
    window.WebChat.renderWebChat(
      { directLine: directLine, store: store, locale: LOCALES[lang], styleOptions: styleOptions(), renderMarkdown: renderMarkdown, cardActionMiddleware: cardActionMiddleware, sendTypingIndicator: true },
      root
    );
  }

  PANEL.addEventListener('change', function () {
    if (root && window.WebChat && directLine) {
      renderChat();
    }
  });

  function render(started) {
    directLine = window.WebChat.createDirectLine({
      domain: location.origin + config.directLinePath,
      token: started.token,
      webSocket: config.webSocket,
      conversationId: started.conversationId
    });
    var markOnline;
    online = new Promise(function (resolve) {
      markOnline = resolve;
    });
    directLine.connectionStatus$.subscribe(function (value) {
      if (value === ONLINE) {
        setStatus('');
        markOnline();
      } else if (value === FAILED_TO_CONNECT && started.resumed) {
        restart();
      } else if (value === FAILED_TO_CONNECT) {
        setStatus('failed');
      }
    });
    botLang = null;
    botLangAt = 0;
    store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') {
            watchReading();
            incoming(action.payload.activity);
          } else if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
            readingBack = false;
          }
          return next(collapse(action));
        };
      };
    });
    root = document.createElement('div');
    root.className = 'chat__webchat-root';
    host.replaceChildren(root);
    renderChat();
    focusSendBoxWhenReady();
  }

  /*
   * The bot's messages carry the conversation's language: when it changes from one message to the next (the
   * person asked the bot to switch), the widget follows. The history replayed on a reconnect does not move it.
   */
  function incoming(activity) {
    if (activity.type !== 'message' || !activity.from || activity.from.role !== 'bot') {
      return;
    }
    var spoken = /^(de|en)\b/i.exec(activity.locale || '');
    var now = spoken && spoken[1].toLowerCase();
    // History can arrive after a new reply (a reconnect): only messages newer than every one seen so far count.
    var at = Date.parse(activity.timestamp || '') || 0;
    if (now && at >= botLangAt) {
      if (botLang && now !== botLang && now !== lang) {
        setTimeout(function () {
          setLanguage(now, false);
        }, 0);
      }
      botLang = now;
      botLangAt = at;
    }
    if (!activity.replyToId) {
      showWhenDrawn();
    }
    if (panel.hidden) {
      badge.hidden = false;
    }
  }

  /*
   * A message that answers nothing the person just wrote (no `replyToId`: an agent joining or writing, a queue
   * update, the hand-back and its rating question) is scrolled into view once Web Chat has drawn it, and the end is
   * kept in view for a moment while Web Chat lays out the message and the buttons under it. The snap above follows
   * only answers to the person's own message; without this, everything the agent writes would wait behind "New
   * messages". Someone who scrolled up to read is left where they are (Web Chat shows its "New messages" button).
   */
  var FOLLOW_MS = 1200;
  var unseen = false;
  var readingBack = false;
  var followUntil = 0;

  function transcript() {
    return host.querySelector('.webchat__basic-transcript__scrollable');
  }

  function showWhenDrawn() {
    var drawn = host.querySelectorAll('.webchat__basic-transcript__activity').length;
    var tries = 0;
    unseen = true;
    (function attempt() {
      if (panel.hidden || !transcript() || readingBack) {
        return;
      }
      if (host.querySelectorAll('.webchat__basic-transcript__activity').length > drawn || tries++ >= 40) {
        unseen = false;
        var running = Date.now() < followUntil;
        followUntil = Date.now() + FOLLOW_MS;
        if (!running) {
          follow();
        }
      } else {
        setTimeout(attempt, 25);
      }
    })();
  }

  function follow() {
    var scrollable = transcript();
    if (!scrollable || readingBack || panel.hidden) {
      followUntil = 0;
      return;
    }
    scrollable.scrollTop = scrollable.scrollHeight;
    if (Date.now() < followUntil) {
      requestAnimationFrame(follow);
    }
  }

  /* Scrolling up by hand (wheel, finger, keys) means reading back; reaching the end again, or writing, ends it. */
  function watchReading() {
    var scrollable = transcript();
    if (!scrollable || scrollable.getAttribute('data-watched')) {
      return;
    }
    scrollable.setAttribute('data-watched', 'true');
    var up = function () {
      readingBack = true;
      followUntil = 0;
    };
    scrollable.addEventListener('wheel', function (event) {
      if (event.deltaY < 0) {
        up();
      }
    }, { passive: true });
    scrollable.addEventListener('touchmove', up, { passive: true });
    scrollable.addEventListener('keydown', function (event) {
      if (['ArrowUp', 'PageUp', 'Home'].indexOf(event.key) >= 0) {
        up();
      }
    });
    scrollable.addEventListener('scroll', function () {
      if (readingBack && scrollable.scrollHeight - scrollable.scrollTop - scrollable.clientHeight < 4) {
        readingBack = false;
      }
    }, { passive: true });
  }

  /* The widget's own words (header, status, Web Chat's placeholder, dates and times) in `next`; `tellBot` asks the bot to switch too. */
  function setLanguage(next, tellBot) {
    if (next === lang || !config.text[next]) {
      return;
    }
    lang = next;
    remember({ locale: LOCALES[lang] });
    panel.setAttribute('lang', lang);
    Array.prototype.forEach.call(chat.querySelectorAll('[data-text]'), function (element) {
      element.textContent = text(element.getAttribute('data-text'));
    });
    Array.prototype.forEach.call(chat.querySelectorAll('[data-label]'), function (element) {
      element.setAttribute('aria-label', text(element.getAttribute('data-label')));
      element.setAttribute('title', text(element.getAttribute('data-label')));
    });
    var other = lang === 'de' ? 'en' : 'de';
    languageButton.setAttribute('lang', other);
    languageButton.setAttribute('data-lang', other);
    badge.setAttribute('aria-label', text('unread'));
    setStatus(status.getAttribute('data-key'));
    if (root && window.WebChat) {
      renderChat();
    }
    if (tellBot && online) {
      online.then(function () {
        directLine.postActivity({ type: 'event', name: 'setLanguage', value: lang, locale: LOCALES[lang], from: { id: userOf(directLine.token) } }).subscribe({ error: function () {} });
      });
    }
  }

  function connect() {
    if (!connecting) {
      setStatus('connecting');
      connecting = Promise.all([loadWebChat(), credentials()])
        .then(function (results) {
          var started = results[1];
          var previous = saved().locale;
          remember({ conversationId: started.conversationId, token: started.token, locale: LOCALES[lang] });
          render(started);
          if (started.resumed && previous && previous !== LOCALES[lang]) {
            // The page now speaks another language than the conversation: ask the bot to go on in it.
            online.then(function () {
              directLine.postActivity({ type: 'event', name: 'setLanguage', value: lang, from: { id: userOf(started.token) } }).subscribe({ error: function () {} });
            });
          }
        })
        .catch(function () {
          connecting = null;
          setStatus('failed');
        });
    }
    return connecting;
  }

  function restart() {
    if (directLine) {
      directLine.end();
      directLine = null;
    }
    remember({ conversationId: null, token: null });
    connecting = null;
    return connect().then(function () {
      focusSendBoxWhenReady(true);
    });
  }

  /* ---- The dialog: modal, focus inside while open, back to the launcher on close. ---- */

  var FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

  function focusables() {
    return Array.prototype.filter.call(panel.querySelectorAll(FOCUSABLE), function (element) {
      return element.getClientRects().length > 0 && !element.closest('[inert]') && getComputedStyle(element).visibility !== 'hidden';
    });
  }

  function sendBox() {
    return host.querySelector('.webchat__send-box-text-box__input');
  }

  /* Focus goes to the send box once Web Chat has drawn it, unless the person has moved on meanwhile. */
  function focusSendBoxWhenReady(force) {
    var tries = 0;
    (function attempt() {
      if (panel.hidden) {
        return;
      }
      var box = sendBox();
      var waiting = document.activeElement === panel || document.activeElement === document.body || force;
      if (box && waiting) {
        box.focus();
      } else if (!box && tries++ < 100) {
        setTimeout(attempt, 50);
      }
    })();
  }

  function setPageInert(inert) {
    Array.prototype.forEach.call(document.body.children, function (element) {
      if (element !== chat && element.tagName !== 'SCRIPT') {
        element.inert = inert;
      }
    });
    launcher.inert = inert;
  }

  function open() {
    if (panel.hidden) {
      lastFocus = document.activeElement && document.activeElement !== document.body ? document.activeElement : launcher;
      panel.hidden = false;
      launcher.setAttribute('aria-expanded', 'true');
      document.body.classList.add('chat-open');
      setPageInert(true);
      badge.hidden = true;
      remember({ open: true });
      if (unseen) {
        showWhenDrawn();
      }
      var box = sendBox();
      (box || panel).focus();
    }
    return connect();
  }

  function close() {
    if (panel.hidden) {
      return;
    }
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    document.body.classList.remove('chat-open');
    setPageInert(false);
    remember({ open: false });
    var back = lastFocus && document.contains(lastFocus) && !lastFocus.closest('[hidden]') ? lastFocus : launcher;
    back.focus();
  }

  /* A related topic asked in the chat, once the conversation is online. */
  function ask(question) {
    open().then(function () {
      return online;
    }).then(function () {
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: question } });
    });
  }

  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      close();
    } else if (event.key === 'Tab') {
      var list = focusables();
      if (!list.length) {
        event.preventDefault();
        panel.focus();
        return;
      }
      var first = list[0];
      var last = list[list.length - 1];
      var at = document.activeElement;
      if (event.shiftKey && (at === first || at === panel || list.indexOf(at) < 0)) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (at === last || at === panel)) {
        event.preventDefault();
        first.focus();
      }
    }
  });
  /* Whatever moves focus out of the open dialog (a click on the page behind, a script) brings it back in. */
  document.addEventListener('focusin', function (event) {
    if (!panel.hidden && !panel.contains(event.target)) {
      var list = focusables();
      (list[0] || panel).focus();
    }
  });
  launcher.addEventListener('click', function () {
    if (panel.hidden) {
      open();
    } else {
      close();
    }
  });
  document.getElementById('chat-close').addEventListener('click', close);
  document.getElementById('chat-restart').addEventListener('click', restart);
  languageButton.addEventListener('click', function () {
    setLanguage(languageButton.getAttribute('data-lang'), true);
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-chat-open]'), function (button) {
    button.addEventListener('click', function (event) {
      event.preventDefault();
      open();
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-ask]'), function (button) {
    button.addEventListener('click', function () {
      ask(button.getAttribute('data-ask'));
    });
  });
  /* Heading for the launcher (pointer, finger or keyboard): start Web Chat now, it is needed in a moment. */
  ['pointerenter', 'pointerdown', 'touchstart', 'focus'].forEach(function (type) {
    launcher.addEventListener(type, function () {
      loadWebChat().catch(function () {});
    }, { passive: true });
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-chat-open], [data-ask]'), function (button) {
    button.addEventListener('pointerenter', function () {
      loadWebChat().catch(function () {});
    }, { passive: true });
  });
  /* Keep the newest token (directlinejs refreshes it) for the next page load. */
  window.addEventListener('pagehide', function () {
    if (directLine && directLine.token) {
      remember({ token: directLine.token });
    }
  });

  setStatus('');
  if (saved().open || location.hash === '#assistant') {
    open();
  } else {
    window.addEventListener('load', function () {
      whenIdle(prefetch, 3000);
    });
  }
})();
