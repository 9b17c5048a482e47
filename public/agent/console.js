// The agent console. Every text comes from the embedded locale JSON; every value from the API goes
// into the page with textContent, never as HTML.
(function () {
    'use strict';

    var TEXTS = JSON.parse(document.getElementById('agent-texts').textContent);
    var LANG = document.documentElement.lang;
    var state = { csrf: null, agent: null, current: null, detail: null, queue: null, events: null, detailSeq: 0, detailShown: 0 };

    function $(id) { return document.getElementById(id); }

    /** A text by dotted key, with {{name}} placeholders filled in. */
    function t(key, args) {
        var value = key.split('.').reduce(function (node, part) { return node && node[part]; }, TEXTS);
        if (typeof value !== 'string') { return key; }
        return value.replace(/\{\{\s*(\w+)\s*\}\}/g, function (_m, name) { return args && args[name] !== undefined ? String(args[name]) : ''; });
    }

    function el(tag, className, text) {
        var node = document.createElement(tag);
        if (className) { node.className = className; }
        if (text !== undefined && text !== null) { node.textContent = String(text); }
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
        state.csrf = null;
        state.agent = null;
        $('console-view').hidden = true;
        $('logout').hidden = true;
        $('whoami').hidden = true;
        $('login-view').hidden = false;
        $('login').focus();
    }

    function showConsole(session) {
        state.csrf = session.csrfToken;
        state.agent = session.agent;
        $('login-view').hidden = true;
        $('console-view').hidden = false;
        $('whoami').textContent = t('signedInAs', { name: session.agent.name });
        $('whoami').hidden = false;
        $('logout').hidden = false;
        connectLive();
        loadQueue();
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
            if (state.current === data.handoffId) { loadDetail(data.handoffId, false); }
        });
        source.addEventListener('delivery', function (event) {
            var data = JSON.parse(event.data);
            // Read again rather than patch: the line may not be on the page yet, and the newest read wins.
            if (state.current === data.handoffId) { loadDetail(data.handoffId, false); }
        });
        source.addEventListener('handoff', function (event) {
            var data = JSON.parse(event.data);
            if (state.current === data.handoffId) { loadDetail(data.handoffId, false); }
        });
    }

    // --- queue --------------------------------------------------------------------------------
    function loadQueue() {
        return api('GET', '/agent/api/queue').then(renderQueue).catch(function () { return null; });
    }

    function langName(lang) { return t('lang.' + lang); }

    function roleText(role) {
        if (!role) { return null; }
        return t('role.' + role.case) + (role.isAdmin ? ', ' + t('role.admin') : '');
    }

    function handoffCard(item, withPosition) {
        var li = el('li');
        if (item.id === state.current) { li.className = 'current'; }
        var meta = [langName(item.lang), item.channel, t('queue.waitingFor', { minutes: item.waitMinutes })];
        if (withPosition) { meta.unshift(t('queue.position', { position: item.position })); }
        li.appendChild(el('div', 'meta', meta.join(' · ')));
        li.appendChild(el('div', 'summary', item.description || t('queue.noDescription')));
        var who = item.verified ? [item.name, item.account, roleText(item.billingRole)].filter(Boolean).join(' · ') : t('queue.notVerified');
        li.appendChild(el('div', 'meta', who));
        var open = el('button', 'secondary', t('queue.open'));
        open.type = 'button';
        open.setAttribute('aria-label', t('queue.open') + ': ' + (item.description || t('queue.noDescription')));
        open.addEventListener('click', function () { loadDetail(item.id, true); });
        li.appendChild(open);
        return li;
    }

    function fillList(list, items, empty, render) {
        list.replaceChildren();
        if (items.length === 0) { list.appendChild(el('li', 'meta', empty)); return; }
        items.forEach(function (item) { list.appendChild(render(item)); });
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
        var close = el('button', 'secondary', t('callback.close'));
        close.type = 'button';
        close.setAttribute('aria-label', t('callback.close') + ': ' + item.reference);
        close.addEventListener('click', function () {
            api('POST', '/agent/api/callbacks/' + item.id + '/close', { note: note.value }).then(loadQueue).catch(showError);
        });
        var row = el('div', 'row');
        row.append(label, note, close);
        li.appendChild(row);
        return li;
    }

    function renderQueue(queue) {
        state.queue = queue;
        fillList($('waiting-list'), queue.waiting, t('queue.empty'), function (item) { return handoffCard(item, true); });
        fillList($('mine-list'), queue.mine, t('queue.mineEmpty'), function (item) { return handoffCard(item, false); });
        fillList($('callback-list'), queue.callbacks, t('queue.callbacksEmpty'), callbackCard);
        var online = queue.agents.filter(function (a) { return a.online; }).map(function (a) { return a.name; });
        $('agents-online').textContent = t('queue.agentsOnline', { names: online.length ? online.join(', ') : t('queue.nobodyOnline') });
        var transfer = $('transfer-to');
        transfer.replaceChildren();
        queue.agents.filter(function (a) { return state.agent && a.login !== state.agent.login; }).forEach(function (a) {
            var option = el('option', null, a.name + ' (' + a.languages.map(langName).join(', ') + ')' + (a.online ? '' : ' – ' + t('queue.signedOut')));
            option.value = a.login;
            // The server refuses a transfer to an agent who is not signed in; the list says so before anyone tries.
            option.disabled = !a.online;
            transfer.appendChild(option);
        });
    }

    // --- one conversation ---------------------------------------------------------------------
    /** The error in the console's language where the code has a text (`errors.<code>`), else the server's message. */
    function showError(err) {
        var known = err.code && TEXTS.errors && typeof TEXTS.errors[err.code] === 'string';
        $('chat-error').textContent = t('chat.error', { message: known ? t('errors.' + err.code) : err.message });
    }

    function loadDetail(id, focus) {
        var seq = ++state.detailSeq;
        return api('GET', '/agent/api/handoffs/' + id)
            .then(function (detail) {
                // An older read that arrives late must not undo a newer one.
                if (seq < state.detailShown) { return; }
                state.detailShown = seq;
                var changed = state.current !== id;
                state.current = id;
                renderDetail(detail, changed);
                if (focus) { $('chat-heading').focus(); }
            })
            .catch(showError);
    }

    function addTerm(dl, term, value) {
        if (value === null || value === undefined || value === '') { return; }
        dl.append(el('dt', null, term), el('dd', null, value));
    }

    function renderContext(detail) {
        var c = detail.context;
        var dl = $('context-card');
        dl.replaceChildren();
        addTerm(dl, t('chat.language'), langName(c.lang));
        addTerm(dl, t('chat.channel'), c.channel);
        addTerm(dl, t('chat.identity'), c.identity ? t('chat.verified', { name: c.identity.name, email: c.identity.email }) : t('queue.notVerified'));
        addTerm(dl, t('chat.account'), c.account ? t('chat.accountValue', { name: c.account.name, id: c.account.id, type: c.account.type }) : null);
        addTerm(dl, t('chat.billingRole'), roleText(c.billingRole));
        addTerm(dl, t('chat.reason'), t('reason.' + c.reason));
        addTerm(dl, t('chat.description'), detail.description);
        var actions = (c.actions || []).map(function (a) { return a.kind + (a.detail ? ' (' + a.detail + ')' : ''); });
        addTerm(dl, t('chat.actions'), actions.length ? actions.join(', ') : t('chat.noActions'));
    }

    function line(className, who, text) {
        var li = el('li', className);
        if (who) { li.appendChild(el('span', 'who', who + ':')); }
        li.appendChild(el('span', 'text', text));
        return li;
    }

    /** How far an agent's message got: sent, delivered, or not delivered with a button to send it again. */
    function deliveryLabel(m) {
        var span = el('span', 'delivery delivery-' + m.delivery);
        span.setAttribute('data-state', m.delivery + ':' + m.attempts);
        var text = m.delivery === 'pending' && m.attempts > 1 ? t('delivery.retrying', { attempts: m.attempts }) : t('delivery.' + m.delivery);
        span.appendChild(el('span', null, text));
        if (m.delivery === 'failed') {
            var retry = el('button', 'secondary', t('delivery.retry'));
            retry.type = 'button';
            retry.setAttribute('aria-label', t('delivery.retryLabel'));
            retry.addEventListener('click', function () {
                retry.disabled = true;
                api('POST', '/agent/api/handoffs/' + state.current + '/messages/' + m.id + '/retry', {})
                    .then(function () { return loadDetail(state.current, false); })
                    .catch(function (err) { retry.disabled = false; showError(err); });
            });
            span.appendChild(retry);
        }
        return span;
    }

    /** Puts the message's current delivery on its line, if it changed (lines already shown stay, for the live region). */
    function showDelivery(m) {
        var li = document.querySelector('#messages li[data-message-id="' + m.id + '"]');
        if (!li || m.sender !== 'agent' || !m.delivery) { return; }
        var old = li.querySelector('.delivery');
        if (old && old.getAttribute('data-state') === m.delivery + ':' + m.attempts) { return; }
        var label = deliveryLabel(m);
        if (old) { old.replaceWith(label); } else { li.appendChild(label); }
    }

    function messageLine(m) {
        var li = messageContent(m);
        li.setAttribute('data-message-id', String(m.id));
        if (m.sender === 'agent' && m.delivery) { li.appendChild(deliveryLabel(m)); }
        return li;
    }

    function messageContent(m) {
        if (m.sender === 'system') {
            var args = m.args || {};
            var text = t('system.' + m.event, { name: args.name, to: args.to, flow: args.flow ? t('flow.' + args.flow) : '' });
            if (args.note) { text += ' ' + t('system.note', { note: args.note }); }
            return line('system', null, m.text || text);
        }
        if (m.sender === 'agent') { return line('agent', state.agent && m.agent === state.agent.name ? t('chat.you') : m.agent, m.text); }
        return line('customer', t('chat.customer'), m.text);
    }

    function renderDetail(detail, changed) {
        state.detail = detail;
        $('chat-none').hidden = true;
        $('chat-body').hidden = false;
        renderContext(detail);
        var history = $('history');
        history.replaceChildren();
        detail.history.forEach(function (h) { history.appendChild(line(h.from, h.from === 'customer' ? t('chat.customer') : t('chat.bot'), h.text)); });
        var list = $('messages');
        var shown = changed ? 0 : list.children.length;
        if (changed) { list.replaceChildren(); }
        // Only new lines are appended, so the live region announces just those.
        detail.messages.slice(shown).forEach(function (m) { list.appendChild(messageLine(m)); });
        detail.messages.slice(0, shown).forEach(showDelivery);
        list.scrollTop = list.scrollHeight;
        var mine = detail.status === 'active' && detail.agent && state.agent && detail.agent.login === state.agent.login;
        $('accept').hidden = detail.status !== 'waiting';
        $('chat-actions').hidden = !mine;
        $('chat-hint').textContent = detail.status === 'waiting' ? t('chat.waitingHint') : detail.status === 'closed' ? t('chat.closedHint') : '';
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
    }

    function act(path, body) {
        $('chat-error').textContent = '';
        return api('POST', '/agent/api/handoffs/' + state.current + path, body).then(function () {
            return Promise.all([loadDetail(state.current, false), loadQueue()]);
        }).catch(showError);
    }

    function setupChat() {
        $('accept').addEventListener('click', function () {
            act('/accept', {}).then(function () { $('message-text').focus(); });
        });
        $('message-form').addEventListener('submit', function (event) {
            event.preventDefault();
            var text = $('message-text').value.trim();
            if (!text) { return; }
            // Cleared only if it still holds what was sent: the agent may already be typing the next message.
            act('/messages', { text: text }).then(function () {
                if ($('message-text').value.trim() === text) { $('message-text').value = ''; }
                $('message-text').focus();
            });
        });
        $('message-text').addEventListener('keydown', function (event) {
            if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('message-form').requestSubmit(); }
        });
        $('insert-canned').addEventListener('click', function () {
            $('message-text').value = $('canned').value;
            $('message-text').focus();
        });
        $('hand-back').addEventListener('click', function () { act('/close', { note: $('close-note').value }).then(function () { $('close-note').value = ''; }); });
        $('hand-to-flow').addEventListener('click', function () { act('/flow', { flow: $('flow').value, note: $('close-note').value }); });
        $('transfer').addEventListener('click', function () { act('/transfer', { to: $('transfer-to').value }); });
    }

    function start() {
        setupLanguage();
        setupLogin();
        setupChat();
        api('GET', '/agent/api/session').then(showConsole).catch(showLogin);
    }

    start();
}());
