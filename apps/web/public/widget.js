/*
 * Agents CRM chat widget. On any site:
 *   <script src="https://crm.example.com/widget.js" data-agent-id="demo_clinic" async></script>
 * Optional: data-position="bottom-right|bottom-left", data-label="Chat with us", data-color="#2f6f5e",
 * data-lang="en|ru" (the chat's language; without it, the visitor's saved choice or browser language).
 * Adds a floating button that opens the chat (https://crm.example.com/embed/<agent id>) in a frame.
 * No dependencies; its only global is window.AgentsCrmWidget: open(), close(), toggle() (optionally
 * with an agent id when a page has several widgets).
 */
/* global window, document */
(function () {
  "use strict";

  // currentScript is null in a few loaders (some tag managers): then the tag is looked up.
  var script =
    document.currentScript ||
    document.querySelector(
      'script[src*="widget.js"][data-agent-id]:not([data-agents-crm-mounted])',
    );
  if (!script || !script.src) return;
  var agentId = script.getAttribute("data-agent-id") || "";
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(agentId)) {
    console.warn("[agents-crm] widget.js needs a valid data-agent-id attribute.");
    return;
  }
  script.setAttribute("data-agents-crm-mounted", "");
  var origin = new URL(script.src, window.location.href).origin;
  var side = script.getAttribute("data-position") === "bottom-left" ? "left" : "right";
  var LANGUAGES = { en: "Chat with us", ru: "Напишите нам" };
  var lang = (script.getAttribute("data-lang") || "").trim().toLowerCase();
  if (!Object.prototype.hasOwnProperty.call(LANGUAGES, lang)) lang = "";
  var label = (script.getAttribute("data-label") || "").trim() || LANGUAGES[lang || "en"];
  var colorAttribute = script.getAttribute("data-color") || "";
  var color = /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(colorAttribute)
    ? colorAttribute
    : "#2f6f5e";

  var registry = window.AgentsCrmWidget;
  if (!registry) {
    var widgets = {};
    var call = function (action) {
      return function (id) {
        var widget = widgets[id || Object.keys(widgets)[0]];
        if (widget && widget[action]) widget[action]();
      };
    };
    registry = window.AgentsCrmWidget = {
      widgets: widgets,
      open: call("open"),
      close: call("close"),
      toggle: call("toggle"),
    };
  }
  if (registry.widgets[agentId]) return;

  var CSS =
    ":host{all:initial}" +
    ".button{position:fixed;bottom:20px;" +
    side +
    ":20px;z-index:2147483000;display:flex;" +
    "align-items:center;gap:8px;padding:12px 18px;border:0;border-radius:999px;background:" +
    color +
    ";color:#fff;font:600 15px/1.2 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;" +
    "box-shadow:0 6px 20px rgba(0,0,0,.2);cursor:pointer}" +
    ".button:focus-visible{outline:3px solid #fff;outline-offset:2px}" +
    ".button svg{width:20px;height:20px;fill:currentColor}" +
    ".panel{position:fixed;bottom:84px;" +
    side +
    ":20px;z-index:2147483001;width:380px;" +
    "height:min(640px,calc(100vh - 110px));border-radius:16px;overflow:hidden;background:#fff;" +
    "box-shadow:0 12px 40px rgba(0,0,0,.25)}" +
    ".panel[hidden]{display:none}" +
    ".panel iframe{width:100%;height:100%;border:0;display:block}" +
    "@media (max-width:480px){.panel{inset:0;width:auto;height:auto;border-radius:0}" +
    ".open .button{display:none}}";

  var ICON =
    '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 ' +
    '2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>';

  function mount() {
    var host = document.createElement("div");
    host.setAttribute("data-agents-crm-widget", agentId);
    var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
    var style = document.createElement("style");
    style.textContent = CSS;
    var wrapper = document.createElement("div");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button";
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", "agents-crm-panel");
    button.innerHTML = ICON;
    var text = document.createElement("span");
    text.textContent = label;
    button.appendChild(text);
    var panel = document.createElement("div");
    panel.className = "panel";
    panel.id = "agents-crm-panel";
    panel.hidden = true;
    wrapper.appendChild(panel);
    wrapper.appendChild(button);
    root.appendChild(style);
    root.appendChild(wrapper);
    document.body.appendChild(host);

    var frame = null;
    function open() {
      if (!frame) {
        // Created on first open: a page that never opens the chat loads nothing more.
        frame = document.createElement("iframe");
        frame.src =
          origin + "/embed/" + encodeURIComponent(agentId) + (lang ? "?lang=" + lang : "");
        frame.title = label;
        panel.appendChild(frame);
      }
      panel.hidden = false;
      wrapper.className = "open";
      button.setAttribute("aria-expanded", "true");
      frame.focus();
    }
    function close() {
      panel.hidden = true;
      wrapper.className = "";
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
    function toggle() {
      if (panel.hidden) open();
      else close();
    }
    button.addEventListener("click", toggle);
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) close();
    });
    // The chat's own close button (phone-sized screens) asks through postMessage.
    window.addEventListener("message", function (event) {
      if (!frame || event.source !== frame.contentWindow || event.origin !== origin) return;
      if (event.data && event.data.type === "agents-crm:close") close();
    });
    registry.widgets[agentId] = { open: open, close: close, toggle: toggle };
  }

  registry.widgets[agentId] = { pending: true };
  if (document.body) mount();
  else document.addEventListener("DOMContentLoaded", mount);
})();
