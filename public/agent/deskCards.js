// The agent console's cards: the context card in words with the person's earlier conversations and change
// requests, the lines of the transcript (with the delivery state of agent lines), and the queue's cards.
(function () {
    'use strict';

    var K = window.AgentDeskKit;
    var $ = K.$, t = K.t, known = K.known, el = K.el, button = K.button, timeText = K.timeText, timeEl = K.timeEl;
    var langName = K.langName, channelName = K.channelName, roleText = K.roleText, whoText = K.whoText, runningTime = K.runningTime, DATE = K.DATE;

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

    /** A transcript line; `formatted`: the text is an agent's markdown, shown as the customer sees it. */
    function line(className, who, text, at, formatted) {
        var li = el('li', className);
        if (at) { li.appendChild(timeEl(at)); }
        if (who) { li.appendChild(el('span', 'who', who + ':')); }
        li.appendChild(formatted ? K.markdown(text) : el('span', 'text', text));
        return li;
    }

    function systemText(m) {
        var args = m.args || {};
        var text = known('system.' + m.event, { name: args.name, to: args.to, flow: args.flow ? t('flow.' + args.flow) : '' }) || t('system.other');
        if (args.note) { text += ' ' + t('system.note', { note: args.note }); }
        return text;
    }

    /**
     * The state of an agent message on its way to the customer, when the server reports one; a failed one
     * gets a button that calls `retry(m)` (a promise) and shows the message as sent again once it resolves.
     */
    function setDelivery(li, m, retry) {
        var old = li.querySelector('.delivery');
        if (old) { old.remove(); }
        if (!m.delivery) { return; }
        var status = el('span', 'delivery ' + m.delivery, t('delivery.' + m.delivery, { attempts: m.attempts || 0 }));
        if (m.delivery === 'failed') {
            var again = button(t('delivery.retry'), 'secondary', function () {
                again.disabled = true;
                retry(m)
                    .then(function () {
                        // A live event may already have said "delivered": only a line still shown as failed goes back to "sent".
                        if (li.querySelector('.delivery.failed')) { setDelivery(li, { id: m.id, text: m.text, delivery: 'pending', attempts: m.attempts }, retry); }
                    })
                    .catch(function () { again.disabled = false; });
            });
            again.setAttribute('aria-label', t('delivery.retryLabel', { text: m.text || '' }));
            status.appendChild(again);
        }
        li.appendChild(status);
    }

    /** One line of the live exchange; `view.me` is the signed-in agent's name, `view.retry` sends a failed message again. */
    function messageLine(m, view) {
        var li;
        var who = m.agent === view.me ? t('chat.you') : m.agent;
        if (m.sender === 'system') {
            li = line('system', null, m.text || systemText(m), m.at);
        } else if (m.sender === 'note') {
            li = line('note', m.agent === view.me ? t('chat.noteByYou') : t('chat.noteBy', { name: m.agent }), m.text, m.at);
        } else if (m.sender === 'agent') {
            li = line('agent', who, m.text, m.at, true);
            setDelivery(li, m, view.retry);
        } else {
            li = line('customer', t('chat.customer'), m.text, m.at);
        }
        li.setAttribute('data-id', String(m.id));
        return li;
    }

    /** A card of the queue or of the agent's own chats; `view`: `current` id, `unread` counts, `open(id)`. */
    function handoffCard(item, kind, view) {
        var li = el('li');
        var current = item.id === view.current;
        if (current) { li.className = 'current'; }
        var meta = [langName(item.lang), channelName(item.channel)];
        if (kind === 'waiting') { meta.unshift(t('queue.position', { position: item.position })); }
        li.appendChild(el('div', 'meta', meta.join(' · ')));
        var who = el('div', 'summary');
        who.appendChild(el('strong', null, whoText(item)));
        var unread = view.unread[item.id];
        if (kind === 'mine' && unread) { who.appendChild(el('span', 'badge', t('queue.unread', { count: unread }))); }
        if (item.customerAwayAt) {
            li.classList.add('away');
            who.appendChild(el('span', 'badge away', t('queue.pageClosed', { time: timeText(item.customerAwayAt) })));
        }
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
        var open = button(t('queue.open'), 'secondary', function () { view.open(item.id); });
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

    /** A callback request with its close button; `close(item, note)` does it. */
    function callbackCard(item, close) {
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
        var done = button(t('callback.close'), 'secondary', function () { close(item, note.value); });
        done.setAttribute('aria-label', t('callback.close') + ': ' + item.reference);
        done.setAttribute('data-focus-key', 'callback:' + item.id);
        var row = el('div', 'row');
        row.append(label, note, done);
        li.appendChild(row);
        return li;
    }

    window.AgentDeskCards = { renderContext: renderContext, line: line, messageLine: messageLine, setDelivery: setDelivery, handoffCard: handoffCard, callbackCard: callbackCard, fillList: fillList };
}());
