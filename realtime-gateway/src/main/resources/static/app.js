// Live leaderboard page. Plain script, no build step, no third-party code.
//
// Safety: data is only ever written with textContent or as SVG attribute values, never as markup:
// display names come from users and may contain anything. The access token travels only in the
// Sec-WebSocket-Protocol header ("bearer, <jwt>") or an Authorization header, never in a URL.
//
// Transports, best first: WebSocket; Server-Sent Events (read with fetch, so the token goes in a
// header) when the WebSocket cannot open; polling with ETag/304 when neither can. A transport that
// drops after working reconnects with exponential back-off and jitter, starting again at the top;
// a 503 with Retry-After waits at least that long, spread as the README's "Writing a frontend"
// asks (a refused WebSocket upgrade's headers are hidden from scripts, so only the stream's and
// the polls' Retry-After can be read); a permanent refusal (origin not allowed, unknown board,
// revoked or expired token) stops and says why.
(function () {
  'use strict';

  // Copies of shared-events' BoardIds.BOARD_PATTERN, BoardIds.DEFAULT_BOARD and
  // BoardDefaults.TOP_N; LivePageRulesTest keeps them equal.
  var BOARD_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
  var DEFAULT_BOARD = 'global';
  var TOP_N = 10;

  var FIRST_BACKOFF_MS = 1000;
  var MAX_BACKOFF_MS = 30000;
  var RETRY_AFTER_STRETCH = 0.5; // a Retry-After is waited times a random factor in [1, 1.5)
  var TICK_FRAMES = 36; // a score counts to its new value in 36 frames, 0.6 s at 60 Hz
  var POLL_MS = 2000;
  var YOU_REFRESH_MS = 15000;
  var CHART_WINDOW_MS = 5 * 60 * 1000;
  var CHART_SERIES = 5;
  var CHART_MIN_SPAN_MS = 5 * 1000;
  var TOKEN_KEY = 'scoreboard.token';
  var PLAYER_ID = /^[A-Za-z0-9_.-]{1,64}$/;

  var reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  var state = {
    config: { devAuthUrl: null },
    boards: [],
    board: DEFAULT_BOARD,
    season: null, // null: the board's current season, live
    seasons: [],
    topN: TOP_N,
    token: null,
    viewer: null,
    shown: { season: null, seq: -1, entries: [] },
    attempt: 0,
    generation: 0, // bumped on every (re)connect; callbacks of older ones are ignored
    close: null, // closes the open transport
    timers: [],
    stopped: false,
    history: {}, // userId -> [{t, score}] for the chart
    names: {},
    youTimer: null
  };

  function el(id) {
    return document.getElementById(id);
  }

  function text(node, value) {
    node.textContent = value === null || value === undefined ? '' : String(value);
    return node;
  }

  function make(tag, className, value) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (value !== undefined) {
      text(node, value);
    }
    return node;
  }

  function ordinal(n) {
    var tens = n % 100;
    if (tens >= 11 && tens <= 13) {
      return n + 'th';
    }
    return n + (['th', 'st', 'nd', 'rd'][n % 10] || 'th');
  }

  function say(message) {
    text(el('message'), message || '');
  }

  // ---- status chip ----------------------------------------------------------------------------

  var TRANSPORT_NAMES = { websocket: 'WebSocket', sse: 'SSE', polling: 'polling' };

  function setStatus(kind, transport, detail) {
    var chip = el('status');
    chip.dataset.state = kind;
    chip.dataset.transport = transport || '';
    var label = {
      connecting: 'connecting…',
      live: 'live',
      reconnecting: 'reconnecting',
      stopped: 'stopped',
      archived: 'past season · read-only'
    }[kind];
    if (transport) {
      label += ' · ' + TRANSPORT_NAMES[transport];
    }
    text(chip, detail ? label + ' · ' + detail : label);
  }

  function showLatency(committedAt) {
    var at = Date.parse(committedAt);
    if (!isNaN(at)) {
      text(el('latency'), 'last update ' + Math.max(0, Date.now() - at) + ' ms after its commit');
    }
  }

  // ---- URL and pickers --------------------------------------------------------------------------

  function readUrl() {
    var params = new URLSearchParams(window.location.search);
    var board = params.get('board');
    state.board = board && BOARD_ID.test(board) ? board : DEFAULT_BOARD;
    var season = params.get('season');
    state.season = season && /^[A-Za-z0-9_.-]{1,64}$/.test(season) ? season : null;
  }

  function writeUrl() {
    var params = new URLSearchParams();
    if (state.board !== DEFAULT_BOARD) {
      params.set('board', state.board);
    }
    if (state.season) {
      params.set('season', state.season);
    }
    var query = params.toString();
    window.history.pushState(null, '', window.location.pathname + (query ? '?' + query : ''));
  }

  function boardInfo() {
    for (var i = 0; i < state.boards.length; i++) {
      if (state.boards[i].board === state.board) {
        return state.boards[i];
      }
    }
    return null;
  }

  function fillBoardPicker() {
    var picker = el('board-picker');
    picker.replaceChildren();
    var known = state.boards.slice();
    if (!boardInfo()) {
      known.push({ board: state.board, title: state.board });
    }
    known.forEach(function (info) {
      var option = make('option', null, info.title && info.title !== info.board
        ? info.title + ' (' + info.board + ')' : info.board);
      option.value = info.board;
      option.selected = info.board === state.board;
      picker.appendChild(option);
    });
  }

  function currentSeasonId() {
    var info = boardInfo();
    if (state.seasons.length > 0) {
      return state.seasons[0].season;
    }
    return info ? info.currentSeason : state.shown.season;
  }

  function fillSeasonPicker() {
    var picker = el('season-picker');
    picker.replaceChildren();
    var seasons = state.seasons.slice();
    var current = currentSeasonId();
    if (seasons.length === 0 && current) {
      seasons.push({ season: current, startedAt: null, endedAt: null });
    }
    if (state.season && !seasons.some(function (s) { return s.season === state.season; })) {
      seasons.push({ season: state.season, startedAt: null, endedAt: null });
    }
    seasons.forEach(function (season, index) {
      var live = index === 0 && season.season === current;
      var option = make('option', null, season.season + (live ? ' (current)' : ''));
      option.value = live ? '' : season.season;
      option.selected = live ? !state.season : season.season === state.season;
      picker.appendChild(option);
    });
    picker.disabled = seasons.length < 2;
    showSeasonDates();
  }

  function showSeasonDates() {
    var wanted = state.season || currentSeasonId();
    var season = state.seasons.filter(function (s) { return s.season === wanted; })[0];
    if (!season || !season.startedAt) {
      text(el('season-dates'), '');
      return;
    }
    var from = new Date(season.startedAt).toLocaleString();
    text(el('season-dates'), season.endedAt
      ? from + ' – ' + new Date(season.endedAt).toLocaleString()
      : 'since ' + from);
  }

  function isPastSeason() {
    return state.season !== null && state.season !== currentSeasonId();
  }

  // ---- HTTP -------------------------------------------------------------------------------------

  function api(path, options) {
    var headers = (options && options.headers) || {};
    if (state.token) {
      headers.Authorization = 'Bearer ' + state.token;
    }
    return fetch(path, { headers: headers, cache: 'no-cache', signal: options && options.signal });
  }

  function boardPath(suffix) {
    return '/api/v1/leaderboards/' + encodeURIComponent(state.board) + (suffix || '');
  }

  function seasonQuery(prefix) {
    return state.season ? prefix + 'season=' + encodeURIComponent(state.season) : '';
  }

  function json(response) {
    return response.json().catch(function () { return {}; });
  }

  function loadBoards() {
    return api('/api/v1/leaderboards')
      .then(function (response) { return response.ok ? response.json() : []; })
      .catch(function () { return []; })
      .then(function (boards) {
        state.boards = Array.isArray(boards) ? boards : [];
        var info = boardInfo();
        state.topN = info && info.topN ? info.topN : TOP_N;
        text(el('title'), info && info.title ? info.title : 'Live Scoreboard');
        text(el('board'), state.board);
        text(el('board-caption'), 'Top ' + state.topN);
        fillBoardPicker();
      });
  }

  // GET .../seasons answers {board, seasons: [{season, startedAt, endedAt}]}, newest first; if it
  // fails, only the board's current season is offered.
  function loadSeasons() {
    return api(boardPath('/seasons'))
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; })
      .then(function (body) {
        state.seasons = (body && Array.isArray(body.seasons) ? body.seasons : [])
          .filter(function (s) { return typeof s.season === 'string'; });
        fillSeasonPicker();
      });
  }

  // ---- connection ladder ------------------------------------------------------------------------

  function clearTimers() {
    state.timers.forEach(window.clearTimeout);
    state.timers = [];
  }

  function later(fn, ms) {
    state.timers.push(window.setTimeout(fn, ms));
  }

  function disconnect() {
    state.generation += 1;
    clearTimers();
    if (state.close) {
      var close = state.close;
      state.close = null;
      close();
    }
  }

  function start() {
    disconnect();
    state.stopped = false;
    state.attempt = 0;
    state.shown = { season: null, seq: -1, entries: [] };
    state.history = {};
    renderChart();
    if (isPastSeason()) {
      loadArchive();
    } else {
      connect();
    }
  }

  function connect() {
    setStatus(state.attempt === 0 ? 'connecting' : 'reconnecting');
    openWebSocket(state.generation);
  }

  // A transport that worked and then dropped, or a gateway that asked to come back later: wait,
  // then start again at the top of the ladder. {@code retryAfterMs}: the server's Retry-After, if
  // it sent one.
  function dropped(generation, retryAfterMs) {
    if (generation !== state.generation || state.stopped) {
      return;
    }
    disconnect();
    var ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * Math.pow(2, state.attempt));
    state.attempt += 1;
    var delay;
    if (retryAfterMs !== null && retryAfterMs !== undefined) {
      // Never sooner than the server asked, and spread, so the pages it refused in one burst do
      // not all come back in the next one.
      delay = retryAfterMs * (1 + Math.random() * RETRY_AFTER_STRETCH);
      say('The gateway is busy and asked to come back in ' + retryAfterMs / 1000 + ' s.');
    } else {
      // Full jitter in the upper half, so a restarted gateway is not hit by every page at once.
      delay = ceiling / 2 + Math.random() * (ceiling / 2);
    }
    var until = Date.now() + delay;
    var generationNow = state.generation;
    (function tick() {
      if (generationNow !== state.generation) {
        return;
      }
      var left = Math.max(0, until - Date.now());
      if (left === 0) {
        connect();
        return;
      }
      setStatus('reconnecting', null, 'retry in ' + Math.ceil(left / 1000) + ' s');
      later(tick, Math.min(250, left));
    })();
  }

  // Retry-After in its delta-seconds form (the gateway sends no other), in ms; null without one.
  function retryAfterOf(response) {
    var value = (response.headers.get('Retry-After') || '').trim();
    return /^\d{1,6}$/.test(value) ? Number(value) * 1000 : null;
  }

  function stop(reason) {
    disconnect();
    state.stopped = true;
    setStatus('stopped', null, reason);
    say('Stopped: ' + reason + '.');
    var placeholder = el('rows').querySelector('tr.placeholder td');
    if (placeholder) {
      text(placeholder, 'Not available: ' + reason + '.');
    }
  }

  function live(generation, transport) {
    if (generation === state.generation) {
      state.attempt = 0;
      setStatus('live', transport);
      say('');
    }
  }

  function openWebSocket(generation) {
    var scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    var url = scheme + '//' + window.location.host + '/ws?board=' + encodeURIComponent(state.board);
    var socket;
    try {
      socket = state.token ? new WebSocket(url, ['bearer', state.token]) : new WebSocket(url);
    } catch (e) {
      openStream(generation);
      return;
    }
    var opened = false;
    state.close = function () { socket.close(1000); };
    socket.onopen = function () { opened = true; };
    socket.onmessage = function (event) {
      if (generation !== state.generation) {
        return;
      }
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (message.type === 'CONNECTION_ACK') {
        live(generation, 'websocket');
      } else if (message.type === 'ERROR' && message.code === 'BOARD_NOT_FOUND') {
        stop('board "' + state.board + '" not found');
      } else if (message.type === 'ERROR') {
        say('Server: ' + message.message);
      } else {
        receive(message.type, message);
      }
    };
    socket.onclose = function (event) {
      if (generation !== state.generation) {
        return;
      }
      if (event.code === 4001) {
        signOut();
        stop('your sign-in was revoked or has expired (4001); sign in again');
      } else if (opened) {
        dropped(generation);
      } else {
        // It never opened (blocked, refused handshake, no such endpoint): the next transport,
        // unless the refusal was for this page's origin.
        state.close = null;
        checkOrigin(generation);
      }
    };
  }

  // A script never sees why a WebSocket upgrade was refused, and a same-origin GET carries no
  // Origin header, so the stream and the polls would be served to a page whose origin the gateway
  // does not allow. An OPTIONS request does carry it: the gateway's CORS check answers 403
  // FORBIDDEN for an origin outside its allow list, as the upgrade did.
  function checkOrigin(generation) {
    fetch('/api/v1/leaderboards', { method: 'OPTIONS', cache: 'no-store' })
      .then(function (response) {
        return json(response).then(function (problem) {
          if (generation === state.generation && !refused(response.status, problem)) {
            openStream(generation);
          }
        });
      }, function () {
        if (generation === state.generation) {
          openStream(generation);
        }
      });
  }

  // Server-Sent Events, read with fetch so the token can go in the Authorization header.
  function openStream(generation) {
    if (generation !== state.generation) {
      return;
    }
    var abort = new AbortController();
    state.close = function () { abort.abort(); };
    var headers = { Accept: 'text/event-stream' };
    if (state.shown.seq >= 0) {
      headers['Last-Event-ID'] = String(state.shown.seq);
    }
    var received = false;
    api(boardPath('/stream'), { headers: headers, signal: abort.signal })
      .then(function (response) {
        if (generation !== state.generation) {
          return null;
        }
        if (!response.ok) {
          return json(response).then(function (problem) {
            if (refused(response.status, problem)) {
              return;
            }
            if (response.status === 503) {
              dropped(generation, retryAfterOf(response));
            } else {
              // Streams refused (429: this address holds too many): polls still serve the page.
              state.close = null;
              poll(generation, null);
            }
          });
        }
        live(generation, 'sse');
        received = true;
        return readEvents(response.body.getReader(), generation);
      })
      .then(function () {
        if (generation === state.generation && received) {
          dropped(generation);
        }
      })
      .catch(function () {
        if (generation !== state.generation) {
          return;
        }
        if (received) {
          dropped(generation);
        } else {
          state.close = null;
          poll(generation, null);
        }
      });
  }

  function readEvents(reader, generation) {
    var decoder = new TextDecoder();
    var buffer = '';
    function pump() {
      return reader.read().then(function (chunk) {
        if (chunk.done || generation !== state.generation) {
          return null;
        }
        buffer += decoder.decode(chunk.value, { stream: true }).replace(/\r\n?/g, '\n');
        var end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          dispatch(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        return pump();
      });
    }
    function dispatch(block) {
      var name = 'message';
      var data = [];
      block.split('\n').forEach(function (line) {
        if (line.indexOf('event:') === 0) {
          name = line.slice(6).trim();
        } else if (line.indexOf('data:') === 0) {
          data.push(line.slice(5).replace(/^ /, ''));
        }
      });
      if (data.length === 0) {
        return;
      }
      var message;
      try {
        message = JSON.parse(data.join('\n'));
      } catch (e) {
        return;
      }
      var type = { snapshot: 'SNAPSHOT', update: 'LEADERBOARD_UPDATE', 'rank-changed': 'RANK_CHANGED' }[name];
      if (type) {
        receive(type, message);
      }
    }
    return pump();
  }

  // Polling, the last resort: the board with If-None-Match, so an unchanged board costs a 304.
  function poll(generation, etag) {
    if (generation !== state.generation) {
      return;
    }
    var headers = etag ? { 'If-None-Match': etag } : {};
    api(boardPath('?limit=' + state.topN), { headers: headers })
      .then(function (response) {
        if (generation !== state.generation) {
          return;
        }
        if (response.status === 304) {
          live(generation, 'polling');
          later(function () { poll(generation, etag); }, POLL_MS);
          return;
        }
        return json(response).then(function (body) {
          if (generation !== state.generation || refused(response.status, body)) {
            return;
          }
          if (!response.ok) {
            dropped(generation, retryAfterOf(response));
            return;
          }
          live(generation, 'polling');
          receive('LEADERBOARD_UPDATE', {
            board: body.board,
            season: body.season,
            seq: body.seq,
            entries: body.entries,
            changes: diff(state.shown.entries, body.entries || [])
          });
          if (state.token) {
            refreshYou(true);
          }
          later(function () { poll(generation, response.headers.get('ETag')); }, POLL_MS);
        });
      })
      .catch(function () {
        dropped(generation);
      });
  }

  // Permanent refusals stop the page; true if {@code status} was one.
  function refused(status, problem) {
    var code = problem && problem.code;
    if (status === 404 && code === 'BOARD_NOT_FOUND') {
      stop('board "' + state.board + '" not found');
    } else if (status === 403 && code === 'FORBIDDEN') {
      stop('this page\'s origin ' + window.location.origin + ' is not allowed by the gateway (403)');
    } else if (status === 401) {
      signOut();
      stop('your sign-in was refused (401); sign in again');
    } else {
      return false;
    }
    return true;
  }

  // Past seasons do not change: one read, no live connection.
  function loadArchive() {
    setStatus('archived');
    api(boardPath('?limit=' + state.topN + seasonQuery('&')))
      .then(function (response) {
        return json(response).then(function (body) {
          if (!refused(response.status, body) && response.ok) {
            show(body, []);
          }
        });
      })
      .catch(function () {
        say('The past season could not be loaded.');
      });
  }

  // ---- messages ---------------------------------------------------------------------------------

  function receive(type, message) {
    if (message.board !== undefined && message.board !== state.board) {
      return;
    }
    if (type === 'SNAPSHOT') {
      // A snapshot always wins: it is the resync after (re)connecting, or a new season.
      show(message, diff(state.shown.entries, message.entries || []));
    } else if (type === 'LEADERBOARD_UPDATE') {
      if (isNewer(message)) {
        show(message, message.changes || []);
        if (message.sourceCommittedAt) {
          showLatency(message.sourceCommittedAt);
        }
      }
    } else if (type === 'RANK_CHANGED') {
      rankChanged(message);
    }
  }

  function isNewer(message) {
    if (state.shown.season === null || message.season !== state.shown.season) {
      return true;
    }
    return message.seq > state.shown.seq;
  }

  // The moves between two lists, in the shape of LEADERBOARD_UPDATE's changes.
  function diff(before, after) {
    if (before.length === 0) {
      return []; // the first view: nothing moved yet
    }
    var ranks = {};
    before.forEach(function (e) { ranks[e.userId] = e.rank; });
    var changes = [];
    after.forEach(function (e) {
      var from = ranks[e.userId];
      if (from !== e.rank) {
        changes.push({ userId: e.userId, fromRank: from === undefined ? null : from, toRank: e.rank });
      }
    });
    return changes;
  }

  function show(message, changes) {
    var seasonChanged = state.shown.season !== null && message.season !== state.shown.season;
    var entries = (message.entries || []).slice(0, state.topN);
    state.shown = { season: message.season, seq: message.seq, entries: entries };
    entries.forEach(function (e) { state.names[e.userId] = e.displayName; });
    render(entries, changes);
    if (!isPastSeason()) {
      record(entries);
    }
    if (seasonChanged) {
      loadSeasons();
    }
    if (state.viewer && entries.some(function (e) { return e.userId === state.viewer; })) {
      refreshYou(false);
    }
  }

  // ---- table with FLIP ------------------------------------------------------------------------

  function moveOf(change) {
    if (!change) {
      return null;
    }
    if (change.fromRank === null || change.fromRank === undefined) {
      return { kind: 'new', label: 'new', spoken: 'new in the top ' + state.topN };
    }
    if (change.toRank === null || change.toRank === undefined) {
      return null;
    }
    var places = Math.abs(change.fromRank - change.toRank);
    if (change.toRank < change.fromRank) {
      return { kind: 'up', label: '▲' + places, spoken: 'up ' + places };
    }
    if (change.toRank > change.fromRank) {
      return { kind: 'down', label: '▼' + places, spoken: 'down ' + places };
    }
    return null;
  }

  function render(entries, changes) {
    var tbody = el('rows');
    var moves = {};
    changes.forEach(function (c) { moves[c.userId] = c; });
    var animate = !reducedMotion.matches;

    // First: where every current row is now.
    var existing = {};
    var tops = {};
    Array.prototype.forEach.call(tbody.querySelectorAll('tr[data-user]'), function (row) {
      if (row.classList.contains('leaving')) {
        row.remove();
        return;
      }
      existing[row.dataset.user] = row;
      tops[row.dataset.user] = row.getBoundingClientRect().top;
    });
    var firstRender = Object.keys(existing).length === 0;
    var placeholder = tbody.querySelector('tr.placeholder');
    if (placeholder) {
      placeholder.remove();
    }

    var keep = {};
    var ordered = entries.map(function (entry) {
      keep[entry.userId] = true;
      var row = existing[entry.userId];
      var fresh = !row;
      if (fresh) {
        row = make('tr');
        row.dataset.user = entry.userId;
        row.appendChild(make('td', 'rank'));
        row.appendChild(make('td', 'name'));
        row.appendChild(make('td', 'score'));
        row.appendChild(make('td', 'move'));
      }
      var cells = row.children;
      text(cells[0], entry.rank);
      text(cells[1], entry.displayName);
      tick(cells[2], entry.score);
      var move = moveOf(moves[entry.userId]);
      text(cells[3], move ? move.label : '');
      cells[3].className = 'move' + (move ? ' ' + move.kind : '');
      if (move) {
        cells[3].setAttribute('aria-label', move.spoken);
      } else {
        cells[3].removeAttribute('aria-label');
      }
      row.classList.toggle('me', entry.userId === state.viewer);
      row.classList.toggle('entering', fresh && animate && !firstRender);
      return row;
    });

    // Leavers fade out below the list, then go.
    Object.keys(existing).forEach(function (userId) {
      if (!keep[userId]) {
        var row = existing[userId];
        if (animate) {
          row.classList.add('leaving');
          window.setTimeout(function () { row.remove(); }, 450);
        } else {
          row.remove();
        }
      }
    });
    ordered.forEach(function (row) { tbody.appendChild(row); });
    Array.prototype.forEach.call(tbody.querySelectorAll('tr.leaving'), function (row) {
      tbody.appendChild(row);
    });
    if (entries.length === 0) {
      var empty = make('tr', 'placeholder');
      var cell = make('td', null, 'No scores yet');
      cell.colSpan = 4;
      empty.appendChild(cell);
      tbody.appendChild(empty);
    }

    // Last, Invert, Play: each kept row starts where it was and slides to where it is.
    if (!animate) {
      return;
    }
    ordered.forEach(function (row) {
      var before = tops[row.dataset.user];
      if (before === undefined) {
        return;
      }
      var delta = before - row.getBoundingClientRect().top;
      if (Math.abs(delta) < 1) {
        return;
      }
      row.classList.remove('moving');
      row.style.transform = 'translateY(' + delta + 'px)';
      row.getBoundingClientRect(); // commit the inverted position before playing it back
      row.classList.add('moving');
      row.style.transform = '';
      window.setTimeout(function () { row.classList.remove('moving'); }, 500);
    });
  }

  // The score counts up (or down) to its new value; at once when motion is reduced. Counted in
  // frames rather than milliseconds, so a busy device still draws the count instead of jumping to
  // its end.
  function tick(cell, score) {
    var from = Number(cell.dataset.score);
    cell.dataset.score = String(score);
    if (reducedMotion.matches || isNaN(from) || cell.textContent === '' || from === score) {
      text(cell, score);
      return;
    }
    var frames = 0;
    function frame() {
      if (cell.dataset.score !== String(score)) {
        return; // a newer value took over
      }
      frames += 1;
      var progress = Math.min(1, frames / TICK_FRAMES);
      text(cell, Math.round(from + (score - from) * progress));
      if (progress < 1) {
        window.requestAnimationFrame(frame);
      }
    }
    window.requestAnimationFrame(frame);
  }

  // ---- chart ------------------------------------------------------------------------------------

  function record(entries) {
    var now = Date.now();
    entries.forEach(function (e) {
      var series = state.history[e.userId] || (state.history[e.userId] = []);
      var last = series[series.length - 1];
      if (!last || last.score !== e.score || now - last.t > 5000) {
        series.push({ t: now, score: e.score });
      }
    });
    Object.keys(state.history).forEach(function (userId) {
      state.history[userId] = state.history[userId].filter(function (p) { return now - p.t <= CHART_WINDOW_MS; });
    });
    renderChart();
  }

  var SVG = 'http://www.w3.org/2000/svg';

  function renderChart() {
    var svg = el('chart');
    var legend = el('chart-legend');
    svg.replaceChildren();
    legend.replaceChildren();
    var top = state.shown.entries.slice(0, CHART_SERIES);
    if (top.length === 0) {
      return;
    }
    var now = Date.now();
    var max = 1;
    var min = Infinity;
    top.forEach(function (e) {
      (state.history[e.userId] || []).forEach(function (p) {
        max = Math.max(max, p.score);
        min = Math.min(min, p.score);
      });
    });
    min = min === Infinity ? 0 : Math.max(0, min - (max - min) * 0.1 - 1);
    // The x axis spans what was seen, at least five seconds and at most the window.
    var first = now;
    top.forEach(function (e) {
      var series = state.history[e.userId] || [];
      if (series.length > 0) {
        first = Math.min(first, series[0].t);
      }
    });
    var span = Math.min(CHART_WINDOW_MS, Math.max(CHART_MIN_SPAN_MS, now - first));
    top.forEach(function (e, index) {
      // Scores change in steps: each point holds until the next one.
      var points = [];
      (state.history[e.userId] || []).forEach(function (p) {
        if (points.length > 0) {
          points.push({ t: p.t, score: points[points.length - 1].score });
        }
        points.push(p);
      });
      points.push({ t: now, score: e.score });
      var line = document.createElementNS(SVG, 'polyline');
      line.setAttribute('class', 'series-' + index);
      line.setAttribute('points', points.map(function (p) {
        var x = 400 - ((now - p.t) / span) * 400;
        var y = 155 - ((p.score - min) / (max - min || 1)) * 150;
        return x.toFixed(1) + ',' + y.toFixed(1);
      }).join(' '));
      var title = document.createElementNS(SVG, 'title');
      text(title, e.displayName + ': ' + e.score);
      line.appendChild(title);
      svg.appendChild(line);
      legend.appendChild(make('li', 'series-' + index, e.displayName + ' ' + e.score));
    });
  }

  // ---- you --------------------------------------------------------------------------------------

  // The token's own claims, to know who "you" are before the gateway says so. Not verified here:
  // the gateway verifies it; this only picks the row to highlight.
  function claimsOf(token) {
    try {
      var payload = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      return JSON.parse(atob(payload));
    } catch (e) {
      return null;
    }
  }

  function signIn(token) {
    var claims = claimsOf(token);
    if (!claims || !claims.sub) {
      say('That token could not be read.');
      return;
    }
    state.token = token;
    state.viewer = claims.sub;
    try {
      window.sessionStorage.setItem(TOKEN_KEY, token);
    } catch (e) {
      // Storage may be off; the token then lasts until the page is left.
    }
    showYou();
  }

  function signOut() {
    state.token = null;
    state.viewer = null;
    try {
      window.sessionStorage.removeItem(TOKEN_KEY);
    } catch (e) {
      // Nothing stored.
    }
    showYou();
  }

  function showYou() {
    var signedIn = state.token !== null;
    el('you-signed-in').hidden = !signedIn;
    el('you-anonymous').hidden = signedIn;
    el('play-as').hidden = signedIn || !state.config.devAuthUrl;
    window.clearInterval(state.youTimer);
    if (signedIn) {
      text(el('you-id'), state.viewer);
      refreshYou(true);
      state.youTimer = window.setInterval(function () { refreshYou(true); }, YOU_REFRESH_MS);
    }
    Array.prototype.forEach.call(el('rows').querySelectorAll('tr[data-user]'), function (row) {
      row.classList.toggle('me', row.dataset.user === state.viewer);
    });
  }

  var youPending = null;
  var youAgain = false;

  // Reads the viewer's standing: one read in flight at a time (a request meanwhile runs once it
  // is done), and at most one a second unless forced.
  function refreshYou(force) {
    if (!state.token) {
      return;
    }
    if (youPending) {
      youAgain = youAgain || force;
      return;
    }
    if (!force && refreshYou.last && Date.now() - refreshYou.last < 1000) {
      return;
    }
    refreshYou.last = Date.now();
    var season = seasonQuery('?');
    youPending = Promise.all([
      api(boardPath('/users/me' + season)),
      api(boardPath('/around/me' + (season ? season + '&' : '?') + 'radius=2'))
    ]).then(function (responses) {
      return Promise.all(responses.map(function (r) {
        return json(r).then(function (body) { return { status: r.status, body: body }; });
      }));
    }).then(function (answers) {
      showStanding(answers[0], answers[1]);
    }).catch(function () {
      // Offline; the next refresh tries again.
    }).then(function () {
      youPending = null;
      if (youAgain) {
        youAgain = false;
        refreshYou(true);
      }
    });
  }

  function showStanding(me, around) {
    var list = el('you-around');
    list.replaceChildren();
    if (me.status === 404) {
      text(el('you-rank'), '–');
      text(el('you-score'), '–');
      text(el('you-gap'), '–');
      text(el('you-note'), 'You are not on this board yet: complete an action to join it.');
      return;
    }
    if (me.status === 401) {
      signOut();
      say('Your sign-in was refused; sign in again.');
      return;
    }
    if (me.status !== 200) {
      return;
    }
    var previous = state.myRank;
    state.myRank = me.body.rank;
    text(el('you-rank'), ordinal(me.body.rank) + ' of ' + me.body.totalUsers);
    text(el('you-score'), me.body.score);
    text(el('you-gap'), me.body.inTopN ? 'in the top ' + state.topN : me.body.pointsToTopN + ' points');
    text(el('you-note'), me.body.percentile !== undefined
      ? 'Better than ' + Math.round(me.body.percentile) + ' % of players.' : '');
    var entries = around.status === 200 ? (around.body.entries || around.body) : [];
    (Array.isArray(entries) ? entries : []).forEach(function (e) {
      var item = make('li', e.userId === state.viewer ? 'me' : null, e.displayName + ' · ' + e.score);
      item.value = e.rank;
      list.appendChild(item);
    });
    // On transports without RANK_CHANGED (polling), a rank that moved still gets its toast.
    if (el('status').dataset.transport === 'polling' && previous && previous !== me.body.rank) {
      toast('You are now ' + ordinal(me.body.rank));
    }
  }

  function rankChanged(message) {
    if (message.userId !== state.viewer) {
      return;
    }
    var to = message.toRank;
    var from = message.fromRank;
    var line;
    if (message.overtakenBy) {
      var name = state.names[message.overtakenBy] || message.overtakenBy;
      line = name + ' passed you — you are now ' + ordinal(to);
    } else if (message.inTopN && (from === null || from === undefined || from > state.topN)) {
      line = 'You entered the top ' + state.topN + ' — you are ' + ordinal(to);
    } else if (!message.inTopN && from !== null && from <= state.topN) {
      line = 'You left the top ' + state.topN + ' — you are now ' + ordinal(to);
    } else {
      line = 'You are now ' + ordinal(to);
    }
    toast(line);
    state.myRank = to;
    refreshYou(true);
  }

  function toast(line) {
    var box = el('toasts');
    var item = make('div', 'toast', line);
    box.appendChild(item);
    while (box.children.length > 3) {
      box.firstChild.remove();
    }
    window.setTimeout(function () { item.remove(); }, 8000);
  }

  // The local stack's dev auth server mints a token for any id (see /page-config.json).
  function playAs(event) {
    event.preventDefault();
    var id = el('play-as-id').value.trim();
    if (!PLAYER_ID.test(id) || !state.config.devAuthUrl) {
      say('A player id is letters, digits and _ . - (up to 64).');
      return;
    }
    fetch(state.config.devAuthUrl + '/dev/token', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sub: id, name: id })
    })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .then(function (body) {
        if (!body.token) {
          say('The dev auth server refused.');
          return;
        }
        var hadFocus = el('play-as').contains(document.activeElement);
        signIn(body.token);
        start();
        if (hadFocus) {
          el('sign-out').focus(); // the box is gone: keep the keyboard's place in the panel
        }
      })
      .catch(function () {
        say('The dev auth server could not be reached.');
      });
  }

  // ---- wiring -----------------------------------------------------------------------------------

  function switchTo(board, season) {
    state.board = board;
    state.season = season;
    writeUrl();
    load();
  }

  function load() {
    disconnect();
    Promise.all([loadBoards(), loadSeasons()]).then(function () {
      fillSeasonPicker();
      if (state.token) {
        refreshYou(true);
      }
      start();
    });
  }

  el('board-picker').addEventListener('change', function (event) {
    if (BOARD_ID.test(event.target.value)) {
      switchTo(event.target.value, null);
    }
  });
  el('season-picker').addEventListener('change', function (event) {
    switchTo(state.board, event.target.value || null);
  });
  el('pickers').addEventListener('submit', function (event) { event.preventDefault(); });
  el('play-as').addEventListener('submit', playAs);
  el('sign-out').addEventListener('click', function () {
    signOut();
    start();
    if (!el('play-as').hidden) {
      el('play-as-id').focus();
    }
  });
  // The chart's time axis moves on even while the scores stand still.
  window.setInterval(renderChart, 5000);
  window.addEventListener('popstate', function () {
    readUrl();
    load();
  });

  readUrl();
  var stored = null;
  try {
    stored = window.sessionStorage.getItem(TOKEN_KEY);
  } catch (e) {
    stored = null;
  }
  fetch('/page-config.json', { cache: 'no-cache' })
    .then(function (response) { return response.ok ? response.json() : {}; })
    .catch(function () { return {}; })
    .then(function (config) {
      state.config.devAuthUrl = typeof config.devAuthUrl === 'string' ? config.devAuthUrl : null;
      if (stored) {
        signIn(stored);
      } else {
        showYou();
      }
      load();
    });
})();
