// sahifa live reload. `sahifa serve` injects this script into the pages it
// serves (never into built files). It listens to the dev server's events:
// reloads the page when the page changed (keeping the scroll position),
// swaps stylesheets in place when only CSS changed (the page and its
// JavaScript state stay), and shows build errors over the page.
(function () {
  'use strict';
  var me = document.currentScript;
  if (!me || window.__sahifaLive) return;

  var paths = [];
  try { paths = JSON.parse(me.getAttribute('data-paths') || '[]'); } catch (e) { /* reload on any change */ }
  // Tests and curious people can read the state.
  var state = window.__sahifaLive = {
    build: me.getAttribute('data-build') || '',
    connected: false,
    swaps: 0,
  };
  var scrollKey = 'sahifa:scroll:' + location.pathname + location.search;

  restoreScroll();
  connect();

  function restoreScroll() {
    var saved = null;
    try {
      saved = sessionStorage.getItem(scrollKey);
      sessionStorage.removeItem(scrollKey);
    } catch (e) { return; }
    if (!saved) return;
    var pos = JSON.parse(saved);
    var go = function () { window.scrollTo(pos[0], pos[1]); };
    go();
    // Images and fonts arriving later may still change the page's height.
    if (document.readyState !== 'complete') window.addEventListener('load', go, { once: true });
  }

  function reload() {
    try { sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY])); } catch (e) { /* private mode */ }
    location.reload();
  }

  function connect() {
    var source = new EventSource('/_sahifa/events');
    var retry = 250;
    source.addEventListener('open', function () { state.connected = true; retry = 250; });
    source.addEventListener('hello', function (e) {
      var d = JSON.parse(e.data);
      // A build this page did not hear about, or a restarted server.
      if (d.build !== state.build) { reload(); return; }
      if (!d.failed) hideErrors();
    });
    source.addEventListener('build', function (e) {
      var d = JSON.parse(e.data);
      hideErrors();
      var mine = d.all || (d.pages || []).some(function (p) { return paths.indexOf(p) >= 0; });
      state.build = d.build;
      if (mine) { reload(); return; }
      if (d.styles) swapStyles(d.styles);
    });
    source.addEventListener('failure', function (e) {
      var d = JSON.parse(e.data);
      showErrors(d.errors || [], d.texts || {});
    });
    source.addEventListener('error', function () {
      state.connected = false;
      // The browser retries by itself unless it gave up (the server
      // answered with an error); then try again, less and less often.
      if (source.readyState === EventSource.CLOSED) {
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, 5000);
      }
    });
  }

  function sitePath(href) {
    var u = new URL(href, location.href);
    if (u.origin !== location.origin) return null;
    try { return decodeURIComponent(u.pathname).replace(/^\//, ''); } catch (e) { return null; }
  }

  function swapStyles(styles) {
    var links = document.querySelectorAll('link[rel~="stylesheet"]');
    Array.prototype.forEach.call(links, function (link) {
      var p = sitePath(link.href);
      styles.forEach(function (s) {
        if (p !== s.old) return;
        var next = link.cloneNode(false);
        next.removeAttribute('integrity'); // it named the old bytes
        var u = new URL('/' + encodeURI(s.new), location.href);
        if (s.old === s.new) u.searchParams.set('sahifa', String(Date.now()));
        next.href = u.href;
        // The old sheet stays until the new one applies: no flash.
        var done = function () { link.remove(); state.swaps++; };
        next.addEventListener('load', done, { once: true });
        next.addEventListener('error', done, { once: true });
        link.after(next);
      });
    });
  }

  var overlayCSS =
    ':host{all:initial}' +
    '.wrap{position:fixed;inset:0;z-index:2147483647;background:rgba(20,19,17,.6);display:flex;align-items:flex-start;justify-content:center;overflow:auto;padding:5vh 1rem}' +
    '.box{background:#fff;color:#1b1b1b;max-width:60rem;width:100%;border-radius:.5rem;border-top:.4rem solid #c0392b;box-shadow:0 1rem 3rem rgba(0,0,0,.4);padding:1rem 1.5rem;font:16px/1.5 system-ui,sans-serif}' +
    'h2{font-size:1.2rem;margin:.2rem 0 1rem;color:#c0392b}' +
    'ol{margin:0;padding:0;list-style:none}' +
    'li{margin:.5rem 0}' +
    'pre{margin:0;white-space:pre-wrap;word-break:break-word;font:14px/1.45 ui-monospace,monospace;background:#f6f2ee;padding:.6rem .8rem;border-radius:.3rem}' +
    'p{color:#555;font-size:.9rem}' +
    'button{float:right;float:inline-end;border:0;background:none;font-size:1.5rem;line-height:1;cursor:pointer;color:#555}';

  // texts are the overlay's words in the site's language (the server's
  // catalogue); the errors stay as the terminal prints them.
  function showErrors(errors, texts) {
    hideErrors();
    var host = document.createElement('div');
    host.id = 'sahifa-error-overlay';
    var root = host.attachShadow({ mode: 'open' });
    var style = document.createElement('style');
    style.textContent = overlayCSS;
    root.appendChild(style);
    var wrap = el(root, 'div', 'wrap');
    wrap.setAttribute('role', 'alert');
    var box = el(wrap, 'div', 'box');
    box.setAttribute('dir', texts.dir || 'ltr');
    box.setAttribute('lang', texts.lang || 'en');
    var close = el(box, 'button');
    close.textContent = '×';
    close.title = texts.hide || '';
    close.setAttribute('aria-label', texts.hide || '×');
    close.addEventListener('click', hideErrors);
    var h = el(box, 'h2');
    h.textContent = texts.title || 'sahifa';
    var list = el(box, 'ol');
    errors.forEach(function (e) {
      var pre = el(el(list, 'li'), 'pre');
      // "path:line:col" opens the line: left to right, with the Arabic
      // of the message in its own direction inside.
      pre.setAttribute('dir', 'auto');
      pre.textContent = e.text;
    });
    el(box, 'p').textContent = texts.hint || '';
    (document.body || document.documentElement).appendChild(host);
  }

  function hideErrors() {
    var old = document.getElementById('sahifa-error-overlay');
    if (old) old.remove();
  }

  function el(parent, tag, cls) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    parent.appendChild(e);
    return e;
  }
})();
