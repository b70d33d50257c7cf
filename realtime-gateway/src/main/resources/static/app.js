// Live leaderboard page. Data is only ever written with textContent, never as markup:
// display names come from users and may contain anything.
(function () {
  'use strict';

  // Copies of shared-events' BoardIds.BOARD_PATTERN, BoardIds.DEFAULT_BOARD and
  // BoardDefaults.TOP_N; LivePageRulesTest keeps them equal.
  var BOARD_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/;
  var DEFAULT_BOARD = 'global';
  var TOP_N = 10;
  var MAX_BACKOFF_MS = 30000;
  var FIRST_BACKOFF_MS = 500;

  var requested = new URLSearchParams(window.location.search).get('board');
  var board = requested && BOARD_ID.test(requested) ? requested : DEFAULT_BOARD;
  var token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (token) {
    // Keep the token out of the address bar and history.
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }

  var current = { season: null, seq: -1 };
  var attempt = 0;

  function el(id) {
    return document.getElementById(id);
  }

  function setStatus(kind, text) {
    var status = el('status');
    status.className = 'status status-' + kind;
    status.textContent = text || kind;
  }

  function say(text) {
    el('message').textContent = text || '';
  }

  function socketUrl() {
    var scheme = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
    var url = scheme + '//' + window.location.host + '/ws?board=' + encodeURIComponent(board);
    if (token) {
      url += '&access_token=' + encodeURIComponent(token);
    }
    return url;
  }

  function connect() {
    setStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    var socket = new WebSocket(socketUrl());
    socket.onmessage = function (event) {
      var message;
      try {
        message = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      handle(message);
    };
    socket.onclose = function (event) {
      if (event.code === 4001) {
        token = null;
        say('Your session expired; watching anonymously if the board is public.');
      }
      setStatus('offline', 'offline – retrying');
      retry();
    };
  }

  // Exponential back-off with jitter, so a restarted gateway is not hit by every page at once.
  function retry() {
    var ceiling = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * Math.pow(2, attempt));
    attempt += 1;
    var delay = ceiling / 2 + Math.random() * (ceiling / 2);
    window.setTimeout(connect, delay);
  }

  function handle(message) {
    switch (message.type) {
      case 'CONNECTION_ACK':
        attempt = 0;
        setStatus('live');
        el('viewer').textContent = message.userId ? 'as ' + message.userId : 'anonymous';
        say('');
        break;
      case 'SNAPSHOT':
        if (message.board === board) {
          // A snapshot always wins: it is the resync after (re)connecting.
          show(message, []);
        }
        break;
      case 'LEADERBOARD_UPDATE':
        if (message.board === board && isNewer(message)) {
          show(message, message.changes || []);
        }
        break;
      case 'ERROR':
        say('Server: ' + message.message);
        break;
      default:
        break;
    }
  }

  function isNewer(message) {
    if (current.season === null || message.season > current.season) {
      return true;
    }
    return message.season === current.season && message.seq > current.seq;
  }

  function show(message, changes) {
    current = { season: message.season, seq: message.seq };
    el('season').textContent = message.season;
    el('seq').textContent = String(message.seq);
    render(message.entries || [], changes);
  }

  function render(entries, changes) {
    var moves = {};
    changes.forEach(function (change) {
      moves[change.userId] = change;
    });
    var rows = el('rows');
    rows.replaceChildren();
    if (entries.length === 0) {
      var empty = document.createElement('tr');
      empty.className = 'empty';
      empty.appendChild(cell('No scores yet', null, 4));
      rows.appendChild(empty);
      return;
    }
    entries.slice(0, TOP_N).forEach(function (entry) {
      var row = document.createElement('tr');
      var move = direction(moves[entry.userId]);
      if (move) {
        row.className = move;
      }
      row.appendChild(cell(String(entry.rank), 'rank'));
      row.appendChild(cell(entry.displayName, null));
      row.appendChild(cell(String(entry.score), 'score'));
      row.appendChild(cell(symbol(move), 'move ' + (move || '')));
      rows.appendChild(row);
    });
  }

  function direction(change) {
    if (!change) {
      return null;
    }
    if (change.fromRank === null || change.fromRank === undefined) {
      return 'new';
    }
    if (change.toRank !== null && change.toRank < change.fromRank) {
      return 'up';
    }
    return change.toRank > change.fromRank ? 'down' : null;
  }

  function symbol(move) {
    return move === 'up' ? '▲' : move === 'down' ? '▼' : move === 'new' ? 'new' : '';
  }

  function cell(text, className, span) {
    var td = document.createElement('td');
    td.textContent = text;
    if (className) {
      td.className = className;
    }
    if (span) {
      td.colSpan = span;
    }
    return td;
  }

  el('board').textContent = board;
  connect();
})();
