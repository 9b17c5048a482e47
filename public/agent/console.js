// The agent console. Every text comes from the embedded locale JSON; every value from the API goes
// into the page with textContent, never as HTML.
(function () {
    'use strict';

    var TEXTS = JSON.parse(document.getElementById('agent-texts').textContent);
    var LANG = document.documentElement.lang;
    var TITLE = document.title;
    /** How long "is typing" stays without a new typing signal. */
    var TYPING_MS = 6000;
    var state = {
        csrf: null, agent: null, current: null, detail: null, queue: null, events: null,
        seenWaiting: null, unread: {}, clockOffset: 0, typingTimer: null, audio: null, ticker: null
    };

    function $(id) { return document.getElementById(id); }

    /** A text by dotted key, with {{name}} placeholders filled in. */
    function t(key, args) {
        var value = key.split('.').reduce(function (node, part) { return node && node[part]; }, TEXTS);
        if (typeof value !== 'string') { return key; }
        return value.replace(/\{\{\s*(\w+)\s*\}\}/g, function (_m, name) { return args && args[name] !== undefined ? String(args[name]) : ''; });
    }

    /** A text if the locale has it, else undefined (for codes the server may add later). */
    function known(key, args) {
        var text = t(key, args);
        return text === key ? undefined : text;
    }

    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined && text !== null) { node.textContent = String(text); }
        return node;
    }

    function button(text, className, onClick) {
        var node = el('button', className, text);
        node.type = 'button';
        node.addEventListener('click', onClick);
        return node;
    }

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

    // --- time, in the agent's language and its time format ---------------------------------
    /** The browser's own locale when it is of the console's language (en-US: 12 h, en-GB: 24 h), else the language. */
    var LOCALE = (navigator.languages || [navigator.language]).filter(function (l) { return l && l.toLowerCase().indexOf(LANG) === 0; })[0] || LANG;
    var TIME = new Intl.DateTimeFormat(LOCALE, { hour: 'numeric', minute: '2-digit' });
    var DATE_TIME = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
    var DATE = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });

    function serverNow() { return Date.now() + state.clockOffset; }

    function timeText(at) {
        var date = new Date(at);
        return date.toDateString() === new Date(serverNow()).toDateString() ? TIME.format(date) : DATE_TIME.format(date);
    }

    function timeEl(at) {
        var node = el('time', null, timeText(at));
        node.dateTime = new Date(at).toISOString();
        return node;
    }

    /** 1:05 or 1:02:05 since `since`. */
    function duration(since) {
        var seconds = Math.max(0, Math.floor((serverNow() - since) / 1000));
        var h = Math.floor(seconds / 3600);
        var m = Math.floor((seconds % 3600) / 60);
        var s = seconds % 60;
        var mm = h > 0 && m < 10 ? '0' + m : String(m);
        return (h > 0 ? h + ':' : '') + mm + ':' + (s < 10 ? '0' + s : s);
    }

    /** Every element with `data-since` shows its running time; called each second. */
    function tick() {
        var nodes = document.querySelectorAll('[data-since]');
        for (var i = 0; i < nodes.length; i++) {
            nodes[i].textContent = t(nodes[i].getAttribute('data-text'), { time: duration(Number(nodes[i].getAttribute('data-since'))) });
        }
    }

    function runningTime(className, key, since) {
        var node = el('span', className);
        node.setAttribute('data-since', String(since));
        node.setAttribute('data-text', key);
        node.textContent = t(key, { time: duration(since) });
        return node;
    }

    // --- words for codes ---------------------------------------------------------------------
    function langName(lang) { return t('lang.' + lang); }
    function channelName(channel) { return t('channel.' + channel); }

    function roleText(role) {
        if (!role) { return null; }
        return t('role.' + role.case) + (role.isAdmin ? ', ' + t('role.admin') : '');
    }

    function whoText(item) {
        return item.verified ? item.name : t('queue.unverifiedName');
    }

    // --- language of the console -------------------------------------------------------------
    function setupLanguage() {
        var select = $('ui-lang');
        select.value = LANG;
        var params = new URLSearchParams(location.search);
        var stored = localStorage.getItem('agentConsoleLang');
        if (!params.get('lang') && stored && stored !== LANG) {
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
        ['logout', 'whoami', 'availability-tool', 'sound-tool'].forEach(function (id) { $(id).hidden = true; });
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
        $('availability').value = session.agent.availability || 'available';
        $('sound').checked = localStorage.getItem('agentConsoleSound') === 'on';
        if (!state.ticker) { state.ticker = setInterval(tick, 1000); }
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
                    $('login-error').textContent = err.status === 401 ? t('login.wrong') : err.status === 429 ? t('login.rateLimited') : t('login.failed');
                });
        });
        $('logout').addEventListener('click', function () {
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
    function announce(text) {
        var region = $('announcer');
        // A new text node each time, so a repeated sentence is read again.
        region.textContent = '';
        setTimeout(function () { region.textContent = text; }, 50);
    }

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
        source.onopen = function () { $('live-status').textContent = t('live.connected'); };
        source.onerror = function () { $('live-status').textContent = t('live.disconnected'); };
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
            if (line) { setDelivery(line, { id: Number(data.messageId), delivery: data.delivery, attempts: data.attempts }); }
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
        return api('GET', '/agent/api/queue').then(renderQueue).catch(function () { return null; });
    }

    function handoffCard(item, kind) {
        var li = el('li');
        var current = item.id === state.current;
        if (current) { li.className = 'current'; }
        var meta = [langName(item.lang), channelName(item.channel)];
        if (kind === 'waiting') { meta.unshift(t('queue.position', { position: item.position })); }
        li.appendChild(el('div', 'meta', meta.join(' · ')));
        var who = el('div', 'summary');
        who.appendChild(el('strong', null, whoText(item)));
        var unread = state.unread[item.id];
        if (kind === 'mine' && unread) { who.appendChild(el('span', 'badge', t('queue.unread', { count: unread }))); }
        li.appendChild(who);
        li.appendChild(el('div', 'summary description', item.description || t('queue.noDescription')));
        var facts = [item.account, roleText(item.billingRole)].filter(Boolean).join(' · ');
        if (facts) { li.appendChild(el('div', 'meta', facts)); }
        var row = el('div', 'row');
        if (kind === 'waiting') {
            row.appendChild(runningTime('meta wait', 'queue.waitingFor', item.createdAt));
        } else if (item.acceptedAt) {
            row.appendChild(el('span', 'meta', t('queue.since', { time: timeText(item.acceptedAt) })));
        }
        var open = button(t('queue.open'), 'secondary', function () { loadDetail(item.id, true); });
        open.setAttribute('aria-label', t('queue.openLabel', { name: whoText(item), description: item.description || t('queue.noDescription') }));
        open.setAttribute('data-focus-key', kind + ':' + item.id);
        if (current) { open.setAttribute('aria-current', 'true'); }
        row.appendChild(open);
        li.appendChild(row);
        return li;
    }

    /** Fills a list; typed values and the focus (by `data-focus-key`) survive the new rendering. */
    function fillList(list, items, empty, render) {
        var active = document.activeElement;
        var key = active && list.contains(active) ? active.getAttribute('data-focus-key') : null;
        var typed = {};
        list.querySelectorAll('input[data-focus-key]').forEach(function (input) { typed[input.getAttribute('data-focus-key')] = input.value; });
        list.replaceChildren();
        if (items.length === 0) { list.appendChild(el('li', 'meta', empty)); }
        items.forEach(function (item) { list.appendChild(render(item)); });
        list.querySelectorAll('input[data-focus-key]').forEach(function (input) {
            var value = typed[input.getAttribute('data-focus-key')];
            if (value) { input.value = value; }
        });
        if (key) {
            var again = list.querySelector('[data-focus-key="' + key + '"]');
            (again || $('queue-heading')).focus();
        }
    }

    function callbackCard(item) {
        var li = el('li');
        li.appendChild(el('div', 'meta', [t('callback.reference') + ' ' + item.reference, langName(item.lang), t('reason.' + item.reason)].join(' · ')));
        li.appendChild(el('div', 'summary', item.email));
        if (item.note) { li.appendChild(el('div', 'summary', item.note)); }
        if (item.name) { li.appendChild(el('div', 'meta', [item.name, item.account].filter(Boolean).join(' · '))); }
        var noteId = 'callback-note-' + item.id;
        var label = el('label', null, t('callback.closeNote'));
        label.htmlFor = noteId;
        var note = el('input');
        note.id = noteId;
        note.maxLength = 1000;
        note.setAttribute('data-focus-key', 'callback-note:' + item.id);
        var close = button(t('callback.close'), 'secondary', function () {
            api('POST', '/agent/api/callbacks/' + item.id + '/close', { note: note.value }).then(loadQueue).catch(showError);
        });
        close.setAttribute('aria-label', t('callback.close') + ': ' + item.reference);
        close.setAttribute('data-focus-key', 'callback:' + item.id);
        var row = el('div', 'row');
        row.append(label, note, close);
        li.appendChild(row);
        return li;
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
        if (typeof queue.now === 'number') { state.clockOffset = queue.now - Date.now(); }
        noticeNewWaiting(queue);
        var mineIds = {};
        queue.mine.forEach(function (m) { mineIds[m.id] = true; });
        Object.keys(state.unread).forEach(function (id) { if (!mineIds[id]) { delete state.unread[id]; } });
        updateTitle(queue.waiting.length);
        $('waiting-count').textContent = '(' + queue.waiting.length + ')';
        $('mine-count').textContent = '(' + queue.mine.length + ')';
        fillList($('waiting-list'), queue.waiting, t('queue.empty'), function (item) { return handoffCard(item, 'waiting'); });
        fillList($('mine-list'), queue.mine, t('queue.mineEmpty'), function (item) { return handoffCard(item, 'mine'); });
        fillList($('callback-list'), queue.callbacks, t('queue.callbacksEmpty'), callbackCard);
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
    /** The error in the console's language where the code has a text (`errors.<code>`), else the server's message. */
    function showError(err) {
        var text = err.code && known('errors.' + err.code);
        $('chat-error').textContent = t('chat.error', { message: text || err.message });
    }

    function loadDetail(id, focus) {
        return api('GET', '/agent/api/handoffs/' + encodeURIComponent(id))
            .then(function (detail) {
                var changed = state.current !== id;
                state.current = id;
                delete state.unread[id];
                renderDetail(detail, changed);
                if (focus) { $('chat-heading').focus(); }
            })
            .catch(function (err) {
                // Transferred away, or gone: the conversation leaves the screen instead of an error.
                if ((err.status === 404 || err.status === 409) && state.current === id) {
                    clearChat(t('chat.gone'));
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

    function addTerm(dl, term, value) {
        if (value === null || value === undefined || value === '') { return; }
        dl.append(el('dt', null, term), el('dd', null, value));
    }

    function actionText(a) {
        var what = known('action.' + a.kind) || t('action.other');
        return timeText(a.at) + ' ' + what + (a.reference ? ' (' + a.reference + ')' : '');
    }

    function renderContext(detail) {
        var c = detail.context;
        var dl = $('context-card');
        dl.replaceChildren();
        addTerm(dl, t('chat.name'), c.identity ? c.identity.name : t('chat.notVerifiedLong'));
        if (c.identity) {
            addTerm(dl, t('chat.email'), c.identity.email);
            addTerm(dl, t('chat.verifiedBy'), known('method.' + c.identity.method) || t('method.other'));
        }
        addTerm(dl, t('chat.account'), c.account ? t('chat.accountValue', { name: c.account.name, type: known('accountType.' + c.account.type) || t('accountType.other') }) : null);
        addTerm(dl, t('chat.billingRole'), roleText(c.billingRole));
        addTerm(dl, t('chat.language'), langName(c.lang));
        addTerm(dl, t('chat.channel'), channelName(c.channel));
        addTerm(dl, t('chat.reason'), known('reason.' + c.reason) || t('reason.other'));
        addTerm(dl, t('chat.description'), detail.description || t('queue.noDescription'));
        var actions = (c.actions || []).map(actionText);
        addTerm(dl, t('chat.actions'), actions.length ? actions.join('\n') : t('chat.noActions'));

        var earlier = $('earlier');
        earlier.replaceChildren();
        if (detail.earlier.length === 0) { earlier.appendChild(el('li', 'meta', t('chat.noEarlier'))); }
        detail.earlier.forEach(function (h) {
            var parts = [DATE.format(new Date(h.createdAt)), h.description || t('queue.noDescription')];
            var li = el('li', null, parts.join(' – '));
            var how = [h.agent ? t('chat.earlierAgent', { name: h.agent }) : null, h.closeReason ? known('closed.' + h.closeReason) : null, h.note ? t('system.note', { note: h.note }) : null].filter(Boolean);
            if (how.length) { li.appendChild(el('div', 'meta', how.join(' · '))); }
            earlier.appendChild(li);
        });
        var requests = $('change-requests');
        requests.replaceChildren();
        if (detail.changeRequests.length === 0) { requests.appendChild(el('li', 'meta', t('chat.noChangeRequests'))); }
        detail.changeRequests.forEach(function (r) {
            var li = el('li', null, r.reference + ' – ' + t('chat.changeRequestValue', { account: r.account, contact: r.newContact }));
            li.appendChild(el('div', 'meta', [DATE.format(new Date(r.createdAt)), known('requestStatus.' + r.status) || r.status].join(' · ')));
            requests.appendChild(li);
        });
    }

    function line(className, who, text, at) {
        var li = el('li', className);
        if (at) { li.appendChild(timeEl(at)); }
        if (who) { li.appendChild(el('span', 'who', who + ':')); }
        li.appendChild(el('span', 'text', text));
        return li;
    }

    function systemText(m) {
        var args = m.args || {};
        var text = known('system.' + m.event, { name: args.name, to: args.to, flow: args.flow ? t('flow.' + args.flow) : '' }) || t('system.other');
        if (args.note) { text += ' ' + t('system.note', { note: args.note }); }
        return text;
    }

    /** The state of an agent message on its way to the customer, when the server reports one. */
    function setDelivery(li, m) {
        var old = li.querySelector('.delivery');
        if (old) { old.remove(); }
        if (!m.delivery) { return; }
        var status = el('span', 'delivery ' + m.delivery, t('delivery.' + m.delivery, { attempts: m.attempts || 0 }));
        if (m.delivery === 'failed') {
            var retry = button(t('delivery.retry'), 'secondary', function () {
                retry.disabled = true;
                api('POST', '/agent/api/handoffs/' + encodeURIComponent(state.current) + '/messages/' + m.id + '/retry', {})
                    .then(function () { setDelivery(li, { id: m.id, delivery: 'pending', attempts: m.attempts }); })
                    .catch(function (err) { retry.disabled = false; showError(err); });
            });
            retry.setAttribute('aria-label', t('delivery.retryLabel', { text: m.text || '' }));
            status.appendChild(retry);
        }
        li.appendChild(status);
    }

    function messageLine(m) {
        var li;
        if (m.sender === 'system') {
            li = line('system', null, m.text || systemText(m), m.at);
        } else if (m.sender === 'note') {
            li = line('note', t('chat.noteBy', { name: state.agent && m.agent === state.agent.name ? t('chat.you') : m.agent }), m.text, m.at);
        } else if (m.sender === 'agent') {
            li = line('agent', state.agent && m.agent === state.agent.name ? t('chat.you') : m.agent, m.text, m.at);
            setDelivery(li, m);
        } else {
            li = line('customer', t('chat.customer'), m.text, m.at);
        }
        li.setAttribute('data-id', String(m.id));
        return li;
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
        renderContext(detail);
        var list = $('messages');
        if (changed) {
            var history = $('history');
            history.replaceChildren();
            if (detail.history.length === 0) { history.appendChild(el('li', 'system', t('chat.noHistory'))); }
            detail.history.forEach(function (h) { history.appendChild(line(h.from, h.from === 'customer' ? t('chat.customer') : t('chat.bot'), h.text, h.at)); });
            list.replaceChildren();
            $('typing').textContent = '';
        }
        // New lines are appended (the live region announces just those); known ones only get their delivery state.
        var added = false;
        detail.messages.forEach(function (m) {
            var existing = list.querySelector('li[data-id="' + m.id + '"]');
            if (existing) {
                if (m.sender === 'agent') { setDelivery(existing, m); }
                return;
            }
            list.appendChild(messageLine(m));
            added = true;
            if (m.sender === 'customer') { $('typing').textContent = ''; }
        });
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

    function closedHint(detail) {
        return detail.closeReason === 'customer-ended' ? t('chat.customerLeftHint') : t('chat.closedHint');
    }

    function act(path, body) {
        $('chat-error').textContent = '';
        var id = state.current;
        return api('POST', '/agent/api/handoffs/' + encodeURIComponent(id) + path, body).then(function (result) {
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

    function setMode() {
        var note = mode() === 'note';
        $('message-form').classList.toggle('note-mode', note);
        $('message-label').textContent = note ? t('chat.noteText') : t('chat.message');
        $('send').textContent = note ? t('chat.saveNote') : t('chat.send');
    }

    function setupChat() {
        $('accept').addEventListener('click', function () {
            act('/accept', {}).then(function () { $('message-text').focus(); }).catch(showError);
        });
        $('mode-reply').addEventListener('change', setMode);
        $('mode-note').addEventListener('change', setMode);
        $('message-form').addEventListener('submit', function (event) {
            event.preventDefault();
            var text = $('message-text').value.trim();
            if (!text) { return; }
            act(mode() === 'note' ? '/notes' : '/messages', { text: text })
                .then(function () { $('message-text').value = ''; $('message-text').focus(); })
                .catch(showError);
        });
        $('message-text').addEventListener('keydown', function (event) {
            if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('message-form').requestSubmit(); }
        });
        $('insert-canned').addEventListener('click', function () {
            $('mode-reply').checked = true;
            setMode();
            $('message-text').value = $('canned').value;
            $('message-text').focus();
        });
        $('hand-back').addEventListener('click', function () {
            act('/close', { note: $('close-note').value }).then(function () { $('close-note').value = ''; afterEnd('chat.handedBackDone'); }).catch(showError);
        });
        $('hand-to-flow').addEventListener('click', function () {
            act('/flow', { flow: $('flow').value, note: $('close-note').value }).then(function () { $('close-note').value = ''; afterEnd('chat.handedToFlowDone'); }).catch(showError);
        });
        $('transfer').addEventListener('click', function () {
            act('/transfer', { to: $('transfer-to').value }).then(function () { afterEnd('chat.transferredDone'); }).catch(showError);
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
