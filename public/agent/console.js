// The agent console: sign-in, status, the live channel, the queue and the actions on one conversation
// (helpers in deskKit.js, cards in deskCards.js). Every text comes from the embedded locale JSON; every
// value from the API goes into the page with textContent, never as HTML.
(function () {
    'use strict';

    var K = window.AgentDeskKit;
    var C = window.AgentDeskCards;
    var $ = K.$, t = K.t, known = K.known, el = K.el, announce = K.announce, timeText = K.timeText;
    var runningTime = K.runningTime, langName = K.langName, whoText = K.whoText;
    var TITLE = document.title;
    /** How long "is typing" stays without a new typing signal. */
    var TYPING_MS = 6000;
    // How long a message on its way waits for its live event before the transcript is read again.
    var DELIVERY_CHECK_MS = 3000;
    // How long the console waits before it opens a live stream again that the server refused or ended.
    var LIVE_RETRY_MS = 3000;
    var state = {
        csrf: null, agent: null, current: null, detail: null, queue: null, events: null,
        seenWaiting: null, unread: {}, typingTimer: null, audio: null, ticker: null,
        detailSeq: 0, detailShown: 0, deliveryCheck: null, liveWasDown: false
    };

    function api(method, path, body) {
        var headers = { 'Accept': 'application/json' };
        if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
        if (method !== 'GET' && state.csrf) { headers['X-CSRF-Token'] = state.csrf; }
        return fetch(path, { method: method, headers: headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body) })
            .then(function (res) {
                return res.json().catch(function () { return {}; }).then(function (data) {
                    if (res.status === 401 && path !== '/agent/api/login') { showLogin(); }
                    if (!res.ok) {
                        var error = new Error((data.error && data.error.message) || String(res.status));
                        error.status = res.status;
                        error.code = data.error && data.error.code;
                        throw error;
                    }
                    return data;
                });
            });
    }

    // --- language of the console -------------------------------------------------------------
    function setupLanguage() {
        var select = $('ui-lang');
        select.value = K.LANG;
        var params = new URLSearchParams(location.search);
        var stored = localStorage.getItem('agentConsoleLang');
        if (!params.get('lang') && stored && stored !== K.LANG) {
            location.replace('/agent?lang=' + encodeURIComponent(stored));
            return;
        }
        select.addEventListener('change', function () {
            localStorage.setItem('agentConsoleLang', select.value);
            location.assign('/agent?lang=' + encodeURIComponent(select.value));
        });
    }

    // --- sign-in ------------------------------------------------------------------------------
    function showLogin() {
        if (state.events) { state.events.close(); state.events = null; }
        if (state.ticker) { clearInterval(state.ticker); state.ticker = null; }
        state.csrf = null;
        state.agent = null;
        state.current = null;
        state.seenWaiting = null;
        document.title = TITLE;
        $('console-view').hidden = true;
        ['logout', 'whoami', 'availability-tool', 'sound-tool', 'insights-link'].forEach(function (id) { $(id).hidden = true; });
        $('login-view').hidden = false;
        $('login').focus();
    }

    function showConsole(session) {
        state.csrf = session.csrfToken;
        state.agent = session.agent;
        $('login-view').hidden = true;
        $('console-view').hidden = false;
        $('whoami').textContent = t('signedInAs', { name: session.agent.name });
        ['logout', 'whoami', 'availability-tool', 'sound-tool'].forEach(function (id) { $(id).hidden = false; });
        $('insights-link').hidden = !session.agent.supervisor;
        $('availability').value = session.agent.availability || 'available';
        $('sound').checked = localStorage.getItem('agentConsoleSound') === 'on';
        if (!state.ticker) { state.ticker = setInterval(K.tick, 1000); }
        connectLive();
        return loadQueue();
    }

    function setupLogin() {
        $('login-form').addEventListener('submit', function (event) {
            event.preventDefault();
            $('login-error').textContent = '';
            api('POST', '/agent/api/login', { login: $('login').value, password: $('password').value })
                .then(function (session) {
                    $('password').value = '';
                    showConsole(session);
                    $('queue-heading').focus();
                })
                .catch(function (err) {
                    $('login-error').textContent = err.status === 401 ? t('login.wrong') : err.status === 429 ? t(err.code === 'Busy' ? 'login.busy' : 'login.rateLimited') : t('login.failed');
                });
        });
        $('logout').addEventListener('click', function () {
            // Open chats go back to the queue (or the bot) at once on sign-out: the agent decides that knowingly.
            var open = state.queue ? state.queue.mine.length : 0;
            if (open > 0 && !window.confirm(t('logoutConfirm', { count: open }))) { return; }
            api('POST', '/agent/api/logout', {}).catch(function () { return null; }).then(showLogin);
        });
        $('availability').addEventListener('change', function () {
            var select = $('availability');
            var wanted = select.value;
            api('POST', '/agent/api/availability', { availability: wanted })
                .then(function (res) {
                    state.agent.availability = res.availability;
                    announce(t('availability.now.' + res.availability));
                })
                .catch(function () {
                    select.value = state.agent.availability || 'available';
                    announce(t('availability.failed'));
                });
        });
        $('sound').addEventListener('change', function () {
            localStorage.setItem('agentConsoleSound', $('sound').checked ? 'on' : 'off');
            if ($('sound').checked) { beep(); }
        });
    }

    // --- announcements ------------------------------------------------------------------------
    function beep() {
        var Context = window.AudioContext || window.webkitAudioContext;
        if (!Context) { return; }
        try {
            state.audio = state.audio || new Context();
            var ctx = state.audio;
            var osc = ctx.createOscillator();
            var gain = ctx.createGain();
            osc.frequency.value = 880;
            gain.gain.value = 0.08;
            osc.connect(gain);
            gain.connect(ctx.destination);
            osc.start();
            osc.stop(ctx.currentTime + 0.18);
        } catch (e) {
            // No sound is no reason to stop the console.
        }
    }

    function updateTitle(waiting) {
        document.title = waiting > 0 ? t('tabTitle', { count: waiting, title: TITLE }) : TITLE;
    }

    // --- live updates -------------------------------------------------------------------------
    function connectLive() {
        if (state.events) { state.events.close(); }
        var source = new EventSource('/agent/api/events');
        state.events = source;
        source.onopen = function () {
            $('live-status').textContent = t('live.connected');
            // Back after a break: what happened meanwhile came as events nobody heard, so read it again.
            if (state.liveWasDown) {
                state.liveWasDown = false;
                loadQueue();
                if (state.current) { loadDetail(state.current, false); }
            }
        };
        source.onerror = function () {
            $('live-status').textContent = t('live.disconnected');
            state.liveWasDown = true;
            // The browser retries by itself unless the server refused the stream; then the console tries again.
            if (source.readyState === EventSource.CLOSED) {
                setTimeout(function () {
                    if (state.events === source && state.agent) { connectLive(); }
                }, LIVE_RETRY_MS);
            }
        };
        source.addEventListener('queue', function () { loadQueue(); });
        source.addEventListener('message', function (event) {
            var data = JSON.parse(event.data);
            if (state.current === data.handoffId) {
                loadDetail(data.handoffId, false);
            } else if (isMine(data.handoffId)) {
                state.unread[data.handoffId] = (state.unread[data.handoffId] || 0) + 1;
                var item = mineItem(data.handoffId);
                announce(t('queue.newMessage', { name: item ? whoText(item) : '' }));
                if (state.queue) { renderQueue(state.queue); }
            }
        });
        source.addEventListener('handoff', function (event) {
            var data = JSON.parse(event.data);
            if (state.current === data.handoffId) { loadDetail(data.handoffId, false); }
        });
        source.addEventListener('typing', function (event) {
            var data = JSON.parse(event.data);
            if (state.current === data.handoffId) { showTyping(); }
        });
        source.addEventListener('delivery', function (event) {
            var data = JSON.parse(event.data);
            if (state.current !== data.handoffId) { return; }
            var line = document.querySelector('#messages li[data-id="' + Number(data.messageId) + '"]');
            // The state can change before the page has the line (a fast failure while the send is still answering):
            // then the transcript is read again, which carries the newest state.
            if (!line) { loadDetail(data.handoffId, false); return; }
            C.setDelivery(line, { id: Number(data.messageId), text: line.querySelector('.text').textContent, delivery: data.delivery, attempts: data.attempts }, retryMessage);
        });
    }

    function showTyping() {
        $('typing').textContent = t('chat.typing');
        clearTimeout(state.typingTimer);
        state.typingTimer = setTimeout(function () { $('typing').textContent = ''; }, TYPING_MS);
    }

    function isMine(id) {
        return !!mineItem(id);
    }

    function mineItem(id) {
        return state.queue && state.queue.mine.filter(function (m) { return m.id === id; })[0];
    }

    // --- queue --------------------------------------------------------------------------------
    function loadQueue() {
        return api('GET', '/agent/api/queue').then(function (queue) {
            // Only a queue just read tells the server's time; renderQueue also runs again with the one held.
            if (typeof queue.now === 'number') { K.setClockOffset(queue.now - Date.now()); }
            renderQueue(queue);
            // The waiting person on screen was taken by someone else, or left: show what became of it.
            var shown = state.detail;
            if (shown && shown.status === 'waiting' && !queue.waiting.some(function (w) { return w.id === shown.id; })) {
                loadDetail(shown.id, false);
            }
        }).catch(function () { return null; });
    }

    function closeCallback(item, note) {
        api('POST', '/agent/api/callbacks/' + item.id + '/close', { note: note }).then(loadQueue).catch(showError);
    }

    /** New people in the queue are announced (and rung, if the agent wants); the first load only counts them. */
    function noticeNewWaiting(queue) {
        var ids = queue.waiting.map(function (w) { return w.id; });
        if (state.seenWaiting) {
            var fresh = queue.waiting.filter(function (w) { return !state.seenWaiting[w.id]; });
            if (fresh.length > 0) {
                var w = fresh[fresh.length - 1];
                announce(t('queue.announceNew', { name: whoText(w), language: langName(w.lang), description: w.description || t('queue.noDescription'), count: queue.waiting.length }));
                if ($('sound').checked && state.agent && state.agent.availability !== 'away') { beep(); }
            }
        }
        state.seenWaiting = {};
        ids.forEach(function (id) { state.seenWaiting[id] = true; });
    }

    function renderQueue(queue) {
        state.queue = queue;
        noticeNewWaiting(queue);
        var mineIds = {};
        queue.mine.forEach(function (m) { mineIds[m.id] = true; });
        Object.keys(state.unread).forEach(function (id) { if (!mineIds[id]) { delete state.unread[id]; } });
        updateTitle(queue.waiting.length);
        $('waiting-count').textContent = '(' + queue.waiting.length + ')';
        $('mine-count').textContent = '(' + queue.mine.length + ')';
        var view = { current: state.current, unread: state.unread, open: function (id) { loadDetail(id, true); } };
        C.fillList($('waiting-list'), queue.waiting, t('queue.empty'), function (item) { return C.handoffCard(item, 'waiting', view); });
        C.fillList($('mine-list'), queue.mine, t('queue.mineEmpty'), function (item) { return C.handoffCard(item, 'mine', view); });
        C.fillList($('callback-list'), queue.callbacks, t('queue.callbacksEmpty'), function (item) { return C.callbackCard(item, closeCallback); });
        var online = queue.agents.filter(function (a) { return a.online; }).map(function (a) {
            return a.availability === 'away' ? t('queue.agentAway', { name: a.name }) : a.name;
        });
        $('agents-online').textContent = t('queue.agentsOnline', { names: online.length ? online.join(', ') : t('queue.nobodyOnline') });
        var transfer = $('transfer-to');
        var chosen = transfer.value;
        transfer.replaceChildren();
        queue.agents.filter(function (a) { return state.agent && a.login !== state.agent.login; }).forEach(function (a) {
            var status = !a.online ? ' – ' + t('queue.signedOut') : a.availability === 'away' ? ' – ' + t('availability.away') : '';
            var option = el('option', null, a.name + ' (' + a.languages.map(langName).join(', ') + ')' + status);
            option.value = a.login;
            // The server refuses a transfer to an agent who is signed out or away; the list says so before anyone tries.
            option.disabled = !a.online || a.availability === 'away';
            transfer.appendChild(option);
        });
        if (chosen) { transfer.value = chosen; }
    }

    // --- one conversation ---------------------------------------------------------------------
    /** The error in the console's language: the text of its code (`errors.<code>`), else a general one; never the server's own words. */
    function showError(err) {
        var text = err && err.code && known('errors.' + err.code);
        $('chat-error').textContent = t('chat.error', { message: text || t('errors.other') });
    }

    function loadDetail(id, focus) {
        // Answers can arrive out of order; one older than an answer already shown would put back stale states.
        var seq = ++state.detailSeq;
        return api('GET', '/agent/api/handoffs/' + encodeURIComponent(id))
            .then(function (detail) {
                if (seq < state.detailShown) { return; }
                state.detailShown = seq;
                var changed = state.current !== id;
                state.current = id;
                delete state.unread[id];
                // Another conversation starts in reply mode: a note meant for one customer's file never becomes the next one's default.
                if (changed) { replyMode(); }
                renderDetail(detail, changed);
                if (focus) { $('chat-heading').focus(); }
            })
            .catch(function (err) {
                // Transferred away, or gone: the conversation leaves the screen instead of an error; one no longer
                // on screen (a late answer after the agent's own transfer or hand-back) is simply dropped.
                if (err.status === 404 || err.status === 409) {
                    // One the agent only looked at while it waited was taken by someone else; it never was theirs.
                    var onlyLooked = state.detail && state.detail.id === id && state.detail.status === 'waiting';
                    if (state.current === id) { clearChat(t(onlyLooked && err.status === 409 ? 'chat.takenByOther' : 'chat.gone')); }
                    return;
                }
                showError(err);
            });
    }

    function clearChat(hint) {
        state.current = null;
        state.detail = null;
        $('chat-heading').textContent = t('chat.heading');
        $('chat-sub').textContent = '';
        $('chat-none').hidden = false;
        $('side-none').hidden = false;
        $('transcript').hidden = true;
        $('side-body').hidden = true;
        $('accept').hidden = true;
        $('message-form').hidden = true;
        $('typing').textContent = '';
        $('chat-hint').textContent = hint || '';
        if (state.queue) { renderQueue(state.queue); }
    }

    function chatHeading(detail) {
        return detail.verified ? t('chat.headingWith', { name: detail.name }) : t('chat.headingUnverified');
    }

    function renderSub(detail) {
        var sub = $('chat-sub');
        sub.replaceChildren();
        if (detail.status === 'waiting') {
            sub.appendChild(runningTime('wait', 'chat.waitingFor', detail.createdAt));
        } else if (detail.status === 'active') {
            sub.textContent = detail.agent && state.agent && detail.agent.login === state.agent.login
                ? t('chat.activeMine', { time: timeText(detail.acceptedAt) })
                : t('chat.activeWith', { name: detail.agent ? detail.agent.name : '' });
        } else {
            sub.textContent = known('closed.' + detail.closeReason) || t('chat.closedHint');
        }
        if (detail.status !== 'closed' && detail.customerAwayAt) {
            var away = el('span', 'away', t('chat.pageClosed', { time: timeText(detail.customerAwayAt) }));
            if (detail.status === 'active') { sub.replaceChildren(away); } else { sub.append(' · ', away); }
        }
    }

    function renderDetail(detail, changed) {
        var before = state.detail;
        if (!changed && before && before.status !== 'closed' && detail.status === 'closed' && detail.closeReason === 'customer-ended') {
            announce(t('chat.customerLeftHint'));
        }
        state.detail = detail;
        var pane = $('transcript');
        var atEnd = pane.scrollHeight - pane.scrollTop - pane.clientHeight < 40;
        $('chat-none').hidden = true;
        $('side-none').hidden = true;
        pane.hidden = false;
        $('side-body').hidden = false;
        $('chat-heading').textContent = chatHeading(detail);
        renderSub(detail);
        C.renderContext(detail);
        var list = $('messages');
        if (changed) {
            var history = $('history');
            history.replaceChildren();
            if (detail.history.length === 0) { history.appendChild(el('li', 'system', t('chat.noHistory'))); }
            detail.history.forEach(function (h) { history.appendChild(C.line(h.from, h.from === 'customer' ? t('chat.customer') : t('chat.bot'), h.text, h.at)); });
            list.replaceChildren();
            $('typing').textContent = '';
        }
        // New lines are appended (the live region announces just those); known ones only get their delivery state.
        var added = false;
        var underway = false;
        detail.messages.forEach(function (m) {
            var existing = list.querySelector('li[data-id="' + m.id + '"]');
            if (m.sender === 'agent' && m.delivery === 'pending') { underway = true; }
            if (existing) {
                if (m.sender === 'agent') { C.setDelivery(existing, m, retryMessage); }
                return;
            }
            list.appendChild(C.messageLine(m, { me: state.agent ? state.agent.name : null, retry: retryMessage }));
            added = true;
            if (m.sender === 'customer') { $('typing').textContent = ''; }
        });
        // A message still on its way is looked at again after a while: should the live event about it be
        // lost (the stream reconnecting), the agent still sees it delivered or failed, with Retry.
        clearTimeout(state.deliveryCheck);
        if (underway) {
            state.deliveryCheck = setTimeout(function () {
                if (state.current === detail.id) { loadDetail(detail.id, false); }
            }, DELIVERY_CHECK_MS);
        }
        var mine = detail.status === 'active' && detail.agent && state.agent && detail.agent.login === state.agent.login;
        $('accept').hidden = detail.status !== 'waiting';
        $('message-form').hidden = !mine;
        $('chat-actions').hidden = !mine;
        $('chat-hint').textContent = detail.status === 'waiting' ? t('chat.waitingHint') : detail.status === 'closed' ? closedHint(detail) : '';
        if (changed) {
            $('chat-error').textContent = '';
            var canned = $('canned');
            canned.replaceChildren();
            detail.canned.forEach(function (c) {
                var option = el('option', null, t('canned.' + c.key));
                option.value = c.text;
                canned.appendChild(option);
            });
            var flow = $('flow');
            flow.replaceChildren();
            detail.flows.forEach(function (f) {
                var option = el('option', null, t('flow.' + f));
                option.value = f;
                flow.appendChild(option);
            });
        }
        if (state.queue) { renderQueue(state.queue); }
        // Last, once the pane has its final size: the transcript opens at its newest line, and follows new
        // lines unless the agent scrolled up to read.
        if (changed || (added && atEnd)) { pane.scrollTop = pane.scrollHeight; }
    }

    /** Sends a failed agent message again (the server's retry route); errors are shown and passed on. */
    function retryMessage(m) {
        return api('POST', '/agent/api/handoffs/' + encodeURIComponent(state.current) + '/messages/' + m.id + '/retry', {})
            .catch(function (err) { showError(err); throw err; });
    }

    function closedHint(detail) {
        return detail.closeReason === 'customer-ended' ? t('chat.customerLeftHint') : t('chat.closedHint');
    }

    /**
     * An action on the open conversation; `done` runs as soon as the server took it, before the page reloads.
     * With `leftHint` the conversation leaves the agent's hands (a transfer): it leaves the screen with that line.
     */
    function act(path, body, done, leftHint) {
        $('chat-error').textContent = '';
        var id = state.current;
        return api('POST', '/agent/api/handoffs/' + encodeURIComponent(id) + path, body).then(function (result) {
            if (done) { done(result); }
            if (leftHint) {
                if (state.current === id || state.current === null) { clearChat(leftHint); }
                return loadQueue().then(function () { return result; });
            }
            return Promise.all([loadDetail(id, false), loadQueue()]).then(function () { return result; });
        });
    }

    /** After the conversation left the agent's hands: say so, and go where the next work is. */
    function afterEnd(textKey) {
        announce(t(textKey));
        $('queue-heading').focus();
    }

    function mode() {
        return $('mode-note').checked ? 'note' : 'reply';
    }

    function replyMode() {
        $('mode-reply').checked = true;
        setMode();
    }

    function setMode() {
        var note = mode() === 'note';
        $('message-form').classList.toggle('note-mode', note);
        $('message-label').textContent = note ? t('chat.noteText') : t('chat.message');
        $('send').textContent = note ? t('chat.saveNote') : t('chat.send');
        updateCount();
    }

    /** The most a reply (or a note) may hold; the server refuses more, so the box never cuts it silently. */
    function maxLength() {
        return Number($('message-text').getAttribute(mode() === 'note' ? 'data-note-max' : 'data-reply-max'));
    }

    /** How much is left, shown from 80 % of the limit on; over it, by how much, and the text is marked invalid. Returns the excess. */
    function updateCount() {
        var box = $('message-text');
        var max = maxLength();
        var length = box.value.trim().length;
        var over = length - max;
        $('message-count').textContent = over > 0 ? t('chat.tooLong', { over: over, max: max }) : length >= max * 0.8 ? t('chat.charsLeft', { left: max - length, max: max }) : '';
        $('message-count').classList.toggle('error', over > 0);
        if (over > 0) { box.setAttribute('aria-invalid', 'true'); } else { box.removeAttribute('aria-invalid'); }
        return over;
    }

    function setupChat() {
        // One request at a time: a double click takes the conversation once, without a second answer to show.
        var accepting = false;
        $('accept').addEventListener('click', function () {
            if (accepting) { return; }
            accepting = true;
            act('/accept', {}).then(function () { $('message-text').focus(); }).catch(showError).then(function () { accepting = false; });
        });
        $('mode-reply').addEventListener('change', setMode);
        $('mode-note').addEventListener('change', setMode);
        $('message-form').addEventListener('submit', function (event) {
            event.preventDefault();
            var text = $('message-text').value.trim();
            var box = $('message-text');
            if (!text) {
                $('chat-error').textContent = t(mode() === 'note' ? 'chat.emptyNote' : 'chat.emptyMessage');
                box.focus();
                return;
            }
            var over = updateCount();
            if (over > 0) {
                $('chat-error').textContent = t('chat.error', { message: t('chat.tooLong', { over: over, max: maxLength() }) });
                box.focus();
                return;
            }
            // Emptied once the server has the text (not after the reload), so nothing typed meanwhile is lost.
            var wasNote = mode() === 'note';
            act(wasNote ? '/notes' : '/messages', { text: text }, function () {
                if (box.value.trim() === text) { box.value = ''; updateCount(); }
                // A note is one entry: the next line goes to the customer again unless the agent picks Note anew.
                if (wasNote) { replyMode(); announce(t('chat.noteSaved')); }
                box.focus();
            }).catch(showError);
        });
        $('message-text').addEventListener('input', updateCount);
        $('message-text').addEventListener('keydown', function (event) {
            if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('message-form').requestSubmit(); }
        });
        $('insert-canned').addEventListener('click', function () {
            $('mode-reply').checked = true;
            setMode();
            $('message-text').value = $('canned').value;
            updateCount();
            $('message-text').focus();
        });
        $('hand-back').addEventListener('click', function () {
            act('/close', { note: $('close-note').value }).then(function () { $('close-note').value = ''; afterEnd('chat.handedBackDone'); }).catch(showError);
        });
        $('hand-to-flow').addEventListener('click', function () {
            act('/flow', { flow: $('flow').value, note: $('close-note').value }).then(function () { $('close-note').value = ''; afterEnd('chat.handedToFlowDone'); }).catch(showError);
        });
        $('transfer').addEventListener('click', function () {
            act('/transfer', { to: $('transfer-to').value }, null, t('chat.transferredDone')).then(function () { afterEnd('chat.transferredDone'); }).catch(showError);
        });
    }

    function start() {
        setupLanguage();
        setupLogin();
        setupChat();
        setMode();
        api('GET', '/agent/api/session').then(showConsole).catch(showLogin);
    }

    start();
}());
