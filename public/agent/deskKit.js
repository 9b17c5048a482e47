// Helpers of the agent console: texts from the embedded locale, safe elements (text only, never HTML),
// times in the agent's language and clock, and words for the codes the API sends.
(function () {
    'use strict';

    var TEXTS = JSON.parse(document.getElementById('agent-texts').textContent);
    var LANG = document.documentElement.lang;
    // `shown`: the latest server time shown, so running times never go back when the offset is corrected.
    var clock = { offset: 0, shown: 0 };

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

    // --- time, in the agent's language and its time format ---------------------------------
    /** The browser's own locale when it is of the console's language (en-US: 12 h, en-GB: 24 h), else the language. */
    var LOCALE = (navigator.languages || [navigator.language]).filter(function (l) { return l && l.toLowerCase().indexOf(LANG) === 0; })[0] || LANG;
    var TIME = new Intl.DateTimeFormat(LOCALE, { hour: 'numeric', minute: '2-digit' });
    var DATE_TIME = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
    var DATE = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'short', year: 'numeric' });

    function serverNow() {
        clock.shown = Math.max(clock.shown, Date.now() + clock.offset);
        return clock.shown;
    }

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

    var LINK = /\[([^\]\n]+)\]\(((?:https?:\/\/|mailto:)[^\s()<>"']+)\)|\bhttps?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\u201c\u201d]/g;
    var LISTS = [{ tag: 'ul', item: /^\s*[-*\u2022] / }, { tag: 'ol', item: /^\s*\d+[.)] / }];

    /** One line of markdown into `parent`: **bold** and links as elements, everything else as text. */
    function inline(parent, line) {
        line.split(/\*\*(.+?)\*\*/).forEach(function (part, index) {
            var target = index % 2 === 1 ? parent.appendChild(el('strong')) : parent;
            var at = 0;
            part.replace(LINK, function (match, label, href, offset) {
                target.appendChild(document.createTextNode(part.slice(at, offset)));
                var a = el('a', null, label || match);
                a.href = href || match;
                a.target = '_blank';
                a.rel = 'noopener noreferrer';
                target.appendChild(a);
                at = offset + match.length;
                return match;
            });
            target.appendChild(document.createTextNode(part.slice(at)));
        });
    }

    /**
     * What an agent wrote, as the customer's Web Chat shows it: paragraphs, "- " and "1. " lists, **bold** and
     * links; built from elements and text nodes, so HTML in the text stays text.
     */
    function markdown(text) {
        var root = el('div', 'text md');
        String(text || '').replace(/\r\n?/g, '\n').split(/\n{2,}/).forEach(function (block) {
            var lines = block.split('\n');
            var list = LISTS.filter(function (kind) { return lines.every(function (line) { return kind.item.test(line); }); })[0];
            if (list) {
                var items = root.appendChild(el(list.tag));
                lines.forEach(function (line) { inline(items.appendChild(el('li')), line.replace(list.item, '')); });
                return;
            }
            var p = root.appendChild(el('p'));
            lines.forEach(function (line, index) {
                if (index > 0) { p.appendChild(el('br')); }
                inline(p, line);
            });
        });
        return root;
    }

    function announce(text) {
        var region = $('announcer');
        // A new text node each time, so a repeated sentence is read again.
        region.textContent = '';
        setTimeout(function () { region.textContent = text; }, 50);
    }

    window.AgentDeskKit = {
        LANG: LANG,
        LOCALE: LOCALE,
        TEXTS: TEXTS,
        DATE: DATE,
        $: $,
        t: t,
        known: known,
        el: el,
        markdown: markdown,
        button: button,
        announce: announce,
        setClockOffset: function (offset) { clock.offset = offset; },
        timeText: timeText,
        timeEl: timeEl,
        tick: tick,
        runningTime: runningTime,
        langName: langName,
        channelName: channelName,
        roleText: roleText,
        whoText: whoText
    };
}());
