// The supervisor view of the agent console: the figures of GET /agent/api/insights for a period and
// filter, a small bar chart per figure (an own SVG renderer, no library, no CDN), the not-understood
// list and the exports. Every text comes from the embedded locale JSON; values go in with textContent.
(function () {
    'use strict';

    var K = window.AgentDeskKit;
    var $ = K.$, t = K.t, el = K.el;
    var SVG = 'http://www.w3.org/2000/svg';
    var DAY_MS = 24 * 3600 * 1000;
    /** The figures with a chart, and how their values read. */
    var FIGURES = [
        { key: 'conversations', kind: 'count', detail: function (x) { return { verified: x.verified, closings: x.closings }; } },
        { key: 'containmentRate', kind: 'rate', detail: function (x) { return { contained: x.contained }; } },
        { key: 'escalationRate', kind: 'rate', detail: function (x) { return { escalated: x.escalated, callbacks: x.callbacks }; } },
        { key: 'abandonmentRate', kind: 'rate', detail: function (x) { return { abandoned: x.abandoned }; } },
        { key: 'satisfaction', kind: 'rate', detail: function (x) { return { up: x.ratingsUp, down: x.ratingsDown }; } },
        { key: 'satisfactionAfterPerson', kind: 'rate', detail: function (x) { return { up: x.ratingsAfterPersonUp, down: x.ratingsAfterPersonDown }; } },
        { key: 'satisfactionBotAlone', kind: 'rate', detail: function (x) { return { up: x.ratingsUp - x.ratingsAfterPersonUp, down: x.ratingsDown - x.ratingsAfterPersonDown }; } },
        { key: 'notUnderstood', kind: 'count', detail: function () { return {}; } },
        { key: 'medianFirstAnswerMs', kind: 'time', detail: function () { return {}; } },
        { key: 'medianCompletedTaskMs', kind: 'time', detail: function () { return {}; } },
        { key: 'medianQueueWaitMs', kind: 'time', detail: function (x) { return { handoffs: x.handoffs }; } },
        { key: 'medianHandlingMs', kind: 'time', detail: function () { return {}; } }
    ];
    var TASKS = ['billing-role', 'admin-mail', 'change-request', 'portal-reset', 'topic'];
    var CASES = ['a', 'b', 'c', 'd'];
    var number = new Intl.NumberFormat(K.LOCALE);
    var percent = new Intl.NumberFormat(K.LOCALE, { style: 'percent', maximumFractionDigits: 1 });
    var dayFormat = new Intl.DateTimeFormat(K.LOCALE, { day: 'numeric', month: 'short', timeZone: 'UTC' });

    function valueText(kind, value) {
        if (value === null || value === undefined) { return t('insights.noValue'); }
        if (kind === 'rate') { return percent.format(value); }
        if (kind === 'time') {
            if (value < 60000) { return t('insights.units.s', { n: number.format(Math.round(value / 1000)) }); }
            if (value < 3600000) { return t('insights.units.min', { n: number.format(Math.round(value / 6000) / 10) }); }
            return t('insights.units.h', { n: number.format(Math.round(value / 360000) / 10) });
        }
        return number.format(value);
    }

    function dayText(day) { return dayFormat.format(new Date(day + 'T00:00:00Z')); }

    /** A bar per day; the SVG is one image to assistive technology, named by its summary. */
    function chart(figure, days) {
        var values = days.map(function (d) { return d[figure.key]; });
        var known = values.filter(function (v) { return v !== null && v !== undefined; });
        var max = known.length ? Math.max.apply(null, known) : 0;
        var min = known.length ? Math.min.apply(null, known) : 0;
        var width = 160, height = 40, gap = 2;
        var bar = Math.max(1, (width - gap * (days.length - 1)) / Math.max(1, days.length));
        var svg = document.createElementNS(SVG, 'svg');
        svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height);
        svg.setAttribute('class', 'chart');
        svg.setAttribute('role', 'img');
        svg.setAttribute('aria-label', t('insights.chartLabel', {
            name: t('insights.figure.' + figure.key),
            first: days.length ? dayText(days[0].day) : '',
            last: days.length ? dayText(days[days.length - 1].day) : '',
            min: valueText(figure.kind, known.length ? min : null),
            max: valueText(figure.kind, known.length ? max : null)
        }));
        var base = document.createElementNS(SVG, 'line');
        base.setAttribute('x1', '0'); base.setAttribute('x2', String(width));
        base.setAttribute('y1', String(height - 0.5)); base.setAttribute('y2', String(height - 0.5));
        base.setAttribute('class', 'chart-base');
        svg.appendChild(base);
        values.forEach(function (v, i) {
            if (v === null || v === undefined) { return; }
            var h = max > 0 ? Math.max(1, Math.round((v / max) * (height - 2))) : 1;
            var rect = document.createElementNS(SVG, 'rect');
            rect.setAttribute('x', String(i * (bar + gap)));
            rect.setAttribute('y', String(height - h));
            rect.setAttribute('width', String(bar));
            rect.setAttribute('height', String(h));
            var title = document.createElementNS(SVG, 'title');
            title.textContent = dayText(days[i].day) + ': ' + valueText(figure.kind, v);
            rect.appendChild(title);
            svg.appendChild(rect);
        });
        return svg;
    }

    function row(cells, header) {
        var tr = el('tr');
        cells.forEach(function (text, i) {
            var cell = el(i === 0 && header ? 'th' : 'td', null, text);
            if (i === 0 && header) { cell.setAttribute('scope', 'row'); }
            tr.appendChild(cell);
        });
        return tr;
    }

    function render(report) {
        var totals = report.totals;
        var figures = $('figures');
        figures.textContent = '';
        FIGURES.forEach(function (figure) {
            var li = el('li', 'figure');
            li.setAttribute('data-figure', figure.key);
            var name = el('h4', null, t('insights.figure.' + figure.key));
            var value = el('p', 'value', valueText(figure.kind, totals[figure.key]));
            var detail = el('p', 'meta', t('insights.detailOf.' + figure.key, figure.detail(totals)));
            li.appendChild(name);
            li.appendChild(value);
            li.appendChild(detail);
            li.appendChild(chart(figure, report.days));
            figures.appendChild(li);
        });
        var tasks = $('tasks');
        tasks.textContent = '';
        TASKS.forEach(function (task) {
            tasks.appendChild(row([t('insights.task.' + task), number.format(totals.tasksCompleted[task]), number.format(totals.tasksStarted[task]) + ' ' + t('insights.started')], true));
        });
        var cases = $('cases');
        cases.textContent = '';
        CASES.forEach(function (c) { cases.appendChild(row([t('insights.case.' + c), number.format(totals.cases[c])], true)); });
        var unplaced = $('unplaced');
        unplaced.textContent = '';
        report.notUnderstood.forEach(function (entry) {
            unplaced.appendChild(row([entry.text, number.format(entry.count), t('insights.reasons.' + entry.reason), entry.intent, number.format(entry.score), t('insights.languages.' + entry.lang)]));
        });
        $('unplaced-table').hidden = report.notUnderstood.length === 0;
        $('unplaced-none').hidden = report.notUnderstood.length > 0;
        var comments = $('comments');
        comments.textContent = '';
        report.comments.forEach(function (c) {
            var li = el('li');
            li.appendChild(el('span', 'who', t('insights.' + c.rating)));
            li.appendChild(el('span', null, c.text));
            li.appendChild(el('span', 'meta', ' · ' + K.timeText(c.at)));
            comments.appendChild(li);
        });
        $('comments-none').hidden = report.comments.length > 0;
        var head = $('days-head');
        head.textContent = '';
        var headRow = el('tr');
        [t('insights.day')].concat(FIGURES.map(function (f) { return t('insights.figure.' + f.key); })).forEach(function (text) {
            var th = el('th', null, text);
            th.setAttribute('scope', 'col');
            headRow.appendChild(th);
        });
        head.appendChild(headRow);
        var days = $('days');
        days.textContent = '';
        report.days.forEach(function (day) {
            days.appendChild(row([dayText(day.day)].concat(FIGURES.map(function (f) { return valueText(f.kind, day[f.key]); })), true));
        });
    }

    function query() {
        var params = new URLSearchParams();
        params.set('from', $('from').value);
        params.set('to', $('to').value);
        if ($('door').value) { params.set('door', $('door').value); }
        if ($('language').value) { params.set('language', $('language').value); }
        return params;
    }

    function load() {
        var params = query();
        $('insights-status').textContent = t('insights.loading');
        $('insights-error').textContent = '';
        ['json', 'csv'].forEach(function (format) {
            params.set('format', format);
            $('export-' + format).href = '/agent/api/insights?' + params.toString();
        });
        params.set('format', 'json');
        return fetch('/agent/api/insights?' + params.toString(), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
            .then(function (res) {
                return res.json().then(function (data) {
                    if (!res.ok) { throw new Error((data.error && data.error.message) || String(res.status)); }
                    return data;
                });
            })
            .then(function (report) {
                render(report);
                var done = t('insights.loaded', { from: dayText($('from').value), to: dayText($('to').value) });
                $('insights-status').textContent = done;
            })
            .catch(function (err) {
                $('insights-status').textContent = '';
                $('insights-error').textContent = t('insights.failed', { message: err.message });
            });
    }

    function isoDay(at) { return new Date(at).toISOString().slice(0, 10); }

    function start() {
        var select = $('ui-lang');
        select.value = K.LANG;
        select.addEventListener('change', function () {
            localStorage.setItem('agentConsoleLang', select.value);
            location.assign('/agent/insights?lang=' + encodeURIComponent(select.value));
        });
        fetch('/agent/api/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
            .then(function (res) { return res.json().then(function (data) { return { status: res.status, data: data }; }); })
            .then(function (answer) {
                if (answer.status !== 200) {
                    $('insights-error').textContent = t('insights.signIn');
                    return;
                }
                if (!answer.data.agent.supervisor) {
                    $('insights-error').textContent = t('insights.notSupervisor');
                    return;
                }
                var now = Date.now();
                $('to').value = isoDay(now);
                $('from').value = isoDay(now - 6 * DAY_MS);
                $('insights-body').hidden = false;
                $('insights-filter').addEventListener('submit', function (event) {
                    event.preventDefault();
                    load();
                });
                load();
            })
            .catch(function (err) { $('insights-error').textContent = t('insights.failed', { message: err.message }); });
    }

    start();
}());
