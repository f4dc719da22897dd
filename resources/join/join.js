/* zoomsig join page: joins a meeting with the Zoom Meeting SDK for Web, following Zoom's CDN
 * sample (Client View by default, Component View with view=component), and reports every
 * state change in #zoomsig-status and, inside zoomsig's window, over QWebChannel.
 * Query format of the CDN sample: name (base64 utf-8), mn, email (base64), pwd, role, lang,
 * signature, china=0|1; plus zak, obfToken and view. Plain JS, no framework. */
(function () {
  "use strict";

  var CDN = "https://source.zoom.us";
  var CHINA_CDN = "https://jssdk.zoomus.cn";
  var SCRIPT_TIMEOUT_MS = 60000;
  var JOIN_TIMEOUT_MS = 120000;
  // Zoom's CDN sample for 6.2.0 loads the first five; lodash ships beside them and older
  // samples load it, so a hosted copy of an older sample's folder works too.
  var VENDOR = ["react.min.js", "react-dom.min.js", "redux.min.js", "redux-thunk.min.js",
                "react-redux.min.js", "lodash.min.js"];

  var statusEl = document.getElementById("zoomsig-status");
  var errors = {};
  var TITLES = {}; // state: headline, from states.json (zoomsig's one list of the states)
  var bridge = null;
  var pending = [];
  var finished = false;

  // --- state reporting -------------------------------------------------------------------

  function setState(state, code, message, causes) {
    var entry = code ? errors[String(code)] : null;
    var title = entry ? entry.title : TITLES[state] || state;
    var text = message || (entry ? entry.explanation : "");
    statusEl.setAttribute("data-state", state);
    if (code !== undefined && code !== null && code !== "") {
      statusEl.setAttribute("data-error-code", String(code));
    } else {
      statusEl.removeAttribute("data-error-code");
    }
    document.getElementById("zoomsig-title").textContent = title;
    document.getElementById("zoomsig-message").textContent = text;
    var list = document.getElementById("zoomsig-causes");
    list.textContent = "";
    var items = causes || (entry ? entry.causes : []) || [];
    items.forEach(function (cause) {
      var li = document.createElement("li");
      li.textContent = cause;
      list.appendChild(li);
    });
    list.hidden = items.length === 0;
    report(state, code ? String(code) : "", title + (text ? ": " + text : ""));
  }

  function report(state, code, message) {
    if (bridge) {
      bridge.report(state, code, message);
    } else {
      pending.push([state, code, message]);
    }
  }

  function fail(code, sdkMessage) {
    if (finished) { return; }
    finished = true;
    var entry = errors[String(code)];
    var said = sdkMessage ? " (the SDK said: " + sdkMessage + ")" : "";
    var text = entry ? entry.explanation + said : "The Meeting SDK reported error " + code + said;
    setState("failed", code, text);
    offerRetry();
  }

  // --- trying again ------------------------------------------------------------------------
  // Zoom allows one join call every 10 s (the SDK's @RateLimit 10s): faster tries fail with
  // 3633 (API limit) or 3634 (reCAPTCHA). The page spaces tries at least that far apart and
  // shows the wait. Each try of an OBF join notifies the meeting's host.

  var RETRY_SPACING_MS = 10000;
  var retryJoin = null;  // set by the view once a join was attempted
  var lastJoinAt = 0;
  var joinTimer = null;
  var retryTicker = null;
  var obfJoin = false;

  function attempt(join) {
    retryJoin = join;
    finished = false;
    lastJoinAt = Date.now();
    var box = document.getElementById("zoomsig-retry");
    if (box) { box.hidden = true; }
    clearTimeout(joinTimer);
    joinTimer = setTimeout(function () { fail("timeout", ""); }, JOIN_TIMEOUT_MS);
    join();
  }

  function offerRetry() {
    clearTimeout(joinTimer);
    if (!retryJoin) { return; }  // nothing was sent to Zoom: the link or the SDK is at fault
    var box = document.getElementById("zoomsig-retry");
    var button = document.getElementById("zoomsig-retry-button");
    var wait = document.getElementById("zoomsig-retry-wait");
    document.getElementById("zoomsig-retry-obf").hidden = !obfJoin;
    box.hidden = false;
    clearInterval(retryTicker);
    function tick() {
      var left = Math.ceil((lastJoinAt + RETRY_SPACING_MS - Date.now()) / 1000);
      box.setAttribute("data-wait-s", String(Math.max(left, 0)));
      button.disabled = left > 0;
      wait.textContent = left > 0
        ? "You can try again in " + left + " s: Zoom allows one join every 10 seconds "
          + "(faster tries give error 3633 or a reCAPTCHA, 3634)."
        : "You can try again now.";
      if (left <= 0) { clearInterval(retryTicker); }
    }
    tick();
    retryTicker = setInterval(tick, 250);
    button.onclick = function () {
      if (Date.now() - lastJoinAt < RETRY_SPACING_MS) { return; }
      clearInterval(retryTicker);
      setState("joining", "", "Trying again to join…");
      attempt(retryJoin);
    };
  }

  // The SDK's error object in Client View is {errorCode, errorMessage}; in Component View a
  // rejected promise with {type, reason, errorCode}. Messages about OBF/ZAK have no own code.
  function failWith(error) {
    var e = error || {};
    var code = e.errorCode !== undefined ? e.errorCode : (e.code !== undefined ? e.code : "");
    var message = e.errorMessage || e.reason || e.message || (typeof e === "string" ? e : "");
    if (!errors[String(code)] && /obf|zak|authorized user not in meeting/i.test(message)) {
      code = "outside-account";
    } else if (!errors[String(code)] && /timeout/i.test(message)) {
      code = "timeout";
    }
    fail(code === "" ? "unknown" : code, message);
  }

  // --- inside zoomsig's window: QWebChannel -------------------------------------------------

  function connectBridge() {
    if (!(window.qt && window.qt.webChannelTransport)) { return Promise.resolve(); }
    return loadScript("qwebchannel.js").then(function () {
      return new Promise(function (resolve) {
        new window.QWebChannel(window.qt.webChannelTransport, function (channel) {
          bridge = channel.objects.zoomsig || null;
          if (bridge) {
            // zoomsig's window explains the result above the page: one explanation, not two.
            document.body.classList.add("in-zoomsig");
            pending.forEach(function (p) { bridge.report(p[0], p[1], p[2]); });
          }
          pending = [];
          resolve();
        });
      });
    }, function () { /* without the bridge the page still works */ });
  }

  // --- link parameters -----------------------------------------------------------------------

  function b64DecodeUnicode(value) {
    var std = value.replace(/ /g, "+").replace(/-/g, "+").replace(/_/g, "/");
    var bytes = atob(std);
    return decodeURIComponent(bytes.split("").map(function (c) {
      return "%" + ("00" + c.charCodeAt(0).toString(16)).slice(-2);
    }).join(""));
  }

  function textParam(value) {
    if (!value) { return ""; }
    try { return b64DecodeUnicode(value); } catch { return value; }
  }

  function readParams() {
    var q = new URLSearchParams(window.location.search);
    var params = {
      name: textParam(q.get("name")) || "zoomsig tester", mn: (q.get("mn") || "").replace(/[^0-9]/g, ""),
      email: textParam(q.get("email")), pwd: q.get("pwd") || "",
      role: parseInt(q.get("role") || "0", 10) || 0, lang: q.get("lang") || "en-US",
      signature: q.get("signature") || "", china: q.get("china") === "1",
      zak: q.get("zak") || "", obfToken: q.get("obfToken") || "",
      view: q.get("view") === "component" ? "component" : "client"
    };
    // The signature, the passcode and ZAK/OBF must not stay in the address bar, the
    // browser's history or screenshots.
    ["signature", "pwd", "zak", "obfToken"].forEach(function (k) { q.delete(k); });
    var rest = q.toString();
    window.history.replaceState(null, "", window.location.pathname + (rest ? "?" + rest : ""));
    return params;
  }

  // --- loading the SDK -------------------------------------------------------------------------

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      var timer = setTimeout(function () { reject(new Error("timeout: " + src)); },
                             SCRIPT_TIMEOUT_MS);
      script.src = src;
      script.async = false;
      script.onload = function () { clearTimeout(timer); resolve(); };
      script.onerror = function () { clearTimeout(timer); reject(new Error("failed: " + src)); };
      document.head.appendChild(script);
    });
  }

  function loadSequence(urls) {
    return urls.reduce(function (chain, url) {
      return chain.then(function () { return loadScript(url); });
    }, Promise.resolve());
  }

  function fetchJson(path, fallback) {
    return fetch(path, { cache: "no-store" }).then(function (r) {
      return r.ok ? r.json() : fallback;
    }).catch(function () { return fallback; });
  }

  // Where the SDK comes from: zoomsig serve's --sdk-dir (/sdk/), else Zoom's CDN.
  function sdkSource(config, params, view) {
    var version = config.sdkVersion || "6.2.0";
    if (config.sdkRoot) {
      var root = config.sdkRoot;
      var main = view === "component" ? config.embeddedFile : config.clientFile;
      return { lib: root + "lib", main: root + (main || ""), version: version };
    }
    var cdn = (config.china || params.china) ? CHINA_CDN : CDN;
    var file = view === "component" ? "zoom-meeting-embedded-" + version + ".min.js"
                                    : "zoom-meeting-" + version + ".min.js";
    return { lib: cdn + "/" + version + "/lib", main: cdn + "/" + file, version: version };
  }

  function sdkMissing(detail) {
    finished = true;
    setState("sdk-missing", "", errors["sdk-missing"]
      ? errors["sdk-missing"].explanation : "The Meeting SDK did not load (no network?)");
    if (window.console) { console.warn("zoomsig: " + detail); }
  }

  // --- joining ------------------------------------------------------------------------------

  function readyText(params) {
    return params.signature && params.mn ? "The SDK is loaded and initialised; joining."
      : "The SDK is loaded. Open a link made with `zoomsig link` (or the window's join "
        + "button) to join a meeting.";
  }

  function clientView(params, source) {
    var ZoomMtg = window.ZoomMtg;
    ZoomMtg.setZoomJSLib(source.lib, "/av");
    ZoomMtg.preLoadWasm();
    ZoomMtg.prepareWebSDK();
    var i18n = ZoomMtg.i18n.load(params.lang);
    Promise.resolve(i18n).catch(function () { /* English stays */ }).then(function () {
      ZoomMtg.init({
        leaveUrl: window.location.origin + window.location.pathname,
        disableCORP: !window.crossOriginIsolated,
        success: function () {
          setState("ready", "", readyText(params));
          if (!params.signature || !params.mn) { return; }
          setState("joining", "", "Joining meeting " + params.mn + " as " + params.name + "…");
          var options = {
            meetingNumber: params.mn, userName: params.name, signature: params.signature,
            userEmail: params.email, passWord: params.pwd,
            success: function () {
              if (finished) { return; }
              finished = true;
              setState("joined", "", "The SDK joined the meeting: this signature works.");
            },
            error: failWith
          };
          if (params.zak) { options.zak = params.zak; }
          if (params.obfToken) { options.obfToken = params.obfToken; }
          attempt(function () { ZoomMtg.join(options); });
        },
        error: failWith
      });
    });
  }

  function componentView(params, source) {
    var root = document.getElementById("zoomsig-meeting");
    root.hidden = false;
    var client = window.ZoomMtgEmbedded.createClient();
    // assetPath: the av files next to the bundle (Zoom's CDN by default, /sdk/ when local).
    var assetPath = new URL(source.lib + "/av", window.location.href).href;
    client.init({ zoomAppRoot: root, language: params.lang, patchJsMedia: true,
                  assetPath: assetPath })
      .then(function () {
        setState("ready", "", readyText(params));
        if (!params.signature || !params.mn) { return null; }
        setState("joining", "", "Joining meeting " + params.mn + " as " + params.name + "…");
        var options = {
          signature: params.signature, meetingNumber: params.mn, userName: params.name,
          password: params.pwd, userEmail: params.email
        };
        if (params.zak) { options.zak = params.zak; }
        if (params.obfToken) { options.obfToken = params.obfToken; }
        attempt(function () {
          client.join(options).then(function () {
            if (finished) { return; }
            finished = true;
            setState("joined", "", "The SDK joined the meeting: this signature works.");
          }).catch(failWith);
        });
        return null;
      })
      .catch(failWith);
  }

  function start() {
    var params = readParams();
    obfJoin = !!params.obfToken;
    var defaults = { sdkVersion: "6.2.0", sdkRoot: null, china: false };
    Promise.all([fetchJson("errors.json", {}), fetchJson("config.json", defaults),
                 fetchJson("states.json", {}), connectBridge()])
      .then(function (loaded) {
        errors = loaded[0] || {};
        var config = loaded[1] || defaults;
        TITLES = loaded[2] || {};
        setState("loading", "", "Loading the Zoom Meeting SDK…");
        if (params.mn && !params.signature) {
          fail("bad-link", "");
          return;
        }
        var source = sdkSource(config, params, params.view);
        if (config.sdkRoot && !source.main.slice(config.sdkRoot.length)) {
          sdkMissing("the SDK folder has no " + params.view + " view bundle");
          return;
        }
        var scripts = VENDOR.map(function (f) { return source.lib + "/vendor/" + f; });
        scripts.push(source.main);
        loadSequence(scripts).then(function () {
          var ok = params.view === "component" ? !!window.ZoomMtgEmbedded : !!window.ZoomMtg;
          if (!ok) { sdkMissing("the SDK's script did not define its global"); return; }
          try {
            if (params.view === "component") { componentView(params, source); }
            else { clientView(params, source); }
          } catch (e) {
            failWith({ errorCode: "unknown", errorMessage: String(e && e.message || e) });
          }
        }, function (e) { sdkMissing(String(e && e.message || e)); });
      });
  }

  start();
})();
