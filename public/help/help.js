/*
 * The help page's chat widget. Opens in a corner (full screen on a phone),
 * loads the Web Chat bundle on first use, and talks to the bot through its
 * built-in Direct Line. The conversation id and token are kept in
 * sessionStorage, so a reload (or the language switch) resumes the same
 * conversation: the token is refreshed and Web Chat reconnects with
 * GET conversations/{id}, which replays the stored history.
 */
(function () {
  'use strict';

  var config = JSON.parse(document.getElementById('chat-config').textContent);
  var STORAGE_KEY = 'billingContactAssistant.chat';
  var ONLINE = 2;
  var FAILED_TO_CONNECT = 4;
  var STYLE = {
    accent: '#0b5cab',
    backgroundColor: '#ffffff',
    bubbleBorderRadius: 12,
    bubbleFromUserBorderRadius: 12,
    bubbleFromUserBackground: '#e7f0fb',
    bubbleBackground: '#f3f4f6',
    bubbleBorderWidth: 0,
    bubbleFromUserBorderWidth: 0,
    hideUploadButton: true,
    suggestedActionLayout: 'flow',
    suggestedActionBorderRadius: 16,
    sendBoxBackground: '#ffffff',
    rootHeight: '100%',
    rootWidth: '100%'
  };

  var panel = document.getElementById('chat-panel');
  var launcher = document.getElementById('chat-launcher');
  var badge = document.getElementById('chat-badge');
  var status = document.getElementById('chat-status');
  var host = document.getElementById('webchat');

  var directLine = null;
  var store = null;
  var connecting = null;
  var online = null;

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

  function setStatus(text) {
    status.textContent = text;
    status.hidden = !text;
  }

  function loadWebChat() {
    if (window.WebChat) {
      return Promise.resolve();
    }
    return new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = config.webChatUrl;
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
  }

  function post(url, token) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: token ? { Authorization: 'Bearer ' + token } : {}
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function newConversation() {
    return post(config.tokenUrl).then(function (body) {
      return { token: body.token, conversationId: body.conversationId, resumed: false };
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

  function render(chat) {
    var options = {
      domain: location.origin + config.directLinePath,
      token: chat.token,
      webSocket: config.webSocket,
      conversationStartProperties: { locale: config.locale }
    };
    if (chat.resumed) {
      options.conversationId = chat.conversationId;
    }
    directLine = window.WebChat.createDirectLine(options);
    var markOnline;
    online = new Promise(function (resolve) {
      markOnline = resolve;
    });
    directLine.connectionStatus$.subscribe(function (value) {
      if (value === ONLINE) {
        setStatus('');
        markOnline();
      } else if (value === FAILED_TO_CONNECT && chat.resumed) {
        restart();
      } else if (value === FAILED_TO_CONNECT) {
        setStatus(config.text.failed);
      }
    });
    store = window.WebChat.createStore({}, function () {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY' && panel.hidden) {
            var activity = action.payload.activity;
            if (activity.type === 'message' && activity.from && activity.from.role === 'bot') {
              badge.hidden = false;
              badge.setAttribute('aria-label', config.text.unread);
            }
          }
          return next(action);
        };
      };
    });
    var root = document.createElement('div');
    root.className = 'chat__webchat-root';
    host.replaceChildren(root);
    window.WebChat.renderWebChat({ directLine: directLine, store: store, locale: config.locale, styleOptions: STYLE, sendTypingIndicator: true }, root);
  }

  /* The page now speaks another language than when the conversation began: ask the bot to go on in it (it keeps its language otherwise). */
  function askForPageLanguage(token) {
    var user = JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/'))).user;
    online.then(function () {
      directLine.postActivity({ type: 'event', name: 'setLanguage', value: config.locale.slice(0, 2), from: { id: user } }).subscribe({ error: function () {} });
    });
  }

  function connect() {
    if (!connecting) {
      setStatus(config.text.connecting);
      connecting = Promise.all([loadWebChat(), credentials()])
        .then(function (results) {
          var chat = results[1];
          var previous = saved().locale;
          remember({ conversationId: chat.conversationId, token: chat.token, locale: config.locale });
          render(chat);
          if (chat.resumed && previous && previous !== config.locale) {
            askForPageLanguage(chat.token);
          }
        })
        .catch(function () {
          connecting = null;
          setStatus(config.text.failed);
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
    return connect();
  }

  function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    document.body.classList.add('chat-open');
    badge.hidden = true;
    remember({ open: true });
    return connect();
  }

  function close() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    document.body.classList.remove('chat-open');
    remember({ open: false });
    launcher.focus();
  }

  /* A related topic asked in the chat, once the conversation is online. */
  function ask(text) {
    open().then(function () {
      return online;
    }).then(function () {
      store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: text } });
    });
  }

  launcher.addEventListener('click', function () {
    if (panel.hidden) {
      open();
    } else {
      close();
    }
  });
  document.getElementById('chat-close').addEventListener('click', close);
  document.getElementById('chat-restart').addEventListener('click', restart);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') {
      close();
    }
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-chat-open]'), function (button) {
    button.addEventListener('click', open);
  });
  Array.prototype.forEach.call(document.querySelectorAll('[data-ask]'), function (button) {
    button.addEventListener('click', function () {
      ask(button.getAttribute('data-ask'));
    });
  });
  /* Keep the newest token (directlinejs refreshes it) for the next page load. */
  window.addEventListener('pagehide', function () {
    if (directLine && directLine.token) {
      remember({ token: directLine.token });
    }
  });

  setStatus('');
  if (saved().open) {
    open();
  }
})();
